import type { Page } from 'puppeteer-core';
import { UserError } from '../errors.js';
import { limits } from '../limits.js';
import type { PdfDocument } from '../pdf/read-pdf.js';
import { pageMarginsMm } from '../render/page-css.js';
import type { PageSize } from '../schema/report-schema.js';

const px = (mm: number): number => (mm / 25.4) * 96;

/**
 * Screen-layout pixels per printed page, at most: the page as first laid out (800 px wide,
 * screen styles) is shorter per printed page than this in every report measured (1,060 for
 * the sample's 10 pages, 1,550 for 8 people × 200 papers on 191 pages). So its height over this
 * is fewer pages than the PDF will have, and a report it puts under half the cap is printed
 * without laying it out again.
 */
const screenPxPerPage = 1600;

function tooBig(pages: number, how: string): UserError {
  return new UserError(
    `the report ${how} ${pages} pages, more than the ${limits.pdfPages} a PDF may have (limits.pdfPages); ` +
      'compare fewer people or fewer papers in one report, or build --format html',
  );
}

/**
 * Refuses, before anything is printed, a report whose PDF would pass the page cap, so Chromium
 * is never asked to paint 2,000 pages (one renderer printing 2,021 pages grew to 4.5 GiB). The
 * page's height as laid out for the screen, already known, rules out most reports at once; for
 * a long one the page is laid out as print, at the printable width, and its height divided by a
 * page's printable height: at least as many pages as that will print. The page is put back as
 * it was for the print.
 */
export async function checkLaidOutPages(page: Page, size: PageSize): Promise<void> {
  const client = await page.createCDPSession();
  let emulated = false;
  try {
    const screen = await client.send('Page.getLayoutMetrics');
    if (screen.cssContentSize.height / screenPxPerPage <= limits.pdfPages / 2) return;
    emulated = true;
    const sheet = size === 'Letter' ? { width: 215.9, height: 279.4 } : { width: 210, height: 297 };
    const width = Math.floor(px(sheet.width - 2 * pageMarginsMm.side));
    const pageHeight = px(sheet.height - pageMarginsMm.top - pageMarginsMm.bottom);
    await client.send('Emulation.setEmulatedMedia', { media: 'print' });
    await client.send('Emulation.setDeviceMetricsOverride', {
      width,
      height: Math.round(pageHeight),
      deviceScaleFactor: 1,
      mobile: false,
    });
    const print = await client.send('Page.getLayoutMetrics');
    const pages = Math.ceil(print.cssContentSize.height / pageHeight);
    if (pages > limits.pdfPages) throw tooBig(pages, 'would print at least');
  } finally {
    // Put back only what was changed: restoring the media would lay the whole page out again.
    if (emulated) {
      await client.send('Emulation.clearDeviceMetricsOverride').catch(() => undefined);
      await client.send('Emulation.setEmulatedMedia', { media: '' }).catch(() => undefined);
    }
    await client.detach().catch(() => undefined);
  }
}

/** Refuses a printed PDF longer than the cap (the estimate above is a lower bound). */
export function checkPrintedPages(doc: PdfDocument): PdfDocument {
  if (doc.pages.length > limits.pdfPages) throw tooBig(doc.pages.length, 'printed');
  return doc;
}
