import { decodePdfString } from './outline-titles.js';
import { PdfObjects, ref } from './pdf-objects.js';

export interface OutlineDestination {
  readonly title: string;
  /** 1-based, as the footer counts. */
  readonly page: number;
  /** The top of the heading on its page, in PDF points from the foot of the page. */
  readonly top: number;
}

/**
 * Where each bookmark points: Chromium makes one per heading, `/Dest [12 0 R /XYZ x top 0]`,
 * with the top of the heading's box. Bookmarks whose destination is not of that form are left
 * out.
 */
export function outlineDestinations(pdf: PdfObjects): OutlineDestination[] {
  const order = new Map(pdf.pages().map((object, i) => [object, i + 1]));
  const root = ref(pdf.catalog() ?? '', 'Outlines');
  const rootDict = root === undefined ? undefined : pdf.dict(root);
  const found: OutlineDestination[] = [];
  const seen = new Set<number>();
  const visit = (first: number | undefined): void => {
    for (let item = first; item !== undefined && !seen.has(item) && seen.size < 10_000; ) {
      seen.add(item);
      const dict = pdf.dict(item);
      if (!dict) return;
      const title = /\/Title (\((?:\\[\s\S]|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(dict)?.[1];
      const dest = /\/Dest\s*\[\s*(\d+) 0 R\s*\/XYZ\s+(-?[\d.]+|null)\s+(-?[\d.]+)/.exec(dict);
      const page = dest ? order.get(Number(dest[1])) : undefined;
      if (dest && page !== undefined) found.push({ title: title ? decodePdfString(title) : '', page, top: Number(dest[3]) });
      visit(ref(dict, 'First'));
      item = ref(dict, 'Next');
    }
  };
  visit(rootDict ? ref(rootDict, 'First') : undefined);
  return found;
}
