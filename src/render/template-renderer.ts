import { limits } from '../limits.js';
import { builtInLayout } from './built-in-layout.js';
import type { RenderableTemplates } from './built-in-layout.js';
import { renderWithin } from './template-layout.js';
import { TemplateRunner } from './template-runner.js';
import { templateSourcesHash } from './template-sources-hash.js';

/**
 * Renders a set of templates where it belongs. The built-in templates are ours: they render on
 * this thread, precompiled (built-in-layout.ts). A template folder's are a stranger's, and a
 * runaway `{{#each}}` must be stoppable: they render in a worker thread with a deadline and a
 * heap limit (template-runner.ts), which is started only for them.
 */
export class TemplateRenderer {
  private readonly runner = new TemplateRunner();

  /** Gets the set's renderer ready while the build does other work: loads the templates, or starts the worker. */
  warmUp(set: RenderableTemplates): void {
    // A failure here is the render's to report.
    builtInLayout(set).then(
      (layout) => {
        if (!layout) this.runner.warmUp();
      },
      () => undefined,
    );
  }

  async render(set: RenderableTemplates, context: object, timeoutMs: number): Promise<string> {
    const hash = templateSourcesHash(set);
    const layout = await builtInLayout(set, hash);
    if (layout) return renderWithin(layout, context, limits.htmlChars);
    return this.runner.render(hash, { layout: set.layout, partials: set.partials }, context, timeoutMs);
  }

  async close(): Promise<void> {
    await this.runner.close();
  }
}
