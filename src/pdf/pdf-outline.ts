import { RenderError } from '../errors.js';
import type { Destination } from './pdf-destinations.js';
import { resolveDestination } from './pdf-destinations.js';
import type { PdfFile } from './pdf-file.js';
import { PdfDict, PdfRef, PdfString } from './pdf-values.js';
import { decodeText } from './text-string.js';

/** One bookmark. */
export interface OutlineItem {
  /** Its object number: finishing writes the item again under it with a new title. */
  readonly object: number;
  readonly dict: PdfDict;
  readonly title: string;
  /** 0 for the top level. */
  readonly depth: number;
  /** Where it leads (undefined when its destination is not a page of this document). */
  readonly destination: Destination | undefined;
}

/** Most bookmarks read: far beyond a report's (one per heading); past it the outline is not a report's. */
const maxItems = 100_000;

/**
 * The bookmarks in reading order (depth first), with the page and height each points at.
 * Chromium makes one per heading, `/Dest [12 0 R /XYZ x top 0]`, at the top of the heading's box.
 * An outline whose links loop, or whose items are not dictionaries, is refused.
 */
export function readOutline(
  file: PdfFile,
  named: ReadonlyMap<string, Destination>,
  pageNumbers: ReadonlyMap<number, number>,
): OutlineItem[] {
  const root = file.dict(file.catalog().get('Outlines'));
  if (!root) return [];
  const items: OutlineItem[] = [];
  const seen = new Set<number>();
  const visit = (first: unknown, depth: number): void => {
    for (let next = first; next !== undefined;) {
      if (!(next instanceof PdfRef))
        throw new RenderError('the PDF cannot be read: a bookmark that is not an indirect object');
      if (seen.has(next.num) || items.length >= maxItems || depth > 64)
        throw new RenderError('the PDF cannot be read: its bookmarks loop or nest without end');
      seen.add(next.num);
      const dict = file.dict(next);
      if (!dict) throw new RenderError(`the PDF cannot be read: bookmark object ${next.num} is not a dictionary`);
      const title = file.resolve(dict.get('Title'));
      const action = file.dict(dict.get('A'));
      const target = dict.get('Dest') ?? (action?.name('S') === 'GoTo' ? action.get('D') : undefined);
      items.push({
        object: next.num,
        dict,
        title: title instanceof PdfString ? decodeText(title) : '',
        depth,
        destination: target === undefined ? undefined : resolveDestination(file, target, named, pageNumbers),
      });
      visit(dict.get('First'), depth + 1);
      next = dict.get('Next');
    }
  };
  visit(root.get('First'), 0);
  return items;
}
