import type { Heading } from '../pdf/pair-bookmarks.js';
import type { PdfDocument } from '../pdf/read-pdf.js';
import { bookmarkProblems } from './bookmark-titles.js';
import { emptyPageProblems } from './empty-pages.js';
import { missingGlyphProblems } from './missing-glyphs.js';
import { pageFurnitureProblems } from './page-furniture.js';

/**
 * The preflight of the printed PDF, in one place: what a reader of the pages would notice.
 * Every page's drawing is read once (the printed document caches it); the bookmarks are read
 * from the finished document, as a viewer shows them. Each problem is a warning naming the page
 * and the text; `--strict` makes any of them refuse the build.
 */
export function pdfPreflight(printed: PdfDocument, finished: PdfDocument, headings: readonly Heading[]): string[] {
  return [
    ...pageFurnitureProblems({ pages: printed.pages, outline: finished.outline }),
    ...missingGlyphProblems(printed),
    ...emptyPageProblems(printed),
    ...bookmarkProblems(finished, headings),
  ];
}
