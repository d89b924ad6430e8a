import { pageText } from '../pdf/page-text.js';
import type { PdfDocument, PdfPage } from '../pdf/read-pdf.js';
import { pageMarginsMm } from '../render/page-css.js';

const pt = (mm: number): number => (mm / 25.4) * 72;

/** A page whose content ends before this share of the text area is nearly empty: two or three lines. */
const nearlyEmpty = 0.12;

/**
 * Pages left nearly empty in the middle of the report: a section's last line or two pushed onto
 * a page of their own, or a heading stranded at the top of an otherwise blank page. Read from
 * the ink of each page between its running header and footer (page-ink.ts); the cover and the
 * last page may be short. Each is named with its page and the text it holds.
 */
export function emptyPageProblems(doc: PdfDocument): string[] {
  const problems: string[] = [];
  // Every section starts on a page of its own, so a short section (a heading and a line or two,
  // such as "no balance points listed") fills a page alone by design: that page is whole, not
  // a remnant. A page is such a section's when a section's bookmark points at it and the next
  // section's at the page after it.
  const sections = doc.outline
    .filter((item) => item.depth === 0 && item.destination !== undefined)
    .map((item) => item.destination!.page);
  const wholeSection = new Set(sections.filter((page, i) => sections[i + 1] === page + 1));
  for (const page of doc.pages.slice(1, -1)) {
    if (wholeSection.has(page.number)) continue;
    const top = page.height - pt(pageMarginsMm.top);
    const bottom = pt(pageMarginsMm.bottom);
    const body = page.drawing().ink.filter((b) => b.y1 > bottom && b.y0 < top);
    const lowest = body.reduce((low, b) => Math.min(low, Math.max(b.y0, bottom)), top);
    const used = (top - lowest) / (top - bottom);
    if (used >= nearlyEmpty) continue;
    problems.push(
      body.length === 0
        ? `page ${page.number} of the PDF is empty between its header and footer`
        : `page ${page.number} of the PDF is nearly empty: its content ends ${Math.round(used * 100)}% of the way down${pageWords(doc, page)}`,
    );
  }
  return problems;
}

/** The first words the page shows between its header and footer. */
function pageWords(doc: PdfDocument, page: PdfPage): string {
  const top = page.height - pt(pageMarginsMm.top);
  const bottom = pt(pageMarginsMm.bottom);
  const words = pageText(doc, page, (s) => s.y < top && s.y > bottom)
    .replace(/\s+/g, ' ')
    .trim();
  return words === '' ? '' : ` ("${words.slice(0, 60)}${words.length > 60 ? '…' : ''}")`;
}
