import type { CDPSession } from 'puppeteer-core';
import { UserError } from '../errors.js';
import { limits } from '../limits.js';
import type { PdfDocument } from '../pdf/read-pdf.js';
import type { PageSize } from '../schema/report-schema.js';
import { printHeightPx } from './print-layout.js';

function tooBig(pages: number, how: string): UserError {
  return new UserError(
    `the report ${how} ${pages} pages, more than the ${limits.pdfPages} a PDF may have (limits.pdfPages); ` +
      'compare fewer people or fewer papers in one report, or build --format html',
  );
}

/**
 * Refuses, before anything is printed, a report whose PDF would pass the page cap, so Chromium
 * is never asked to paint 2,000 pages (one renderer printing 2,021 pages grew to 4.5 GiB). The
 * page is laid out as print at the printable width already (print-layout.ts): its height
 * divided by a page's printable height is at least as many pages as the PDF will have.
 */
export async function checkLaidOutPages(client: CDPSession, size: PageSize): Promise<void> {
  const { cssContentSize } = await client.send('Page.getLayoutMetrics');
  const pages = Math.ceil(cssContentSize.height / printHeightPx(size));
  if (pages > limits.pdfPages) throw tooBig(pages, 'would print at least');
}

/** Refuses a printed PDF longer than the cap (the estimate above is a lower bound). */
export function checkPrintedPages(doc: PdfDocument): PdfDocument {
  if (doc.pages.length > limits.pdfPages) throw tooBig(doc.pages.length, 'printed');
  return doc;
}
