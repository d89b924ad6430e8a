import type { BuildContext } from './build-context.js';
import type { ChartSpec } from './derive/chart-spec.js';
import { deriveReport } from './derive/derive-report.js';
import type { DerivedReport } from './derive/derive-report.js';
import { portraitSrc } from './derive/portrait-view.js';
import { editionFacts, serialiseFacts } from './edition/edition-facts.js';
import { factsFileName } from './edition/facts-schema.js';
import { reportProblems } from './errors.js';
import type { Problem } from './errors.js';
import type { LoadedReport } from './load/load-report.js';
import type { FieldPath } from './load/source-positions.js';
import { finishPdf } from './pdf/finish-pdf.js';
import { readPdf } from './pdf/read-pdf.js';
import { preflight } from './preflight/preflight.js';
import { unrenderableText } from './preflight/unrenderable-text.js';
import type { PrintedDocuments } from './preflight/preflight.js';
import type { SectionPages } from './print/number-contents.js';
import { printPdf } from './print/print-pdf.js';
import { renderHtml } from './render/render-html.js';
import type { ResolvedBuild } from './resolve-build.js';

export interface StageTiming {
  readonly stage: 'templates' | 'derive' | 'charts' | 'html' | 'pdf' | 'preflight';
  readonly ms: number;
}

export interface RenderedReport {
  readonly html: string;
  readonly pdf?: Buffer;
  /** The Chart.js configurations, as plain JSON. */
  readonly charts: readonly ChartSpec[];
  /**
   * Every warning of the build, in the order found: loading and validation (located in their
   * file), the template folder, derive, the charts, printing and the preflight (the report's
   * own, with no file). Errors throw instead.
   */
  readonly warnings: readonly Problem[];
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
   * The HTML as soon as it is rendered, before the PDF is printed (a live preview shows it while
   * Chromium prints). Under `strict` it waits for the preflight instead: a page is shown only
   * if the build succeeds. Printing waits for the promise it may return; throwing stops the build.
   */
  readonly onHtml?: (html: string) => void | Promise<void>;
}

/** What the PDF stage hands on: the finished bytes, the contents' pages, and the parsed documents. */
interface PrintedReport {
  readonly bytes: Buffer;
  readonly pages: SectionPages;
  readonly prints: number;
  readonly warnings: readonly Problem[];
  readonly documents: PrintedDocuments;
}

/**
 * The pipeline after loading: derive → charts → HTML → PDF → preflight. Loaded inputs and
 * resolved settings in, strings and bytes out: nothing here reads a file (the load stage did)
 * or writes one (write-artifacts does, at the edge).
 */
export async function renderReport(
  inputs: LoadedReport,
  build: ResolvedBuild,
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

  const people = inputs.profiles.map((p) => p.localised ?? p.profile);
  const derived = await stage('derive', () =>
    deriveReport(build.spec, people, inputs.locale, {
      ...(inputs.since ? { since: inputs.since } : {}),
      titleFromPeople: inputs.fromCommandLine === true,
    }),
  );
  // The facts this edition shows, carried in the HTML and attached to the PDF, so a later
  // build can say what changed since it (see src/edition/). Titled as the report is: a report
  // of people named on the command line is titled in its own language, not the spec's words.
  const facts = serialiseFacts(editionFacts({ ...build.spec, title: derived.view.title }, people));
  const charts = await stage('charts', () => drawCharts(derived.charts, ctx));
  const fonts = await ctx.fontLibrary();
  const html = await stage('html', () =>
    renderHtml(derived.view, {
      renderPage: (context) => ctx.renderTemplates(inputs.templates, context, build.timeoutMs),
      css: inputs.templates.css,
      fonts,
      charts: charts.svgs,
      portraits: new Map(
        inputs.profiles.flatMap((p, i) => (p.portrait ? [[portraitSrc(i), p.portrait.dataUri] as const] : [])),
      ),
      ...(build.templatesDir ? { templatesDir: build.templatesDir } : {}),
      facts,
    }),
  );
  if (!build.strict) await hooks.onHtml?.(html);
  // Text no font draws needs no PDF: it is checked while Chromium prints (see PrintOptions),
  // or in the preflight when nothing is printed.
  const texts = [
    {
      file: build.specLabel,
      value: { title: build.spec.title, subtitle: build.spec.subtitle, author: build.spec.author },
    },
    ...inputs.profiles.map((p) => ({
      file: p.file,
      value: p.profile,
      ...(p.positions ? { locate: (at: FieldPath) => p.positions!.locate(at) } : {}),
    })),
  ];
  let unrenderable: readonly Problem[] | undefined;
  const checkTexts = (): readonly Problem[] => (unrenderable ??= unrenderableText(texts, fonts));
  const pdf = build.formats.has('pdf')
    ? await stage('pdf', () => printReport(html, derived, facts, build, ctx, hooks, () => void checkTexts()))
    : undefined;
  const warnings = await stage('preflight', () =>
    preflight({
      unrenderable: checkTexts(),
      html,
      ...(pdf ? { pdf: pdf.documents } : {}),
      earlier: [...inputs.warnings, ...reportProblems(derived.warnings), ...charts.warnings, ...(pdf?.warnings ?? [])],
      strict: build.strict,
    }),
  );
  if (build.strict) await hooks.onHtml?.(html);
  return {
    html,
    ...(pdf ? { pdf: pdf.bytes } : {}),
    charts: derived.charts,
    warnings,
    timings,
    sectionPages: pdf?.pages ?? new Map(),
    prints: pdf?.prints ?? 0,
  };
}

/** Every chart drawn, by id; text a chart draws past the edge of its image is a warning. */
async function drawCharts(
  specs: readonly ChartSpec[],
  ctx: BuildContext,
): Promise<{ svgs: Map<string, string>; warnings: Problem[] }> {
  const renderer = await ctx.chartRenderer();
  const svgs = new Map<string, string>();
  const warnings: Problem[] = [];
  for (const spec of specs) {
    const drawn = await renderer.renderChecked(spec);
    svgs.set(spec.id, drawn.svg);
    warnings.push(...reportProblems(drawn.problems));
  }
  return { svgs, warnings };
}

/** The page printed by Chromium, then finished: metadata, bookmarks and the facts attached. */
async function printReport(
  html: string,
  derived: DerivedReport,
  facts: string,
  build: ResolvedBuild,
  ctx: BuildContext,
  hooks: PipelineHooks,
  whilePrinting: () => void,
): Promise<PrintedReport> {
  const printed = await printPdf(ctx.browser, html, {
    whilePrinting,
    page: build.page,
    timeoutMs: build.timeoutMs,
    ...(hooks.onBlockedRequest ? { onBlockedRequest: hooks.onBlockedRequest } : {}),
    ...(hooks.contentsGuess ? { contentsGuess: hooks.contentsGuess } : {}),
  });
  const { spec } = build;
  const bytes = finishPdf(printed.document, {
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
  return {
    bytes,
    pages: printed.sectionPages,
    prints: printed.prints,
    warnings: reportProblems(printed.warnings),
    documents: { printed: printed.document, finished: readPdf(bytes), headings: printed.headings },
  };
}
