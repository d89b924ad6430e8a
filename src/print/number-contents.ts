import type { Page } from 'puppeteer-core';
import { namedDestinationPages } from './named-destinations.js';
import type { PrintedPdf } from './print-pdf.js';

/**
 * Fills the contents' page numbers. Chromium has no CSS `target-counter()`, so the page is
 * printed once to learn where each section starts (from the PDF's named destinations, which
 * the contents' own links create), each slot `<span data-page-of="section-id">` then gets a
 * `data-page` attribute that CSS shows with `attr()`, and the page is printed again. The slots
 * have a fixed width in print (see styles.css), so a number cannot move anything; that is
 * checked, and a difference is reported rather than printed as a wrong contents. The DOM is
 * changed through the DevTools protocol, which needs no JavaScript in the page (it stays off).
 */
export async function numberContents(page: Page, print: (final: boolean) => Promise<Uint8Array>): Promise<PrintedPdf> {
  const client = await page.createCDPSession();
  try {
    const { root } = await client.send('DOM.getDocument', { depth: 0 });
    const { nodeIds } = await client.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-page-of]' });
    if (nodeIds.length === 0) return { bytes: await print(true), sectionPages: new Map(), warnings: [] };
    const slots = await Promise.all(
      nodeIds.map(async (nodeId) => {
        const { attributes } = await client.send('DOM.getAttributes', { nodeId });
        const at = attributes.indexOf('data-page-of');
        return { nodeId, target: at >= 0 ? (attributes[at + 1] ?? '') : '' };
      }),
    );
    const first = namedDestinationPages(await print(false));
    for (const slot of slots) {
      const pageNumber = first.get(slot.target);
      if (pageNumber !== undefined) await client.send('DOM.setAttributeValue', { nodeId: slot.nodeId, name: 'data-page', value: String(pageNumber) });
    }
    const bytes = await print(true);
    const final = namedDestinationPages(bytes);
    const warnings: string[] = [];
    const moved = slots.filter((s) => first.get(s.target) !== final.get(s.target)).map((s) => s.target);
    if (moved.length > 0) warnings.push(`the contents' page numbers moved ${moved.join(', ')} to another page; the contents may be off by a page there`);
    const missing = slots.filter((s) => !final.has(s.target)).map((s) => s.target);
    if (missing.length > 0) warnings.push(`the contents list ${missing.join(', ')}, which no page holds; those entries have no page number`);
    return { bytes, sectionPages: new Map(slots.flatMap((s) => (final.has(s.target) ? [[s.target, final.get(s.target)!] as const] : []))), warnings };
  } finally {
    await client.detach().catch(() => undefined);
  }
}
