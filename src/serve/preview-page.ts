import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { contentSecurityPolicy } from '../render/html-safety.js';

/** What the browser is told after each build: the build number, and the problems if it failed. */
export interface PreviewState {
  readonly build: number;
  readonly problems: readonly { readonly where: string; readonly path: string; readonly message: string }[];
  readonly error?: string;
}

/** A built page cut where the served copy differs, its bulk encoded once per build. */
export interface PreparedPage {
  /** Up to the end of the report's policy (or all of `<head>`'s start, if it has none). */
  readonly start: string;
  readonly hasPolicy: boolean;
  /** From the end of the policy to the closing `</body>`, as UTF-8. */
  readonly middle: Buffer;
  readonly end: string;
}

const policyStart = '<meta http-equiv="Content-Security-Policy" content="';

/**
 * Cuts a built page for serving. The tool writes its policy first in `<head>` and parse5 writes
 * the last `</body>`, so both are found by position, never by searching the report's text for
 * something a profile could also contain; the megabyte in between is encoded once, here, not
 * on every request.
 */
export function preparePage(html: string): PreparedPage {
  const at = html.indexOf(policyStart);
  const policyEnd = at < 0 ? -1 : html.indexOf('"', at + policyStart.length);
  const cut = policyEnd < 0 ? 0 : policyEnd;
  const bodyEnd = html.lastIndexOf('</body>');
  const close = bodyEnd < cut ? html.length : bodyEnd;
  return {
    start: html.slice(0, cut),
    hasPolicy: policyEnd >= 0,
    middle: Buffer.from(html.slice(cut, close), 'utf8'),
    end: html.slice(close),
  };
}

/**
 * The report as served for the live preview: the built HTML with a small script that listens
 * for rebuilds (server-sent events), puts each new build in place and shows problems as an
 * overlay. Only this served copy carries a script; the files on disk stay script-free. The
 * report's Content-Security-Policy is kept and extended by exactly that script (by a nonce new
 * for every response) and a connection back to this server.
 */
export function servedPage(page: PreparedPage, build: number, nonce = newNonce()): readonly Buffer[] {
  const policy = page.hasPolicy ? `; script-src 'nonce-${nonce}'; connect-src 'self'` : '';
  const script = `<script nonce="${nonce}">${previewScript(build)}</script>`;
  // In pieces, written one after another: the bulk is never copied.
  return [Buffer.from(`${page.start}${policy}`, 'utf8'), page.middle, Buffer.from(`${script}${page.end}`, 'utf8')];
}

// browser/preview-client.ts, compiled by `npm run build` for the browser. Found from dist/serve/
// and, when the tests run the sources, from src/serve/: both sit two folders below the package.
const clientFile = new URL('../../dist/serve/browser/preview-client.js', import.meta.url);
let client: string | undefined;

/** The served page's script: the compiled client, started on the build the page shows. */
function previewScript(build: number): string {
  client ??= readFileSync(clientFile, 'utf8');
  // Its own scope, so the page's globals stay as the report left them.
  return `(() => {\n${client}\nstartPreview(${JSON.stringify(build)});\n})();`;
}

/** A nonce for one response: the served page's script carries it, and so does the policy sent with it. */
export function newNonce(): string {
  return randomBytes(16).toString('base64');
}

/**
 * The policy the server sends in a header with the served page: the report's own, which the
 * `<meta>` also carries, plus the page's script and its connection back. Sent as a header
 * because browsers ignore `frame-ancestors` in a `<meta>`: without it, any page on the machine
 * could frame the preview.
 */
export function servedPagePolicy(nonce: string): string {
  return `${contentSecurityPolicy}; script-src 'nonce-${nonce}'; connect-src 'self'`;
}

/** servedPage for a page in hand, as text. */
export function previewPage(html: string, build: number, nonce = newNonce()): string {
  return Buffer.concat(servedPage(preparePage(html), build, nonce)).toString('utf8');
}

/** Before the first good build: a blank page that still shows the overlay and reloads. */
export function waitingPage(build: number, nonce = newNonce()): string {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>profile-report preview</title></head><body><p style="font:16px system-ui;margin:2rem">Waiting for the first good build…</p></body></html>`;
  return previewPage(html, build, nonce);
}
