import type { Heading } from '../pdf/pair-bookmarks.js';
import { pairBookmarks } from '../pdf/pair-bookmarks.js';
import type { PdfDocument } from '../pdf/read-pdf.js';

/**
 * Each bookmark of the finished PDF against the heading it stands for: finishing titled every
 * bookmark it could pair with a heading (pair-bookmarks.ts), so here each title must equal its
 * heading's text exactly. A bookmark with no heading, a heading with no bookmark, or a title
 * that differs is named, with its page: a reader would see it in the bookmarks panel.
 */
export function bookmarkProblems(finished: PdfDocument, headings: readonly Heading[]): string[] {
  const items = finished.outline;
  const pairs = pairBookmarks(
    items.map((item) => item.title),
    headings,
  );
  const problems: string[] = [];
  const paired = new Set<number>();
  items.forEach((item, i) => {
    const page = item.destination ? ` on page ${item.destination.page}` : '';
    const heading = headings[pairs[i]!];
    if (heading === undefined) {
      problems.push(`the bookmark "${item.title}"${page} of the PDF matches no heading of the report`);
      return;
    }
    paired.add(pairs[i]!);
    if (item.title !== heading.text)
      problems.push(`the bookmark "${item.title}"${page} of the PDF should read "${heading.text}"`);
  });
  const unmarked = headings.filter((_, j) => !paired.has(j));
  if (unmarked.length > 0) {
    const named = unmarked
      .slice(0, 5)
      .map((h) => `"${h.text}"`)
      .join(', ');
    problems.push(
      `${unmarked.length === 1 ? 'the heading' : 'the headings'} ${named}${unmarked.length > 5 ? ` and ${unmarked.length - 5} more` : ''} ${unmarked.length === 1 ? 'has' : 'have'} no bookmark in the PDF`,
    );
  }
  return problems;
}
