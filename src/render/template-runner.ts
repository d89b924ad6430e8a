import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { RenderError, UserError } from '../errors.js';
import { limits } from '../limits.js';
import type { TemplateSources } from './template-set.js';
import type { RenderReply, RenderRequest } from './template-worker.js';

/**
 * Renders templates in a worker thread with a deadline and a heap limit (see
 * template-worker.ts). One worker per build context, kept warm between builds so compiled
 * templates are reused; a worker stopped at the deadline or by its heap limit is replaced on
 * the next render.
 */
export class TemplateRunner {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (html: string) => void; reject: (error: Error) => void }>();

  /** Starts the worker now, so the first render does not wait for it. */
  warmUp(): void {
    this.ensureWorker();
  }

  async render(key: string, sources: TemplateSources, context: object, timeoutMs: number): Promise<string> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    const request: RenderRequest = { id, key, sources, context, maxChars: limits.htmlChars };
    let timer: NodeJS.Timeout | undefined;
    try {
      return await new Promise<string>((resolve, reject) => {
        this.pending.set(id, { resolve, reject });
        timer = setTimeout(() => {
          reject(
            new RenderError(
              `the templates took longer than ${timeoutMs / 1000} s to render and were stopped; a template folder may loop (nested {{#each}}) or include too much`,
            ),
          );
          void this.stop();
        }, timeoutMs);
        worker.postMessage(request);
      });
    } finally {
      clearTimeout(timer);
      this.pending.delete(id);
    }
  }

  async close(): Promise<void> {
    await this.stop();
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const resourceLimits = { maxOldGenerationSizeMb: limits.templateHeapMb, maxYoungGenerationSizeMb: 64 };
    // The worker's console is not the CLI's: left inherited, anything a template made the
    // library print (profile text and its escape sequences) would reach the terminal raw. Its
    // results come back as messages; what it writes to the console is read and dropped.
    const streams = { stdout: true, stderr: true } as const;
    // The built package runs the compiled .js; under the test runner the sources are
    // TypeScript, loaded through tsx (a development dependency) registered in the worker.
    const worker = import.meta.url.endsWith('.ts')
      ? new Worker(
          `const api = ${JSON.stringify(pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href)};
           import(api).then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./template-worker.ts', import.meta.url).href)}); });`,
          { eval: true, resourceLimits, ...streams },
        )
      : new Worker(fileURLToPath(new URL('./template-worker.js', import.meta.url)), { resourceLimits, ...streams });
    worker.unref();
    worker.stdout.resume();
    worker.stderr.resume();
    worker.on('message', (reply: RenderReply) => this.settle(reply));
    worker.on('error', (error: Error & { code?: string }) => {
      const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.failAll(
        outOfMemory
          ? new RenderError(
              `the templates needed more than ${limits.templateHeapMb} MiB of memory and were stopped; a template folder may include too much`,
            )
          : new RenderError(`the template renderer failed: ${error.message}`, { cause: error }),
      );
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      this.failAll(new RenderError('the template renderer stopped'));
    });
    this.worker = worker;
    return worker;
  }

  private settle(reply: RenderReply): void {
    const waiting = this.pending.get(reply.id);
    if (!waiting) return;
    if ('html' in reply) waiting.resolve(reply.html);
    else if (reply.error.kind === 'user') waiting.reject(new UserError(reply.error.message));
    else waiting.reject(Object.assign(new Error(reply.error.message), { stack: reply.error.stack }));
  }

  private failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
