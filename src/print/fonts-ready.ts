import type { CDPSession } from 'puppeteer-core';

/** The world our own questions to the page run in, apart from the page's (whose script is off). */
const worldName = 'profile-report-fonts';

/**
 * Waits until the page's fonts have loaded (`document.fonts.ready`), as Puppeteer's `pdf()`
 * does with `waitForFonts`, but before asking for the PDF, so that the request to print goes
 * out the moment `pdf()` is called and this thread knows when Chromium is printing (see
 * PrintOptions.whilePrinting). Asked in an isolated world, as Puppeteer does: the page's own
 * JavaScript stays off.
 */
export async function fontsReady(client: CDPSession, timeoutMs: number): Promise<void> {
  const { frameTree } = await client.send('Page.getFrameTree');
  const { executionContextId } = await client.send('Page.createIsolatedWorld', {
    frameId: frameTree.frame.id,
    worldName,
  });
  const { exceptionDetails } = await client.send('Runtime.evaluate', {
    contextId: executionContextId,
    expression: 'document.fonts.ready.then(() => true)',
    awaitPromise: true,
    returnByValue: true,
    timeout: timeoutMs,
  });
  if (exceptionDetails) throw new Error(`the page's fonts did not load: ${exceptionDetails.text}`);
}
