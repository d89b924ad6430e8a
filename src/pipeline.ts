import type { BuildContext } from './build-context.js';
import type { ChartSpec } from './derive/chart-spec.js';
import { deriveReport } from './derive/derive-report.js';
import { editionFacts, serialiseFacts } from './edition/edition-facts.js';
import { factsFileName } from './edition/facts-schema.js';
import { portraitSrc } from './derive/portrait-view.js';
import { readLocale } from './i18n/read-locale.js';
import type { LoadedInputs } from './load/load-inputs.js';
import type { ResolvedOptions } from './options.js';
import { finishPdf } from './pdf/finish-pdf.js';
import { readPdf } from './pdf/read-pdf.js';
import { pdfPreflight } from './preflight/pdf-preflight.js';
import { checkPdfLinks } from './preflight/pdf-links.js';
import { splitBlocks } from './preflight/split-blocks.js';
import { strandedHeadings } from './preflight/stranded-headings.js';
import type { SectionPages } from './print/number-contents.js';
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
  /** The page each section of the contents starts on, in the PDF (empty without a PDF). */
  readonly sectionPages: SectionPages;
  /** How many times Chromium printed the page (0 without a PDF; see number-contents.ts). */
  readonly prints: number;
}

export interface PipelineHooks {
  /** Each stage as it finishes, for progress output. */
  readonly onStage?: (timing: StageTiming) => void;
  /** Requests the page tried to make and were refused (a report should make none). */
  readonly onBlockedRequest?: (url: string) => void;
  /** The contents' pages of this report's previous print: tried first, and checked. */
  readonly contentsGuess?: SectionPages;
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
export async function renderReport(
  inputs: LoadedInputs,
  options: ResolvedOptions,
  ctx: BuildContext,
  hooks: PipelineHooks = {},
): Promise<RenderedReport> {
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
  // The facts this edition shows, carried in the HTML and attached to the PDF, so a later
  // build can say what changed since it (see src/edition/).
  const facts = serialiseFacts(
    editionFacts(
      spec,
      inputs.profiles.map((p) => p.localised ?? p.profile),
    ),
  );
  // The template folder first: its message catalogue is one of its files, read and capped with the rest.
  const templates = await stage('templates', async () => {
    const set = await readTemplateSet(options.templatesDir);
    checkTemplateFolder(set);
    return set;
  });
  const messages = readLocale(options.language, templates.catalogues.get(options.language));
  const derived = await stage('derive', () =>
    deriveReport(
      spec,
      inputs.profiles.map((p) => p.localised ?? p.profile),
      messages.locale,
      { ...(inputs.since ? { since: inputs.since } : {}), titleFromPeople: inputs.fromCommandLine === true },
    ),
  );
  const chartWarnings: string[] = [];
  const charts = await stage('charts', () => drawCharts(derived.charts, ctx, chartWarnings));
  const html = await stage('html', async () =>
    renderHtml(derived.view, {
      renderPage: (context) => ctx.renderTemplates(templates, context, options.timeoutMs),
      css: templates.css,
      fonts: await ctx.fontLibrary(),
      charts,
      portraits: new Map(
        inputs.profiles.flatMap((p, i) => (p.portrait ? [[portraitSrc(i), p.portrait.dataUri] as const] : [])),
      ),
      ...(options.templatesDir ? { templatesDir: options.templatesDir } : {}),
      facts,
    }),
  );
  const htmlWarnings = [...templates.warnings, ...messages.warnings, ...derived.warnings, ...chartWarnings];
  await hooks.onHtml?.(html, htmlWarnings);
  const printWarnings: string[] = [];
  let sectionPages: SectionPages = new Map();
  let prints = 0;
  const pdf = options.formats.has('pdf')
    ? await stage('pdf', async () => {
        const printed = await printPdf(ctx.browser, html, {
          page: options.page,
          timeoutMs: options.timeoutMs,
          ...(hooks.onBlockedRequest ? { onBlockedRequest: hooks.onBlockedRequest } : {}),
          ...(hooks.contentsGuess ? { contentsGuess: hooks.contentsGuess } : {}),
        });
        printWarnings.push(...printed.warnings);
        sectionPages = printed.sectionPages;
        prints = printed.prints;
        checkPdfLinks(printed.document);
        const finished = finishPdf(printed.document, {
          title: derived.view.title,
          author: spec.author,
          subject: derived.view.subject,
          keywords: spec.keywords.join(', '),
          date: spec.buildDate,
          creator: 'profile-report',
          headings: printed.headings,
          attachments: [
            {
              name: factsFileName,
              description: 'The facts this edition of the report shows (profile-report facts format)',
              mime: 'application/json',
              bytes: Buffer.from(facts, 'utf8'),
              modDate: spec.buildDate,
            },
          ],
        });
        const finishedDocument = readPdf(finished);
        printWarnings.push(
          ...pdfPreflight(printed.document, finishedDocument, printed.headings),
          // The printed document: its objects and its pages' drawings are read already (finishing
          // leaves both as they were); read again from the finished bytes they cost 0.1 s.
          ...splitBlocks(printed.document, html),
          ...strandedHeadings({ outline: finishedDocument.outline, pages: printed.document.pages }),
        );
        return finished;
      })
    : undefined;

  return {
    html,
    ...(pdf ? { pdf } : {}),
    charts: derived.charts,
    warnings: [...htmlWarnings, ...printWarnings],
    timings,
    sectionPages,
    prints,
  };
}

/** Draws every chart; text a chart draws past the edge of its image is a warning in `warnings`. */
async function drawCharts(
  specs: readonly ChartSpec[],
  ctx: BuildContext,
  warnings: string[],
): Promise<Map<string, string>> {
  const renderer = await ctx.chartRenderer();
  const svgs = new Map<string, string>();
  for (const spec of specs) {
    const drawn = await renderer.renderChecked(spec);
    svgs.set(spec.id, drawn.svg);
    warnings.push(...drawn.problems);
  }
  return svgs;
}
