import { createServer, get } from 'node:http';
import type { IncomingHttpHeaders } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'puppeteer-core';
import { launch } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/render/html-safety.js';
import { PreviewServer } from '../../src/serve/preview-server.js';

/**
 * Another page on the same machine (any local web app, or a page a browser extension opens)
 * must not be able to frame the live preview: it could overlay it, or trick a click on it.
 * Browsers ignore `frame-ancestors` in a `<meta>`, so the server itself says so on every
 * response, with X-Frame-Options for browsers that predate CSP.
 */
const report = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}"><title>r</title></head><body><p id="text">Report one</p><img id="portrait" alt="Portrait" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="></body></html>`;

// Undefined when beforeAll failed before starting them; afterAll closes only what started.
let preview: PreviewServer | undefined;
let previewUrl: string;
let browser: Browser | undefined;
const others: Server[] = [];

beforeAll(async () => {
  preview = new PreviewServer();
  previewUrl = await preview.start(0);
  await preview.publish({ html: report, pdf: { name: 'report.pdf', bytes: new TextEncoder().encode('%PDF-1.7') } }, 0);
  browser = await launch({
    executablePath: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await preview?.close();
  await Promise.all(others.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** A page on another local port (another origin) that frames `target`. */
async function framingPage(target: string): Promise<string> {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(`<!doctype html><title>elsewhere</title><iframe src="${target}" width="600" height="400"></iframe>`);
  });
  others.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

/** Opens `page` and returns the text of its frame, or undefined when the frame holds no page. */
async function frameText(page: string): Promise<string | undefined> {
  const tab = await browser!.newPage();
  try {
    await tab.goto(page, { waitUntil: 'load', timeout: 30_000 });
    const frame = tab.frames().find((f) => f !== tab.mainFrame());
    if (!frame || frame.url().startsWith('chrome-error:')) return undefined;
    return String(await frame.evaluate('document.body ? document.body.innerText : ""').catch(() => ''));
  } finally {
    await tab.close();
  }
}

describe('the live preview cannot be framed by another page', () => {
  it('says so on every response: the page, the PDF, the build data, the events, and refusals', async () => {
    const responses = await Promise.all([
      fetch(previewUrl),
      fetch(`${previewUrl}report.pdf`),
      fetch(`${previewUrl}next?from=0`),
      fetch(`${previewUrl}shown`),
      fetch(`${previewUrl}nothing-here`),
      fetch(previewUrl, { method: 'POST' }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 404, 405]);
    for (const response of responses) {
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('content-security-policy')).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
    }
    // A rebound DNS name (fetch cannot set Host, so node:http asks).
    const rebound = await new Promise<{ status?: number; headers: IncomingHttpHeaders }>((resolve, reject) => {
      get(previewUrl, { headers: { host: `evil.example:${new URL(previewUrl).port}` } }, (response) => {
        response.resume();
        resolve({ status: response.statusCode, headers: response.headers });
      }).on('error', reject);
    });
    expect(rebound.status).toBe(403);
    expect(rebound.headers['x-frame-options']).toBe('DENY');
    expect(rebound.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
    const events = new AbortController();
    const stream = await fetch(`${previewUrl}events`, { signal: events.signal });
    expect(stream.headers.get('x-frame-options')).toBe('DENY');
    expect(stream.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
    events.abort();
  });

  it("sends the page's policy as a header too, allowing its own script by the nonce the page carries", async () => {
    const response = await fetch(previewUrl);
    const page = await response.text();
    const nonce = /<script nonce="([^"]+)">/.exec(page)![1]!;
    expect(response.headers.get('content-security-policy')).toBe(
      `${contentSecurityPolicy}; script-src 'nonce-${nonce}'; connect-src 'self'`,
    );
    const again = await fetch(previewUrl);
    expect(again.headers.get('content-security-policy')).not.toContain(nonce);
  });

  it('a page on another local port that frames it gets no preview; the same page frames a server without the headers', async () => {
    // The control shows the framing page works, so an empty frame below is the headers' doing.
    const plain = createServer((_, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(report);
    });
    others.push(plain);
    await new Promise<void>((resolve) => plain.listen(0, '127.0.0.1', resolve));
    expect(await frameText(await framingPage(`http://127.0.0.1:${(plain.address() as AddressInfo).port}/`))).toContain(
      'Report one',
    );
    expect(await frameText(await framingPage(previewUrl))).toBeUndefined();
  }, 60_000);

  it('opened on its own, the preview still shows the report and runs its update script', async () => {
    const tab = await browser!.newPage();
    try {
      await tab.goto(previewUrl, { waitUntil: 'load' });
      expect(await tab.evaluate("document.getElementById('text').textContent")).toBe('Report one');
      // Inline images (portraits, charts) are allowed by the header's policy as by the page's.
      expect(await tab.evaluate("document.getElementById('portrait').naturalWidth")).toBe(1);
      // The script's EventSource is connected, so the next build reaches the page in place.
      await preview!.publish({ html: report.replace('Report one', 'Report two') }, 5_000);
      await tab.waitForFunction("document.getElementById('text').textContent === 'Report two'", { timeout: 10_000 });
    } finally {
      await tab.close();
    }
  }, 60_000);
});
