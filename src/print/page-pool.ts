import type { Browser, HTTPRequest, Page } from 'puppeteer-core';

/** Pages kept open between prints; a batch prints at most this many at once anyway. */
const maxIdle = 4;

/**
 * Prints a page serves before it is closed and a fresh one made. Puppeteer keeps every request
 * a page has seen until the page navigates away, and a page given new content with setContent
 * never does: each print's data: URLs (fonts, charts, portraits) stayed in this process, about
 * 12 MiB a print, so a queue worker grew by gigabytes (puppeteer/puppeteer#14876, #9186).
 * Closing the page frees them; one renderer start every few prints costs little.
 */
const maxUses = 8;

/**
 * Pages ready to print, for one Chromium: JavaScript disabled and every request intercepted
 * before any content arrives. Pages are reused between prints (a watch rebuild, the reports of a
 * batch), which saves a renderer start each time; setContent replaces the whole document, and
 * with JavaScript off nothing of the previous one can linger and act.
 */
export class PagePool {
  private idle: Page[] = [];
  /** The tab Chromium opens at launch; it becomes the first prepared page instead of idling. */
  private firstTabTaken = false;
  private preparing: Promise<void> | undefined;
  private readonly blockedHandlers = new WeakMap<Page, (url: string) => void>();
  private readonly uses = new WeakMap<Page, number>();

  constructor(private readonly browser: Browser) {}

  /** Prepares one page now, so the first print does not wait for it. */
  warmUp(): Promise<void> {
    this.preparing ??= this.prepare()
      .then((page) => {
        this.idle.push(page);
      })
      .catch(() => undefined);
    return this.preparing;
  }

  /** Settles once a warm-up under way has finished, so closing never races a half-made page. */
  async settled(): Promise<void> {
    await this.preparing;
  }

  async take(onBlockedRequest?: (url: string) => void): Promise<Page> {
    await this.preparing;
    let page = this.idle.pop();
    while (page && page.isClosed()) page = this.idle.pop();
    page ??= await this.prepare();
    this.uses.set(page, (this.uses.get(page) ?? 0) + 1);
    if (onBlockedRequest) this.blockedHandlers.set(page, onBlockedRequest);
    else this.blockedHandlers.delete(page);
    return page;
  }

  /** Keeps a page for the next print, or closes it when it is not fit to reuse or not wanted. */
  async give(page: Page, reusable: boolean): Promise<void> {
    const fresh = (this.uses.get(page) ?? 0) < maxUses;
    if (reusable && fresh && !page.isClosed() && this.browser.connected && this.idle.length < maxIdle) {
      this.idle.push(page);
      return;
    }
    await page.close().catch(() => undefined);
  }

  /** Forgets every idle page (the browser is going away with them). */
  clear(): void {
    this.idle = [];
  }

  private async prepare(): Promise<Page> {
    const page = (await this.firstTab()) ?? (await this.browser.newPage());
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request: HTTPRequest) => {
      if (request.isInterceptResolutionHandled()) return;
      const url = request.url();
      // Our own inline assets never touch the network; everything else is refused.
      if (url.startsWith('data:') || url === 'about:blank') {
        void request.continue();
        return;
      }
      this.blockedHandlers.get(page)?.(url);
      void request.abort('blockedbyclient');
    });
    return page;
  }

  private async firstTab(): Promise<Page | undefined> {
    if (this.firstTabTaken) return undefined;
    this.firstTabTaken = true;
    const [tab] = await this.browser.pages();
    return tab && tab.url() === 'about:blank' ? tab : undefined;
  }
}
