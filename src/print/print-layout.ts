import type { CDPSession } from 'puppeteer-core';
import { printWidthPx } from '../preflight/print-width.js';
import { pageMarginsMm } from '../render/page-css.js';
import type { PageSize } from '../schema/report-schema.js';

/** The printable height of a page in CSS pixels: the sheet less the top and bottom margins of page-css.ts. */
export function printHeightPx(page: PageSize): number {
  const sheetMm = page === 'Letter' ? 279.4 : 297;
  return ((sheetMm - pageMarginsMm.top - pageMarginsMm.bottom) / 25.4) * 96;
}

/**
 * Has the page laid out as it prints, before its content arrives: print media, at the printable
 * width. Then the one layout Chromium makes while loading the content is the print's, and what
 * the build measures in it (the page count, torn words, headings, what is too wide) needs no
 * second layout. A screen layout nobody sees would cost as much again, and measuring after the
 * print another one (a tenth of a second for the sample).
 *
 * The overrides belong to the DevTools session: they last while `client` stays attached, and
 * Chromium drops them when it detaches. So the one session does this and the measuring, and is
 * detached only after the print.
 */
export async function emulatePrintLayout(client: CDPSession, size: PageSize): Promise<void> {
  await client.send('Emulation.setEmulatedMedia', { media: 'print' });
  await client.send('Emulation.setDeviceMetricsOverride', {
    width: printWidthPx(size),
    height: Math.round(printHeightPx(size)),
    deviceScaleFactor: 1,
    mobile: false,
  });
}
