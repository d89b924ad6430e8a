import { ValidationCache } from './load/validation-cache.js';
import { BrowserSession } from './print/browser-session.js';
import type { SectionPages } from './print/number-contents.js';
import type { BrowserOptions } from './print/browser-session.js';
import { ChartDiskCache } from './render/chart-disk-cache.js';
import { ChartRenderer } from './render/chart-renderer.js';
import { FontLibrary } from './render/font-library.js';
import { TemplateRenderer } from './render/template-renderer.js';
import type { RenderableTemplates } from './render/built-in-layout.js';

/**
 * The expensive things a process keeps between builds: one Chromium, the chart canvases and
 * their cache, the font library, compiled templates. A single build, a watch session and a
 * batch all use one context and close it once, in `finally` and on signals.
 */
export class BuildContext {
  readonly browser: BrowserSession;
  readonly validation = new ValidationCache();
  private charts: ChartRenderer | undefined;
  private fonts: Promise<FontLibrary> | undefined;
  readonly templates = new TemplateRenderer();
  /** The contents' pages of each PDF printed in this process, by output path: the next build's guess. */
  readonly contentsPages = new Map<string, SectionPages>();
  /**
   * The contents' pages of the last report printed in this process, whichever it was: the guess
   * for a report printed here for the first time. The reports of a batch or of a queue worker
   * are often of one kind, their sections on the same pages; a wrong guess costs one print.
   */
  lastContents: SectionPages | undefined;

  /** @param browser a session started earlier (the CLI launches Chromium first thing) */
  constructor(options: BrowserOptions = {}, browser?: BrowserSession) {
    this.browser = browser ?? new BrowserSession(options);
    if (browser && options.onNotice) browser.onNotice(options.onNotice);
  }

  fontLibrary(): Promise<FontLibrary> {
    this.fonts ??= FontLibrary.load().catch((error: unknown) => {
      this.fonts = undefined;
      throw error;
    });
    return this.fonts;
  }

  /** Charts drawn and profiles validated so far: a watch rebuild reports what it redid. */
  work(): { charts: number; profiles: number } {
    return { charts: this.charts?.drawnCount ?? 0, profiles: this.validation.validatedCount };
  }

  async chartRenderer(): Promise<ChartRenderer> {
    if (!this.charts) {
      // Charts drawn by earlier runs are taken from disk (PROFILE_REPORT_CHART_CACHE=off draws them all).
      this.charts = new ChartRenderer(await this.fontLibrary(), ChartDiskCache.fromEnvironment());
    }
    return this.charts;
  }

  /**
   * Renders the templates: the built-in ones in process, precompiled; a template folder's in the
   * context's worker, under `timeoutMs`, compiled once per distinct template text, so a watch
   * rebuild after a profile edit skips compiling.
   */
  renderTemplates(set: RenderableTemplates, context: object, timeoutMs: number): Promise<string> {
    return this.templates.render(set, context, timeoutMs);
  }

  async close(): Promise<void> {
    await Promise.all([this.browser.close(), this.templates.close()]);
  }
}
