import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readerPdfText } from './reader-view.js';

export interface OutlineEntry {
  readonly title: string;
  readonly children: readonly OutlineEntry[];
}

export interface PdfFacts {
  readonly pages: number;
  /** Text of each page, lines joined by newlines, as pdf.js extracts it. */
  readonly pageTexts: readonly string[];
  readonly text: string;
  readonly outline: readonly OutlineEntry[];
  readonly info: Record<string, unknown>;
  /** [width, height] in points, per page. */
  readonly pageSizes: readonly (readonly [number, number])[];
  readonly tagged: boolean;
}

/** Reads a PDF the way a viewer does (pdf.js), never by matching bytes. */
export async function readPdf(file: string): Promise<PdfFacts> {
  const data = new Uint8Array(await readFile(file));
  const doc = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pageTexts: string[] = [];
    const pageSizes: [number, number][] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const [x0, y0, x1, y1] = page.view as [number, number, number, number];
      pageSizes.push([Math.round(x1 - x0), Math.round(y1 - y0)]);
      const content = await page.getTextContent();
      pageTexts.push(
        readerPdfText(
          content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
        ),
      );
    }
    const toEntries = (items: { title: string; items?: unknown[] }[] | null): OutlineEntry[] =>
      (items ?? []).map((i) => ({
        title: i.title,
        children: toEntries((i.items ?? []) as { title: string; items?: unknown[] }[]),
      }));
    const outline = toEntries((await doc.getOutline()) as { title: string; items?: unknown[] }[] | null);
    const meta = await doc.getMetadata();
    const markInfo = await doc.getMarkInfo();
    return {
      pages: doc.numPages,
      pageTexts,
      text: pageTexts.join('\n'),
      outline,
      info: meta.info as Record<string, unknown>,
      pageSizes,
      tagged: markInfo?.Marked === true,
    };
  } finally {
    await doc.destroy();
  }
}

/** Fonts as poppler's pdffonts lists them: name, and whether each is embedded. */
export async function pdfFonts(file: string): Promise<{ name: string; embedded: boolean }[]> {
  const { stdout } = await promisify(execFile)('pdffonts', [file]);
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim())
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type... encoding emb sub uni object ID: emb is the 5th column from the end.
      return { name: cols[0]!, embedded: cols.at(-5) === 'yes' };
    });
}

export function flattenOutline(entries: readonly OutlineEntry[], depth = 0): string[] {
  return entries.flatMap((e) => [`${'  '.repeat(depth)}${e.title}`, ...flattenOutline(e.children, depth + 1)]);
}
