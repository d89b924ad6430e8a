import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { applyDelta } from '../../src/serve/page-delta.js';
import { preparePage, previewPage, servedPage } from '../../src/serve/preview-page.js';
import { PreviewServer } from '../../src/serve/preview-server.js';

const servers: PreviewServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});
const serve = async (port = 0): Promise<{ server: PreviewServer; url: string }> => {
  const server = new PreviewServer();
  servers.push(server);
  return { server, url: await server.start(port) };
};

describe('the preview server', () => {
  it('listens on 127.0.0.1 only', async () => {
    const { url } = await serve();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('says which port is taken, and how to choose another', async () => {
    const { url } = await serve();
    const port = Number(new URL(url).port);
    const second = new PreviewServer();
    servers.push(second);
    await expect(second.start(port)).rejects.toThrow(
      new UserError(`port ${port} is in use on 127.0.0.1; choose another with --port N`),
    );
  });

  it('serves the last good page, the PDF once printed, and nothing else', async () => {
    const { server, url } = await serve();
    expect(await (await fetch(url)).text()).toContain('Waiting for the first good build');
    await server.publish({
      html: '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'"></head><body>Report one</body></html>',
    });
    const page = await (await fetch(url)).text();
    expect(page).toContain('Report one');
    expect((await fetch(`${url}report.pdf`)).status).toBe(404);
    server.publishPdf({ name: 'report.pdf', bytes: new TextEncoder().encode('%PDF-1.7') });
    expect(await (await fetch(`${url}report.pdf`)).text()).toBe('%PDF-1.7');
    expect((await fetch(`${url}../etc/passwd`)).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
  });

  it('tells open pages about each build: reload on a new one, problems on a failed one', async () => {
    const { server, url } = await serve();
    const response = await fetch(`${url}events`);
    const reader = response.body!.getReader();
    const next = async (): Promise<unknown> => {
      const value: unknown = (await reader.read()).value;
      if (!(value instanceof Uint8Array)) throw new Error('the event stream ended');
      return JSON.parse(/data: (.*)\n/.exec(new TextDecoder().decode(value))![1]!);
    };
    expect(await next()).toEqual({ build: 0, problems: [] });
    // A page is listening but never asks for the build, so settle at once rather than wait for it.
    await server.publish({ html: '<p>x</p>' }, 0);
    expect(await next()).toEqual({ build: 1, problems: [] });
    server.fail([{ where: 'a.yaml:3:7', path: 'person.name', message: 'expected text' }]);
    expect(await next()).toEqual({
      build: 1,
      problems: [{ where: 'a.yaml:3:7', path: 'person.name', message: 'expected text' }],
    });
    await reader.cancel();
  });

  it('sends the next build as a change from the one a page holds, and whole when it holds another', async () => {
    const { server, url } = await serve();
    expect((await fetch(`${url}next?from=0`)).status).toBe(404);
    const one = `<html><head><style>${'f'.repeat(3000)}</style></head><body><p>one</p></body></html>`;
    const two = one.replace('one', 'two');
    const three = one.replace('one', 'three 曾妍');
    const next = async (
      from: number,
    ): Promise<{ build: string; from: string; keep: [number, number]; length: number; text: string }> => {
      const response = await fetch(`${url}next?from=${from}`);
      expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      const keep = response.headers.get('x-preview-keep')!.split(',').map(Number) as [number, number];
      return {
        build: response.headers.get('x-preview-build')!,
        from: response.headers.get('x-preview-from')!,
        keep,
        length: Number(response.headers.get('x-preview-length')),
        text: await response.text(),
      };
    };
    await server.publish({ html: one });
    expect(await next(0)).toMatchObject({ build: '1', from: '0', text: one });
    await server.publish({ html: two });
    const delta = await next(1);
    expect(delta).toMatchObject({ build: '2', from: '1' });
    expect(delta.text.length).toBeLessThan(10);
    expect(applyDelta(one, delta)).toBe(two);
    // The change is made against the build before, whichever that now is.
    await server.publish({ html: three });
    expect(applyDelta(two, await next(2))).toBe(three);
    expect(await next(1)).toMatchObject({ build: '3', from: '0', text: three });
  });

  it('says a build is published once the open pages show it, so printing does not slow them', async () => {
    const { server, url } = await serve();
    await server.publish({ html: '<p>no page open</p>' }, 60_000);
    const events = await fetch(`${url}events`);
    const reader = events.body!.getReader();
    await reader.read();
    let settled = false;
    const published = server.publish({ html: '<p>two</p>' }, 60_000).then(() => (settled = true));
    // Whatever publishing does at once is done by the next turn of the event loop.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    const page = await fetch(url);
    expect(page.headers.get('x-preview-build')).toBe('2');
    expect(await page.text()).toContain('<p>two</p>');
    // The server answered the page, so it has done whatever it does on that request.
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    expect((await fetch(`${url}shown`)).status).toBe(200);
    await published;
    // A page that never fetches holds the PDF back only for a moment.
    const started = performance.now();
    await server.publish({ html: '<p>three</p>' }, 100);
    expect(performance.now() - started).toBeLessThan(5_000);
    await reader.cancel();
  });
});

describe('the served page', () => {
  const html =
    '<html><head><meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'"></head><body><p>r</p></body></html>';

  it('allows exactly its own script, by nonce, and a connection back to the server', () => {
    const page = previewPage(html, 3);
    const nonce = /<script nonce="([^"]+)">/.exec(page)?.[1];
    expect(nonce).toBeDefined();
    expect(page).toContain(
      `content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'"`,
    );
    expect(page.match(/<script/g)).toHaveLength(1);
    expect(page).toContain('startPreview(3);');
  });

  it('extends the policy the tool wrote first in <head>, and puts the script before the last </body>, whatever the report says', () => {
    const tricky = html.replace(
      '<p>r</p>',
      '<p title="</body> <meta http-equiv=&quot;Content-Security-Policy&quot; content=&quot;">r</p>',
    );
    const page = previewPage(tricky, 2);
    const nonce = /<script nonce="([^"]+)">/.exec(page)![1]!;
    expect(
      page.startsWith(
        `<html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-${nonce}'; connect-src 'self'">`,
      ),
    ).toBe(true);
    expect(page).toContain(
      '<p title="</body> <meta http-equiv=&quot;Content-Security-Policy&quot; content=&quot;">r</p><script nonce=',
    );
    expect(page.endsWith('</script></body></html>')).toBe(true);
  });

  it('gives every response its own nonce, from a page cut once per build', () => {
    const prepared = preparePage(html);
    const nonces = [1, 2].map(() => /nonce="([^"]+)"/.exec(Buffer.concat(servedPage(prepared, 1)).toString())![1]);
    expect(nonces[0]).not.toBe(nonces[1]);
  });

  it('adds no policy to a page that has none, and still carries the script', () => {
    const page = previewPage('<p>x</p>', 1);
    expect(page).not.toContain('<meta');
    expect(page).toMatch(/^<p>x<\/p><script nonce="[^"]+">/);
  });

  it('writes problem text with textContent, never as HTML', () => {
    const page = previewPage(html, 1);
    expect(page).not.toContain('innerHTML');
    expect(page).toContain('textContent');
  });
});
