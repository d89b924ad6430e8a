import type { CDPSession, Page } from 'puppeteer-core';
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
import type { TornWord } from '../preflight/torn-words.js';
import { emulatePrintLayout } from './print-layout.js';

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
  let client: CDPSession | undefined;
  let reader: CDPSession | undefined;
  const work = (async (): Promise<PrintedPdf> => {
    page = await session.page(options.onBlockedRequest);
    page.once('error', onCrash);
    // Two sessions, kept for the whole print: one lays the page out and prints it, the other
    // reads the headings, whose DOM queries would otherwise forget the nodes the first holds
    // (DOM.getDocument starts a session's node ids afresh). Neither is detached before the end:
    // a session detaching takes the page's emulated print media with it.
    [client, reader] = await Promise.all([page.createCDPSession(), page.createCDPSession()]);
    await emulatePrintLayout(client, options.page);
    await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
    await checkLaidOutPages(client, options.page);
    let whilePrinting = options.whilePrinting;
    // What a reader sees, measured in the layout that prints: the headings (the bookmarks'
    // titles) and torn words. Asked for just before each final print goes out, so that this
    // thread reads the answers while Chromium prints (the layout is the same before and after).
    let measuring: Promise<[Heading[], TornWord[]]> | undefined;
    const print = async (final: boolean): Promise<Uint8Array> => {
      await fontsReady(client!, timeoutMs);
      if (final) {
        measuring = Promise.all([pageHeadings(reader!), tornWords(client!)]);
        measuring.catch(() => undefined); // awaited below; not unhandled if the print fails first
      }
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
    const numbered = await numberContents(client, print, options.contentsGuess);
    const overflow = printedShrunk(numbered.document) ? await pageOverflow(client, options.page) : [];
    if (!measuring) throw new Error('the page was printed without a final print');
    const [headings, torn] = await measuring;
    printed = true;
    return { ...numbered, headings, warnings: [...numbered.warnings, ...overflow, ...tornWordWarnings(torn)] };
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
    // Detaching drops the print layout's overrides (see print-layout.ts).
    await Promise.all([client?.detach(), reader?.detach()]).catch(() => undefined);
    if (used) await session.release(used, printed);
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
