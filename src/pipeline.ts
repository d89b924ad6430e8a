import type { BuildContext } from './build-context.js';
import type { ChartSpec } from './derive/chart-spec.js';
import { deriveReport } from './derive/derive-report.js';
import { readLocale } from './i18n/read-locale.js';
import type { LoadedInputs } from './load/load-inputs.js';
import type { ResolvedOptions } from './options.js';
import { finishPdf } from './print/finish-pdf.js';
import { headingTexts } from './print/outline-titles.js';
import { checkPdfLinks } from './print/pdf-links.js';
import { printPdf } from './print/print-pdf.js';
import { renderHtml } from './render/render-html.js';
import { checkTemplateFolder } from './render/template-safety.js';
import { readTemplateSet } from './render/template-set.js';

export interface StageTiming {
  readonly stage: 'derive' | 'charts' | 'templates' | 'html' | 'pdf';
  readonly ms: number;
}

export interface RenderedReport {
  readonly html: string;
  readonly pdf?: Buffer;
  /** The Chart.js configurations, as plain JSON. */
  readonly charts: readonly ChartSpec[];
  readonly warnings: readonly string[];
  readonly timings: readonly StageTiming[];
}

export interface PipelineHooks {
  /** Each stage as it finishes, for progress output. */
  readonly onStage?: (timing: StageTiming) => void;
  /** Requests the page tried to make and were refused (a report should make none). */
  readonly onBlockedRequest?: (url: string) => void;
  /**
   * The HTML as soon as it is rendered, before the PDF is printed, with the warnings so far
   * (a live preview shows it while Chromium prints). Printing waits for the promise it may
   * return; throwing stops the build.
   */
  readonly onHtml?: (html: string, warnings: readonly string[]) => void | Promise<void>;
}

/**
 * The pipeline after loading: derive → charts → HTML → PDF. Validated inputs in, strings and
 * bytes out; nothing here touches the output folder (that is write-artifacts' job, at the edge).
 */
export async function renderReport(inputs: LoadedInputs, options: ResolvedOptions, ctx: BuildContext, hooks: PipelineHooks = {}): Promise<RenderedReport> {
  const timings: StageTiming[] = [];
  const stage = async <T>(name: StageTiming['stage'], work: () => T | Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    const timing = { stage: name, ms: performance.now() - started };
    timings.push(timing);
    hooks.onStage?.(timing);
    return result;
  };

  const spec = { ...inputs.spec, page: options.page, language: options.language };
  const messages = await readLocale(options.language, options.templatesDir);
  const derived = await stage('derive', () => deriveReport(spec, inputs.profiles.map((p) => p.localised ?? p.profile), messages.locale));
  const charts = await stage('charts', () => drawCharts(derived.charts, ctx));
  const templates = await stage('templates', async () => {
    const set = await readTemplateSet(options.templatesDir);
    checkTemplateFolder(set);
    return set;
  });
  const html = await stage('html', async () =>
    renderHtml(derived.view, {
      renderPage: (context) => ctx.renderTemplates(templates, context, options.timeoutMs),
      css: templates.css,
      fonts: await ctx.fontLibrary(),
      charts,
      ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
    }),
  );
  const htmlWarnings = [...templates.warnings, ...messages.warnings, ...derived.warnings];
  await hooks.onHtml?.(html, htmlWarnings);
  const printWarnings: string[] = [];
  const pdf = options.formats.has('pdf')
    ? await stage('pdf', async () => {
        const printed = await printPdf(ctx.browser, html, { page: options.page, timeoutMs: options.timeoutMs, ...(hooks.onBlockedRequest ? { onBlockedRequest: hooks.onBlockedRequest } : {}) });
        printWarnings.push(...printed.warnings);
        checkPdfLinks(printed.bytes);
        return finishPdf(printed.bytes, {
          title: spec.title,
          author: spec.author,
          subject: derived.view.subject,
          keywords: spec.keywords.join(', '),
          date: spec.buildDate,
          creator: 'profile-report',
          headings: headingTexts(html),
        });
      })
    : undefined;

  return { html, ...(pdf ? { pdf } : {}), charts: derived.charts, warnings: [...htmlWarnings, ...printWarnings], timings };
}

async function drawCharts(specs: readonly ChartSpec[], ctx: BuildContext): Promise<Map<string, string>> {
  const renderer = await ctx.chartRenderer();
  const svgs = new Map<string, string>();
  for (const spec of specs) svgs.set(spec.id, await renderer.render(spec));
  return svgs;
}
