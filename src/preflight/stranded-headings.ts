import type { InkBox } from '../pdf/page-ink.js';
import type { PdfDocument } from '../pdf/read-pdf.js';
import { pageMarginsMm } from '../render/page-css.js';

const pt = (mm: number): number => (mm / 25.4) * 72;

/** A heading keeps at least this many lines of what it heads on its page. */
const minLines = 3;
/** A chart or image under a heading counts as this many lines: it is content enough. */
const figureLines = 3;

/**
 * Headings stranded at the foot of a page: what a heading heads goes on to the next page, and
 * fewer than three lines of it are on the heading's own page ("Papers" and one row, then a new
 * page). Read from the printed PDF: each bookmark gives a heading's page and top, the page's ink
 * gives the lines under it. A heading whose content simply ends on its page (the next heading
 * follows on the same page, or at the top of the next) is not stranded, however short.
 * The bookmarks may come from the finished document and the pages from the printed one, whose
 * drawings the preflight has read already: finishing never touches a page's content.
 */
export function strandedHeadings(doc: Pick<PdfDocument, 'outline' | 'pages'>): string[] {
  const headings = doc.outline.flatMap((item) =>
    item.destination?.top === undefined
      ? []
      : [{ title: item.title, page: item.destination.page, top: item.destination.top }],
  );
  const inks = new Map<number, { ink: InkBox[]; height: number }>();
  const inkOf = (number: number): { ink: InkBox[]; height: number } => {
    let read = inks.get(number);
    if (!read) {
      const page = doc.pages[number - 1]!;
      // Only the body: the running header and footer sit in the margins.
      const [top, bottom] = [page.height - pt(pageMarginsMm.top), pt(pageMarginsMm.bottom)];
      inks.set(
        number,
        (read = { ink: page.drawing().ink.filter((b) => b.y0 > bottom - 1 && b.y1 < top + 1), height: page.height }),
      );
    }
    return read;
  };
  const problems: string[] = [];
  headings.forEach((heading, i) => {
    const next = headings[i + 1];
    if (next && next.page === heading.page) return;
    const { ink, height } = inkOf(heading.page);
    const contentTop = height - pt(pageMarginsMm.top);
    const endsHere = next
      ? next.page === heading.page + 1 && next.top >= contentTop - 8
      : heading.page === doc.pages.length;
    if (endsHere) return;
    const lines = linesUnder(heading, ink);
    if (lines < minLines)
      problems.push(
        `the heading "${heading.title.replace(/\u00AD/g, '')}" on page ${heading.page} of the PDF keeps ${lines === 0 ? 'no line' : lines === 1 ? 'one line' : `${lines} lines`} of what it heads, and the rest is on the next page`,
      );
  });
  return problems;
}

/**
 * Lines of content below a heading on its page: the heading's own lines are the text that
 * starts at its top and the lines of the same size right after it (a heading may wrap); the
 * lines below are counted by their tops, and a chart or image counts as a few lines.
 */
function linesUnder(heading: { readonly top: number }, ink: readonly InkBox[]): number {
  const text = ink.filter((b) => b.kind === 'text' && b.y1 <= heading.top + 5).sort((a, b) => b.y1 - a.y1);
  const first = text[0];
  if (!first) return 0;
  const size = first.y1 - first.y0;
  let foot = first.y0;
  for (const box of text) {
    const sameLine = box.y1 >= foot + size * 0.5;
    const nextLine = Math.abs(box.y1 - box.y0 - size) < 0.5 && box.y1 >= foot - size * 0.6;
    if (sameLine || nextLine) foot = Math.min(foot, box.y0);
  }
  const figures = ink.some((b) => b.kind === 'image' && b.y1 < foot && b.y1 - b.y0 > 40);
  let lines = 0;
  let lineFoot = Infinity;
  for (const box of text.filter((b) => b.y1 < foot - 0.5)) {
    if (box.y1 > lineFoot + (box.y1 - box.y0) * 0.3) continue;
    lines++;
    lineFoot = box.y0;
  }
  return lines + (figures ? figureLines : 0);
}
