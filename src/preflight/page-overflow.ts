import type { CDPSession } from 'puppeteer-core';
import { RenderError } from '../errors.js';
import type { PdfDocument } from '../pdf/read-pdf.js';
import type { PageSize } from '../schema/report-schema.js';
import { printWidthPx as contentWidthPx } from './print-width.js';

const slackPx = 6;

/**
 * Whether Chromium shrank the printed pages to fit content wider than the sheet: a CSS pixel
 * then takes less than its 0.75 points (beyond 1%, the rounding of right-to-left tables). Read
 * from the first page that draws anything, as Chromium scales every page alike; only then is
 * the page laid out again to name what is too wide (pageOverflow), which spares every other
 * build that work. A PDF none of whose pages draws anything cannot say, and is refused.
 */
export function printedShrunk(doc: PdfDocument): boolean {
  for (const page of doc.pages) {
    const scale = page.drawing().scale;
    if (scale !== undefined) return scale < 0.75 * 0.99;
  }
  throw new RenderError('the printed PDF draws nothing on any of its pages');
}

/** What wraps inside the page: the boxes worth naming when something is too wide. */
const candidates = 'h1, h2, h3, p, li, dt, dd, th, td, figcaption, caption, .card, table, figure, img';

/**
 * Whether anything is wider than the printed page. Chromium does not clip such content: it
 * shrinks every page of the PDF to fit it, so one unbreakable string makes the whole report
 * small. The page is laid out as print at the printable width already (print/print-layout.ts,
 * through the DevTools protocol; the page's JavaScript stays off), and when the content is
 * wider, the widest boxes are named by their text.
 */
export async function pageOverflow(client: CDPSession, size: PageSize): Promise<string[]> {
  const width = contentWidthPx(size);
  const { cssContentSize } = await client.send('Page.getLayoutMetrics');
  // A few pixels of slack: the print-width layout here can differ from the printed one by a
  // pixel or two (rounding, RTL table cells), and a shrink under 1% cannot be seen.
  if (cssContentSize.width <= width + slackPx) return [];
  const { root } = await client.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await client.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: candidates });
  const wide: { right: number; text: string }[] = [];
  for (const nodeId of nodeIds.slice(0, 5000)) {
    const box = await client.send('DOM.getBoxModel', { nodeId }).catch(() => undefined);
    const right = box ? Math.max(box.model.border[2] ?? 0, box.model.border[4] ?? 0) : 0;
    if (right <= width + slackPx) continue;
    const { outerHTML } = await client.send('DOM.getOuterHTML', { nodeId });
    wide.push({
      right,
      text: outerHTML
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 60),
    });
  }
  const named = wide
    .filter((w) => w.text !== '')
    .slice(-3)
    .map((w) => `"${w.text}"`);
  return [
    `the report is ${Math.round(cssContentSize.width)} px wide where a page holds ${width} px, so every PDF page would be shrunk to fit${named.length ? `; too wide: ${named.join(', ')}` : ''}`,
  ];
}
