import type { Browser, Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { PagePool } from '../../src/print/page-pool.js';

/** A page as the pool uses it: it counts how often it was closed. */
function fakePage(): Page & { closes: number } {
  let closed = false;
  const page = {
    closes: 0,
    isClosed: () => closed,
    close: () => {
      closed = true;
      page.closes += 1;
      return Promise.resolve();
    },
    setJavaScriptEnabled: () => Promise.resolve(),
    setRequestInterception: () => Promise.resolve(),
    on: () => page,
    url: () => 'about:blank',
  };
  return page as unknown as Page & { closes: number };
}

function fakeBrowser(): Browser & { made: (Page & { closes: number })[] } {
  const made: (Page & { closes: number })[] = [];
  return {
    made,
    connected: true,
    pages: () => Promise.resolve([]),
    newPage: () => {
      const page = fakePage();
      made.push(page);
      return Promise.resolve(page);
    },
  } as unknown as Browser & { made: (Page & { closes: number })[] };
}

describe('the page pool', () => {
  it('reuses a page between prints, but closes it after eight, so what Puppeteer keeps of its requests is freed', async () => {
    const browser = fakeBrowser();
    const pool = new PagePool(browser);
    for (let print = 1; print <= 20; print++) {
      const page = await pool.take();
      await pool.give(page, true);
    }
    // Twenty prints: pages of 8, 8 and 4 prints; the first two closed, the third still idle.
    expect(browser.made).toHaveLength(3);
    expect(browser.made.map((p) => p.closes)).toEqual([1, 1, 0]);
  });

  it('closes a page that is not fit to reuse at once', async () => {
    const browser = fakeBrowser();
    const pool = new PagePool(browser);
    const page = await pool.take();
    await pool.give(page, false);
    expect(browser.made[0]!.closes).toBe(1);
    const next = await pool.take();
    expect(next).not.toBe(page);
  });
});
