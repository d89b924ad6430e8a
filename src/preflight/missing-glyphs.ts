import { RenderError } from '../errors.js';
import type { TextShow } from '../pdf/page-ink.js';
import type { PdfDocument, PdfPage } from '../pdf/read-pdf.js';

/** What a reader sees where a font had no glyph: a box. */
const box = '\u25a1';

/**
 * Every character the PDF shows, checked for a glyph: a code whose glyph is the font's .notdef
 * (pdf-fonts.ts) prints as an empty box, whatever the HTML held. This reads what Chromium
 * actually drew, after font fallback and shaping, so flags, emoji sequences and scripts no
 * shipped font covers are caught where a check of the input's characters would pass. Each page
 * with boxes is named, with the lines that hold them (boxes shown as □), each line as far as
 * one column of it goes.
 */
export function missingGlyphProblems(doc: PdfDocument): string[] {
  const problems: string[] = [];
  for (const page of doc.pages) {
    const shows = page.drawing().shows;
    const lines = new Map<number, TextShow[]>();
    let missing = 0;
    for (const show of shows) {
      const count = missingIn(doc, page, show);
      if (count === 0) continue;
      missing += count;
      lines.set(show.box, []);
    }
    if (missing === 0) continue;
    // The text of each line with a box, in the order its pieces stand on the line.
    for (const show of shows) lines.get(show.box)?.push(show);
    const texts = [...lines.values()].slice(0, 3).map((line) =>
      line
        .sort((a, b) => a.x - b.x)
        .flatMap((show) => glyphsOf(doc, page, show).map((g) => (g.missing ? box : g.text)))
        .join('')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 100),
    );
    problems.push(
      `page ${page.number} of the PDF prints ${missing === 1 ? 'a character as an empty box (no font drew it)' : `${missing} characters as empty boxes (no font drew them)`}: ${texts.map((t) => `"${t}"`).join(', ')}${lines.size > 3 ? ` and ${lines.size - 3} more lines` : ''}`,
    );
  }
  return problems;
}

function glyphsOf(
  doc: PdfDocument,
  page: PdfPage,
  show: TextShow,
): ReturnType<ReturnType<PdfDocument['font']>['glyphs']> {
  if (show.font === undefined)
    throw new RenderError(`the PDF cannot be read: page ${page.number} shows text in a font its resources do not name`);
  const font = doc.font(show.font);
  return show.strings.flatMap((s) => font.glyphs(s));
}

function missingIn(doc: PdfDocument, page: PdfPage, show: TextShow): number {
  if (show.font === undefined)
    throw new RenderError(`the PDF cannot be read: page ${page.number} shows text in a font its resources do not name`);
  const font = doc.font(show.font);
  return show.strings.reduce((count, s) => count + font.missing(s), 0);
}
