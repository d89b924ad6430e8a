import { pageMarginsMm } from '../render/page-css.js';
import type { PageSize } from '../schema/report-schema.js';

/** The printable width of a page in CSS pixels: the sheet less the side margins of page-css.ts. */
export function printWidthPx(page: PageSize): number {
  const sheetMm = page === 'Letter' ? 215.9 : 210;
  return Math.floor(((sheetMm - 2 * pageMarginsMm.side) / 25.4) * 96);
}
