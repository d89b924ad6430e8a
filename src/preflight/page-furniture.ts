import type { InkBox } from '../pdf/page-ink.js';
import type { PdfDocument, PdfPage } from '../pdf/read-pdf.js';
import { pageMarginsMm } from '../render/page-css.js';

const pt = (mm: number): number => (mm / 25.4) * 72;

/** A heading on its page: its bookmark's title, and the top of its box in points from the foot of the page. */
interface PlacedHeading {
  readonly title: string;
  readonly page: number;
  readonly top: number;
}

/**
 * What the printed PDF shows, checked where a reader would notice: every page after the cover
 * has its running header (title and date, at both ends of the top margin) and its footer
 * ("page X of Y", in the bottom margin), and no heading ends a page with nothing under it. The
 * checks read the PDF's own drawing operators (page-ink.ts) and bookmarks (one per heading,
 * pointing at its top), so they see what was printed, not what the CSS asked for: a header
 * whose font lacked a glyph, or a break rule a template overrode, shows here.
 */
export function pageFurnitureProblems(doc: Pick<PdfDocument, 'pages' | 'outline'>): string[] {
  const headings: PlacedHeading[] = doc.outline.flatMap((item) =>
    item.destination?.top === undefined
      ? []
      : [{ title: item.title, page: item.destination.page, top: item.destination.top }],
  );
  const problems: string[] = [];
  const noHeader: number[] = [];
  const noFooter: number[] = [];
  for (const page of doc.pages) {
    const ink = page.drawing().ink;
    const top = page.height - pt(pageMarginsMm.top);
    const bottom = pt(pageMarginsMm.bottom);
    const header =
      ink.some((b) => b.kind === 'text' && b.y0 >= top && b.x0 < page.width / 2) &&
      ink.some((b) => b.kind === 'text' && b.y0 >= top && b.x0 >= page.width / 2);
    const footer = ink.some((b) => b.kind === 'text' && b.y1 <= bottom);
    if (page.number > 1 && !header) noHeader.push(page.number);
    if (page.number > 1 && !footer) noFooter.push(page.number);
    for (const heading of headings) {
      if (heading.page !== page.number || ink.length === 0 || !endsPage(heading, page, ink)) continue;
      problems.push(`the heading "${heading.title}" ends page ${heading.page} of the PDF with nothing under it`);
    }
  }
  if (noHeader.length > 0)
    problems.unshift(
      `${pageList(noHeader)} of the PDF ${noHeader.length === 1 ? 'has' : 'have'} no running header (the title and the date at the top)`,
    );
  if (noFooter.length > 0)
    problems.splice(
      noHeader.length > 0 ? 1 : 0,
      0,
      `${pageList(noFooter)} of the PDF ${noFooter.length === 1 ? 'has' : 'have'} no "page X of Y" footer`,
    );
  return problems;
}

/**
 * Whether nothing but the page's footer lies below the heading. The heading's own lines are
 * the text that starts at its top, and the lines of the same size that follow it closely (a
 * heading may wrap); a box that begins above the heading (the card it titles) is not under it,
 * and neither is a rule drawn under it.
 */
function endsPage(heading: PlacedHeading, page: PdfPage, ink: readonly InkBox[]): boolean {
  const [top, bottom] = [pt(pageMarginsMm.top), pt(pageMarginsMm.bottom)];
  const body = ink.filter((b) => b.y0 > bottom && b.y1 < page.height - top && b.y1 <= heading.top + 5);
  const text = body.filter((b) => b.kind === 'text').sort((a, b) => b.y1 - a.y1);
  const first = text[0];
  if (!first || first.y1 < heading.top - 0.6 * (first.y1 - first.y0) - 4) return false;
  let lineFoot = first.y0;
  const size = first.y1 - first.y0;
  for (const line of text) {
    const sameLine = line.y1 >= lineFoot + size * 0.5;
    const nextLine = Math.abs(line.y1 - line.y0 - size) < 0.5 && line.y1 >= lineFoot - size * 0.6;
    if (sameLine || nextLine) lineFoot = Math.min(lineFoot, line.y0);
  }
  // A rule or border under the heading (its underline) is not content: lines under 2 pt thick.
  return !body.some((b) => b.y1 < lineFoot - 0.5 && (b.kind !== 'path' || b.y1 - b.y0 >= 2));
}

function pageList(pages: readonly number[]): string {
  const shown = pages.slice(0, 8).join(', ');
  return `${pages.length === 1 ? 'page' : 'pages'} ${shown}${pages.length > 8 ? ` and ${pages.length - 8} more` : ''}`;
}
