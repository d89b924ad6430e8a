import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { UserError } from '../errors.js';
import { previewPage, waitingPage } from './preview-page.js';
import type { PreviewState } from './preview-page.js';

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
  private state: PreviewState = { build: 0, problems: [] };
  private port = 0;

  async start(port: number): Promise<string> {
    const server = createServer((request, response) => this.handle(request, response));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'EADDRINUSE' ? new UserError(`port ${port} is in use on 127.0.0.1; choose another with --port N`, { cause: error }) : error),
      );
      server.listen(port, '127.0.0.1', resolve);
    });
    const address = server.address();
    this.port = typeof address === 'object' && address ? address.port : port;
    return `http://127.0.0.1:${this.port}/`;
  }

  /** A new good build: the HTML now, the PDF when it is printed. */
  publish(content: PreviewContent): void {
    this.content = content;
    this.state = { build: this.state.build + 1, problems: [] };
    this.broadcast();
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
    for (const client of this.clients) client.end();
    this.clients.clear();
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${this.port}` && host !== `localhost:${this.port}`) return end(response, 403, 'text/plain', 'forbidden');
    if (request.method !== 'GET' && request.method !== 'HEAD') return end(response, 405, 'text/plain', 'method not allowed');
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (url.pathname === '/') {
      const page = this.content ? previewPage(this.content.html, this.state.build) : waitingPage(this.state.build);
      return end(response, 200, 'text/html; charset=utf-8', page);
    }
    if (url.pathname === '/events') return this.subscribe(response);
    const pdf = this.content?.pdf;
    if (pdf && url.pathname === `/${encodeURIComponent(pdf.name)}`) return end(response, 200, 'application/pdf', pdf.bytes);
    return end(response, 404, 'text/plain', 'not found');
  }

  private subscribe(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
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

function end(response: ServerResponse, status: number, type: string, body: string | Uint8Array): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  response.end(body);
}
