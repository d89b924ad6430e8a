import { outlineDestinations } from '../print/outline-destinations.js';
import type { OutlineDestination } from '../print/outline-destinations.js';
import { pageInk } from '../print/page-ink.js';
import type { InkBox } from '../print/page-ink.js';
import { numbers, PdfObjects, ref } from '../print/pdf-objects.js';
import { pageMarginsMm } from '../render/page-css.js';

const pt = (mm: number): number => (mm / 25.4) * 72;

interface PrintedPage {
  readonly width: number;
  readonly height: number;
  readonly ink: readonly InkBox[];
}

/**
 * What the printed PDF shows, checked where a reader would notice: every page after the cover
 * has its running header (title and date, at both ends of the top margin) and its footer
 * ("page X of Y", in the bottom margin), and no heading ends a page with nothing under it. The
 * checks read the PDF's own drawing operators (page-ink.ts) and bookmarks (one per heading,
 * pointing at its top), so they see what was printed, not what the CSS asked for: a header
 * whose font lacked a glyph, or a break rule a template overrode, shows here.
 */
export function pageFurnitureProblems(bytes: Uint8Array): string[] {
  const pdf = PdfObjects.from(bytes);
  const headings = outlineDestinations(pdf);
  const problems: string[] = [];
  const noHeader: number[] = [];
  const noFooter: number[] = [];
  pdf.pages().forEach((object, i) => {
    const onPage = headings.filter((h) => h.page === i + 1);
    const page = readPage(pdf, object, i === 0, onPage);
    if (i > 0 && !page.header) noHeader.push(i + 1);
    if (i > 0 && !page.footer) noFooter.push(i + 1);
    for (const heading of onPage) {
      if (!page.complete || page.ink.length === 0 || !endsPage(heading, page)) continue;
      problems.push(`the heading "${heading.title}" ends page ${heading.page} of the PDF with nothing under it`);
    }
  });
  if (noHeader.length > 0) problems.unshift(`${pageList(noHeader)} of the PDF ${noHeader.length === 1 ? 'has' : 'have'} no running header (the title and the date at the top)`);
  if (noFooter.length > 0) problems.splice(noHeader.length > 0 ? 1 : 0, 0, `${pageList(noFooter)} of the PDF ${noFooter.length === 1 ? 'has' : 'have'} no "page X of Y" footer`);
  return problems;
}

interface ReadPage extends PrintedPage {
  readonly header: boolean;
  readonly footer: boolean;
  /** Whether the whole page was read; a page is read only as far as its checks need. */
  readonly complete: boolean;
}

/**
 * A page's ink, read until everything asked of it is settled: the header's two ends and the
 * footer seen (none asked on the cover), and each heading with something well below it. Chromium
 * draws the margin boxes first and the page from top to bottom, so most pages are settled early.
 */
function readPage(pdf: PdfObjects, object: number, cover: boolean, headings: readonly OutlineDestination[]): ReadPage {
  const dict = pdf.dict(object) ?? '';
  const [, , width = 595, height = 842] = numbers(dict, 'MediaBox');
  const contents = [...(/\/Contents\s*\[([^\]]*)\]/.exec(dict)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
  const single = ref(dict, 'Contents');
  const streams = (contents.length > 0 ? contents : single !== undefined ? [single] : []).map((n) => pdf.stream(n) ?? Buffer.alloc(0));
  const top = height - pt(pageMarginsMm.top);
  const bottom = pt(pageMarginsMm.bottom);
  let [start, end, footer] = [cover, cover, cover];
  const open = new Set(headings);
  let complete = true;
  const ink = pageInk(Buffer.concat(streams.flatMap((s) => [s, Buffer.from('\n')])), (box) => {
    if (box.kind === 'text' && box.y0 >= top) {
      if (box.x0 < width / 2) start = true;
      else end = true;
    }
    if (box.kind === 'text' && box.y1 <= bottom) footer = true;
    for (const heading of open) {
      // Clearly under the heading, whatever its lines: more than two heading lines below its top.
      const under = box.y0 > bottom && box.y1 < heading.top - 60 && (box.kind !== 'path' || box.y1 - box.y0 >= 2);
      if (under) open.delete(heading);
    }
    const settled = start && end && footer && open.size === 0;
    if (settled) complete = false;
    return settled;
  });
  return { width, height, ink, header: start && end, footer, complete: complete || open.size > 0 };
}

/**
 * Whether nothing but the page's footer lies below the heading. The heading's own lines are
 * the text that starts at its top, and the lines of the same size that follow it closely (a
 * heading may wrap); a box that begins above the heading (the card it titles) is not under it,
 * and neither is a rule drawn under it.
 */
function endsPage(heading: OutlineDestination, page: PrintedPage): boolean {
  const [top, bottom] = [pt(pageMarginsMm.top), pt(pageMarginsMm.bottom)];
  const body = page.ink.filter((b) => b.y0 > bottom && b.y1 < page.height - top && b.y1 <= heading.top + 5);
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
