import type { Page } from 'puppeteer-core';
import { RenderError, UserError, firstLine } from '../errors.js';
import { limits } from '../limits.js';
import type { PageSize } from '../schema/report-schema.js';
import type { Heading } from '../pdf/pair-bookmarks.js';
import { pageOverflow, printedShrunk } from '../preflight/page-overflow.js';
import type { BrowserSession } from './browser-session.js';
import { numberContents } from './number-contents.js';
import type { NumberedPrint, SectionPages } from './number-contents.js';
import { fontsReady } from './fonts-ready.js';
import { checkLaidOutPages } from './page-budget.js';
import { pageHeadings } from './page-headings.js';
import { tornWordWarnings, tornWords } from '../preflight/torn-words.js';

export interface PrintOptions {
  readonly page: PageSize;
  readonly timeoutMs?: number;
  /** Called with each request the page tried to make and was refused (there should be none). */
  readonly onBlockedRequest?: (url: string) => void;
  /** The contents' page numbers of this report's previous print, tried first (see number-contents.ts). */
  readonly contentsGuess?: SectionPages;
  /**
   * Work for this thread while Chromium prints, called once the first request to print has gone
   * out: from then on Chromium needs nothing from this thread until the PDF is ready. (While the
   * page loads, every request it makes, its fonts and images, waits for this thread to let it
   * through: work run then delays the print by as much.)
   */
  readonly whilePrinting?: () => void;
}

export interface PrintedPdf extends NumberedPrint {
  /** The page's headings as Chromium laid them out: the bookmarks' titles (see page-headings.ts). */
  readonly headings: readonly Heading[];
}

/**
 * HTML to PDF bytes in the session's Chromium. The page (see BrowserSession.page) has
 * JavaScript disabled before the content arrives and every network request aborted; the only
 * resources a report has are `data:` URLs, which never reach the network. The content is loaded
 * from a string. The whole render has one deadline: when it passes, Chromium is killed, never
 * left to hang the build.
 */
export async function printPdf(session: BrowserSession, html: string, options: PrintOptions): Promise<PrintedPdf> {
  const timeoutMs = options.timeoutMs ?? limits.renderTimeoutMs;
  let page: Page | undefined;
  let printed = false;
  let timer: NodeJS.Timeout | undefined;
  // The page's renderer crashed: most likely it reached its memory limit. Puppeteer leaves a
  // load or print in progress waiting, so the crash ends the render itself.
  let onCrash = (): void => undefined;
  const crash = new Promise<never>((_, reject) => {
    onCrash = () =>
      reject(
        new RenderError(
          `Chromium's page renderer crashed while printing; each Chromium process may use at most ${limits.chromiumMemoryMb} MiB (limits.chromiumMemoryMb), which a report this long may need more than: compare fewer people or papers in one report`,
        ),
      );
  });
  crash.catch(() => undefined);
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void session.kill();
      reject(new RenderError(`rendering took longer than ${formatSeconds(timeoutMs)}; Chromium was stopped`));
    }, timeoutMs);
  });
  const work = (async (): Promise<PrintedPdf> => {
    page = await session.page(options.onBlockedRequest);
    page.once('error', onCrash);
    await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
    await checkLaidOutPages(page, options.page);
    let whilePrinting = options.whilePrinting;
    const print = async (final: boolean): Promise<Uint8Array> => {
      await fontsReady(page!, timeoutMs);
      // Without its own wait for fonts, pdf() sends the request to print before it returns.
      const printing = page!.pdf({
        preferCSSPageSize: true,
        format: options.page === 'Letter' ? 'letter' : 'a4',
        printBackground: true,
        displayHeaderFooter: false,
        outline: final,
        tagged: final,
        waitForFonts: false,
        timeout: timeoutMs,
      });
      printing.catch(() => undefined); // awaited by the caller; not unhandled if the work below throws
      whilePrinting?.();
      whilePrinting = undefined;
      return printing;
    };
    const numbered = await numberContents(page, print, options.contentsGuess);
    const overflow = printedShrunk(numbered.document) ? await pageOverflow(page, options.page) : [];
    const headings = await pageHeadings(page);
    // What a reader sees: the words of the laid-out page, measured. Chromium lays the page out
    // again and sends its snapshot (a tenth of a second or more); meanwhile this thread reads
    // every page's drawing, which the preflight reads next (the document keeps it): the two
    // run side by side instead of one after the other.
    const measuring = tornWords(page, options.page);
    measuring.catch(() => undefined);
    for (const printedPage of numbered.document.pages) {
      printedPage.drawing();
      // Lets the measurement's protocol messages through between pages, so Chromium starts early.
      await new Promise((resolve) => setImmediate(resolve));
    }
    const torn = tornWordWarnings(await measuring);
    printed = true;
    return { ...numbered, headings, warnings: [...numbered.warnings, ...overflow, ...torn] };
  })();
  try {
    return await Promise.race([work, deadline, crash]);
  } catch (error) {
    if (error instanceof RenderError || error instanceof UserError) throw error;
    const reason = await session.crashReason();
    throw new RenderError(
      reason ? `${reason} while printing the PDF` : `printing the PDF failed: ${firstLine(error)}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
    const used = page;
    used?.off('error', onCrash);
    if (used) await session.release(used, printed);
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
