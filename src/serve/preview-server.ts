import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { UserError } from '../errors.js';
import { pageDelta } from './page-delta.js';
import type { PageDelta } from './page-delta.js';
import { newNonce, preparePage, servedPage, servedPagePolicy, waitingPage } from './preview-page.js';
import type { PreparedPage, PreviewState } from './preview-page.js';

export interface PreviewContent {
  readonly html: string;
  readonly pdf?: { readonly name: string; readonly bytes: Uint8Array };
}

/**
 * The live preview of `watch --serve`: serves the last good report on 127.0.0.1 only, and tells
 * every open page about each build over server-sent events. Requests naming another host are
 * refused, so a web page elsewhere cannot reach it through a rebound DNS name.
 */
export class PreviewServer {
  private server: Server | undefined;
  private readonly clients = new Set<ServerResponse>();
  private content: PreviewContent | undefined;
  private page: PreparedPage | undefined;
  /** The HTML of the build before this one, by number, and the delta from it (made once). */
  private previous: { readonly build: number; readonly html: string; delta?: PageDelta } | undefined;
  private state: PreviewState = { build: 0, problems: [] };
  private port = 0;
  /** While a publish waits for the open pages: one more page has the build / stop waiting. */
  private pageShown: (() => void) | undefined;
  private stopWaiting: (() => void) | undefined;

  async start(port: number): Promise<string> {
    const server = createServer((request, response) => this.handle(request, response));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(
          error.code === 'EADDRINUSE'
            ? new UserError(`port ${port} is in use on 127.0.0.1; choose another with --port N`, { cause: error })
            : error,
        ),
      );
      server.listen(port, '127.0.0.1', resolve);
    });
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return `http://127.0.0.1:${this.port}/`;
  }

  /**
   * A new good build: the HTML now, the PDF when it is printed. Resolves once every page open
   * now says it shows the build, or after `settleMs`: on two cores, Chromium printing the PDF at
   * the same moment would slow the page the user is watching, and the PDF can wait that long.
   */
  publish(content: PreviewContent, settleMs = 1000): Promise<void> {
    if (this.content) this.previous = { build: this.state.build, html: this.content.html };
    this.content = content;
    this.state = { build: this.state.build + 1, problems: [] };
    this.stopWaiting?.();
    const settled = this.clients.size === 0 ? Promise.resolve() : this.waitForPages(this.clients.size, settleMs);
    this.broadcast();
    // After the event is on its way: the change is worked out while the browser wakes up to ask
    // for it (its request is handled only once this returns). The whole page is cut only when
    // a page asks for it: open pages take the change.
    this.page = undefined;
    if (this.previous) this.previous.delta = pageDelta(this.previous.html, content.html);
    return settled;
  }

  /** The PDF of the build just published, once printed. */
  publishPdf(pdf: NonNullable<PreviewContent['pdf']>): void {
    if (this.content) this.content = { ...this.content, pdf };
  }

  /** A failed build: the page keeps the last good report and shows why. */
  fail(problems: PreviewState['problems'], error?: string): void {
    this.state = { build: this.state.build, problems, ...(error ? { error } : {}) };
    this.broadcast();
  }

  async close(): Promise<void> {
    this.stopWaiting?.();
    for (const client of this.clients) client.end();
    this.clients.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`)
      return end(response, 403, 'text/plain', 'forbidden');
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return end(response, 405, 'text/plain', 'method not allowed');
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (url.pathname === '/') {
      if (this.content) this.page ??= preparePage(this.content.html);
      const nonce = newNonce();
      const page = this.page ? servedPage(this.page, this.state.build, nonce) : waitingPage(this.state.build, nonce);
      // Which build this is, so the page's script knows what it has put in place.
      end(response, 200, 'text/html; charset=utf-8', page, {
        'x-preview-build': String(this.state.build),
        'content-security-policy': servedPagePolicy(nonce),
      });
      return;
    }
    if (url.pathname === '/next' && this.content) return this.next(response, Number(url.searchParams.get('from')));
    // A page has put a build in place (it changes nothing else, so a stray request is harmless).
    if (url.pathname === '/shown') {
      this.pageShown?.();
      return end(response, 200, 'text/plain', 'ok');
    }
    if (url.pathname === '/events') return this.subscribe(response);
    const pdf = this.content?.pdf;
    // Chrome shows a PDF through an <embed> that a default-src 'none' would block (crbug.com/271452): its policy only forbids framing.
    if (pdf && url.pathname === `/${encodeURIComponent(pdf.name)}`)
      return end(response, 200, 'application/pdf', pdf.bytes, { 'content-security-policy': "frame-ancestors 'none'" });
    return end(response, 404, 'text/plain', 'not found');
  }

  /**
   * The current build's HTML (no script: the page that asks runs its own) as a delta from the
   * build the page holds, or whole when the server no longer has that one. Plain text: it is
   * data for the page's script, never a page to show.
   */
  private next(response: ServerResponse, from: number): void {
    const html = this.content!.html;
    const previous = this.previous?.build === from ? this.previous : undefined;
    const delta = previous
      ? (previous.delta ??= pageDelta(previous.html, html))
      : { keep: [0, 0] as const, text: html, length: html.length };
    end(response, 200, 'text/plain; charset=utf-8', delta.text, {
      'x-preview-build': String(this.state.build),
      'x-preview-from': previous ? String(from) : '0',
      'x-preview-keep': delta.keep.join(','),
      'x-preview-length': String(delta.length),
    });
  }

  private waitForPages(pages: number, ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      let left = pages;
      const stop = (): void => {
        clearTimeout(timer);
        this.pageShown = undefined;
        this.stopWaiting = undefined;
        resolve();
      };
      const timer = setTimeout(stop, ms);
      this.stopWaiting = stop;
      this.pageShown = () => {
        if (--left <= 0) stop();
      };
    });
  }

  private subscribe(response: ServerResponse): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      ...noFraming,
    });
    this.clients.add(response);
    response.on('close', () => this.clients.delete(response));
    response.write(event(this.state));
  }

  private broadcast(): void {
    const message = event(this.state);
    for (const client of this.clients) client.write(message);
  }
}

function event(state: PreviewState): string {
  return `event: state\ndata: ${JSON.stringify(state)}\n\n`;
}

/**
 * Sent with every response: no other page may frame the preview (a `<meta>` frame-ancestors
 * is ignored by browsers, so the report's own policy cannot say it). What is not the page
 * loads nothing either; the page and the PDF send their own policy in place of this one.
 */
const noFraming = {
  'x-frame-options': 'DENY',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
} as const;

function end(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array | readonly Uint8Array[],
  headers: Record<string, string> = {},
): void {
  const pieces = typeof body === 'string' ? [Buffer.from(body, 'utf8')] : body instanceof Uint8Array ? [body] : body;
  const length = pieces.reduce((sum, piece) => sum + piece.byteLength, 0);
  response.writeHead(status, {
    'content-type': type,
    'content-length': length,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    ...noFraming,
    ...headers,
  });
  for (const piece of pieces) response.write(piece);
  response.end();
}
