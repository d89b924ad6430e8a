import { outlineItems } from './outline-titles.js';
import type { PdfObjects } from './pdf-objects.js';

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
  return outlineItems(pdf).flatMap((item) => {
    const dest = /\/Dest\s*\[\s*(\d+) 0 R\s*\/XYZ\s+(-?[\d.]+|null)\s+(-?[\d.]+)/.exec(item.dict);
    const page = dest ? order.get(Number(dest[1])) : undefined;
    return dest && page !== undefined ? [{ title: item.title, page, top: Number(dest[3]) }] : [];
  });
}
