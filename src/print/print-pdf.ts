import type { Page } from 'puppeteer-core';
import { RenderError } from '../errors.js';
import { limits } from '../limits.js';
import type { PageSize } from '../schema/report-schema.js';
import type { BrowserSession } from './browser-session.js';
import { numberContents } from './number-contents.js';
import type { SectionPages } from './number-contents.js';
import { pageOverflow, printedShrunk } from '../preflight/page-overflow.js';
import { tornWordWarnings, tornWords } from '../preflight/torn-words.js';

export interface PrintOptions {
  readonly page: PageSize;
  readonly timeoutMs?: number;
  /** Called with each request the page tried to make and was refused (there should be none). */
  readonly onBlockedRequest?: (url: string) => void;
  /** The contents' page numbers of this report's previous print, tried first (see number-contents.ts). */
  readonly contentsGuess?: SectionPages;
}

/**
 * HTML to PDF bytes in the session's Chromium. The page (see BrowserSession.page) has
 * JavaScript disabled before the content arrives and every network request aborted; the only
 * resources a report has are `data:` URLs, which never reach the network. The content is loaded
 * from a string. The whole render has one deadline: when it passes, Chromium is killed, never
 * left to hang the build.
 */
export interface PrintedPdf {
  readonly bytes: Uint8Array;
  /** The page of each section that the contents list, by id (empty when the page has no contents slots). */
  readonly sectionPages: SectionPages;
  readonly warnings: readonly string[];
  /** How many times the page was printed: 1, or 2 when the contents' pages had to be learnt first. */
  readonly prints: number;
}

export async function printPdf(session: BrowserSession, html: string, options: PrintOptions): Promise<PrintedPdf> {
  const timeoutMs = options.timeoutMs ?? limits.renderTimeoutMs;
  let page: Page | undefined;
  let printed = false;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void session.kill();
      reject(new RenderError(`rendering took longer than ${formatSeconds(timeoutMs)}; Chromium was stopped`));
    }, timeoutMs);
  });
  const work = (async (): Promise<PrintedPdf> => {
    page = await session.page(options.onBlockedRequest);
    await page.setContent(html, { waitUntil: 'load', timeout: timeoutMs });
    const print = (final: boolean): Promise<Uint8Array> =>
      page!.pdf({
        preferCSSPageSize: true,
        format: options.page === 'Letter' ? 'letter' : 'a4',
        printBackground: true,
        displayHeaderFooter: false,
        outline: final,
        tagged: final,
        waitForFonts: true,
        timeout: timeoutMs,
      });
    const numbered = await numberContents(page, print, options.contentsGuess);
    const overflow = printedShrunk(numbered.bytes) ? await pageOverflow(page, options.page) : [];
    // What a reader sees: the words of the laid-out page, measured.
    const torn = tornWordWarnings(await tornWords(page, options.page));
    printed = true;
    return { ...numbered, warnings: [...numbered.warnings, ...overflow, ...torn] };
  })();
  try {
    return await Promise.race([work, deadline]);
  } catch (error) {
    if (error instanceof RenderError) throw error;
    const crash = await session.crashReason();
    throw new RenderError(crash ? `${crash} while printing the PDF` : `printing the PDF failed: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  } finally {
    clearTimeout(timer);
    work.catch(() => undefined);
    const used = page as Page | undefined;
    if (used) await session.release(used, printed);
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
