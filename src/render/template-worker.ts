import { parentPort } from 'node:worker_threads';
import { compileTemplates } from './compile-templates.js';
import { renderWithin } from './template-layout.js';
import type { RenderLayout } from './template-layout.js';
import type { TemplateSources } from './template-set.js';

/**
 * Runs a template folder's templates (template-renderer.ts renders the built-in ones in
 * process), away from the main thread. A template folder is untrusted: eleven nested
 * `{{#each}}` never finish and blocking the event loop would also block the deadline and the
 * signal handlers. Here a runaway template only blocks this thread, which the main thread
 * terminates at the deadline, and a heap limit stops one that grows without end.
 */

export interface RenderRequest {
  readonly id: number;
  /** Identifies the template text, so a rebuild with the same templates skips compiling. */
  readonly key: string;
  readonly sources: TemplateSources;
  readonly context: object;
  readonly maxChars: number;
}

export type RenderReply =
  { id: number; html: string } | { id: number; error: { kind: 'user' | 'internal'; message: string; stack?: string } };

const layouts = new Map<string, RenderLayout>();

parentPort?.on('message', (request: RenderRequest) => {
  parentPort?.postMessage(render(request));
});

function render(request: RenderRequest): RenderReply {
  try {
    let layout = layouts.get(request.key);
    if (!layout) {
      layout = compileTemplates(request.sources);
      layouts.clear();
      layouts.set(request.key, layout);
    }
    const html = renderWithin(layout, request.context, request.maxChars);
    return { id: request.id, html };
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    const kind = e.name === 'UserError' ? 'user' : 'internal';
    return { id: request.id, error: { kind, message: e.message, ...(e.stack ? { stack: e.stack } : {}) } };
  }
}
