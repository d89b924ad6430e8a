import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildContext } from '../../src/build-context.js';
import { buildReport } from '../../src/build-report.js';
import { RenderError } from '../../src/errors.js';
import { pageText } from '../../src/pdf/page-text.js';
import { readPdf } from '../../src/pdf/read-pdf.js';
import type { PdfDocument } from '../../src/pdf/read-pdf.js';
import { repoRoot } from '../helpers/paths.js';

/** Letters only: pdf.js puts spaces and line ends where glyphs stand apart; this reader does not guess them. */
const letters = (text: string): string => text.normalize('NFKC').replace(/[\s\u2066-\u2069]/g, '');

let dir: string;
const context = new BuildContext();
/** The printed and finished PDF of a report, as Chromium writes it: the sample, and the Arabic fixture. */
const built = new Map<string, { bytes: Buffer; ours: PdfDocument }>();

/** pdf.js's view of a built PDF, one document open at a time (two open at once disturb each other's pages in Node). */
async function withPdfJs(
  name: string,
  check: (ours: PdfDocument, theirs: PDFDocumentProxy) => Promise<void>,
): Promise<void> {
  const { bytes, ours } = built.get(name)!;
  const theirs = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    await check(ours, theirs);
  } finally {
    await theirs.destroy();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'read-pdf-'));
  const reports = { sample: {}, arabic: { spec: path.join(repoRoot, 'tests/fixtures/i18n/report.ar.yaml') } };
  for (const [name, extra] of Object.entries(reports)) {
    const result = await buildReport({
      cwd: repoRoot,
      formats: ['html', 'pdf'],
      context,
      today: '2026-11-23',
      ...extra,
    });
    const bytes = result.pdf!;
    built.set(name, { bytes, ours: readPdf(bytes) });
  }
}, 240_000);

afterAll(async () => {
  await context.close();
  await rm(dir, { recursive: true, force: true });
});

describe.each(['sample', 'arabic'])('the reader agrees with pdf.js on a real Chromium PDF (%s)', (name) => {
  it('on the pages, their sizes and the text each shows', () =>
    withPdfJs(name, async (ours, theirs) => {
      expect(ours.pages.length).toBe(theirs.numPages);
      for (const page of ours.pages) {
        const theirPage = await theirs.getPage(page.number);
        const [x0, y0, x1, y1] = theirPage.view as [number, number, number, number];
        expect([page.width, page.height]).toEqual([x1 - x0, y1 - y0]);
        const content = await theirPage.getTextContent();
        const theirText = content.items.map((item) => ('str' in item ? item.str : '')).join('');
        // pdf.js reorders right-to-left runs; there the letters are compared, not their order (and
        // decomposed: a hamza composes with whichever letter it ends up beside).
        const comparable =
          name === 'arabic' ? (t: string): string => [...letters(t).normalize('NFKD')].sort().join('') : letters;
        expect(comparable(pageText(ours, page)), `page ${page.number}`).toBe(comparable(theirText));
      }
    }));

  it('on the bookmarks: titles, nesting and the page each leads to', () =>
    withPdfJs(name, async (ours, theirs) => {
      type Item = { title: string; dest: unknown; items: Item[] };
      const flat: { title: string; depth: number; page: number }[] = [];
      const walk = async (items: Item[], depth: number): Promise<void> => {
        for (const item of items) {
          const dest = (typeof item.dest === 'string' ? await theirs.getDestination(item.dest) : item.dest) as [
            { num: number; gen: number },
          ];
          flat.push({ title: item.title, depth, page: (await theirs.getPageIndex(dest[0])) + 1 });
          await walk(item.items, depth + 1);
        }
      };
      await walk(await theirs.getOutline(), 0);
      expect(flat.length).toBeGreaterThan(10);
      expect(
        ours.outline.map((item) => ({ title: item.title, depth: item.depth, page: item.destination?.page })),
      ).toEqual(flat);
    }));

  it('on the links: every address of every page, and nothing that runs', () =>
    withPdfJs(name, async (ours, theirs) => {
      const uris: string[] = [];
      for (let i = 1; i <= theirs.numPages; i++) {
        // pdf.js types its annotations as any; a link annotation has a `url` string.
        for (const annotation of (await (await theirs.getPage(i)).getAnnotations()) as { url?: string }[])
          if (annotation.url) uris.push(`${i} ${annotation.url}`);
      }
      if (name === 'sample') expect(uris.length).toBeGreaterThan(10);
      const actions = ours.actions();
      expect(actions.filter((a) => a.type === 'URI').map((a) => `${/page (\d+)/.exec(a.where)![1]} ${a.uri}`)).toEqual(
        uris,
      );
      expect(actions.filter((a) => a.trigger === 'opens')).toEqual([]);
    }));

  it('on the named destinations the contents link to', () =>
    withPdfJs(name, async (ours, theirs) => {
      const dests = (await theirs.getDestinations()) as Record<string, [{ num: number; gen: number }]>;
      const theirPages = await Promise.all(
        Object.entries(dests).map(async ([key, dest]) => [key, (await theirs.getPageIndex(dest[0])) + 1] as const),
      );
      expect(new Map([...ours.namedDestinations].map(([key, dest]) => [key, dest.page]))).toEqual(new Map(theirPages));
    }));
});

describe('a PDF the reader cannot fully read is an error, never an empty answer', () => {
  it('refuses object streams and cross-reference streams, as qpdf writes them', async () => {
    const plain = path.join(dir, 'plain.pdf');
    const compressed = path.join(dir, 'object-streams.pdf');
    await writeFile(plain, built.get('sample')!.bytes);
    await promisify(execFile)('qpdf', ['--object-streams=generate', plain, compressed]);
    const bytes = await readFile(compressed);
    expect(() => readPdf(bytes)).toThrow(RenderError);
    expect(() => readPdf(bytes)).toThrow(/the PDF cannot be read: it has a cross-reference stream and object streams/);
  });
});
