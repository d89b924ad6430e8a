import { BuildContext } from './build-context.js';
import { loadReport } from './load/load-report.js';
import { readInputFile } from './load/read-input-file.js';
import type { FileReader } from './load/read-input-file.js';
import { renderReport } from './pipeline.js';
import type { RenderedReport, StageTiming } from './pipeline.js';
import { previousContents } from './print/previous-contents.js';
import type { BuildOptions, ResolvedBuild } from './resolve-build.js';
import { writeArtifacts } from './write/write-artifacts.js';
import type { WrittenArtifact } from './write/write-artifacts.js';

export interface BuildReportOptions extends BuildOptions {
  /** Write the outputs to the output folder (atomically). @default false: everything stays in memory */
  readonly write?: boolean;
  /**
   * Keep Chromium and the chart canvases across calls (watch, batch, a server). When omitted,
   * a context is created for this call and closed before it returns.
   */
  readonly context?: BuildContext;
  /** Read inputs from somewhere other than the disk (tests, editors). @default the file system */
  readonly read?: FileReader;
  /** Each stage as it finishes, load and write included. */
  readonly onStage?: (stage: StageTiming['stage'] | 'load' | 'write', ms: number) => void;
  /**
   * The HTML as soon as it is rendered and has passed the checks, before the PDF is printed and
   * anything is written: for a live preview. With `strict`, only once the whole preflight has
   * passed (a page the build would refuse is never shown). Printing waits for the promise it
   * may return.
   */
  readonly onHtml?: (html: string) => void | Promise<void>;
  /** Notices such as "running as root, so Chromium's sandbox is off". */
  readonly onNotice?: (message: string) => void;
}

export interface BuildReportResult extends RenderedReport {
  /** The settings the build used: flags, then the spec, then the defaults. */
  readonly options: ResolvedBuild;
  /** Where the outputs go (or went, with `write`). */
  readonly outputs: ResolvedBuild['outputs'];
  /** Set when `write` was true. */
  readonly written?: readonly WrittenArtifact[];
  /** Every input file read (absolute): the spec, the profiles, their portraits. Watch mode follows these. */
  readonly inputFiles: readonly string[];
}

/**
 * Builds one report: load (the spec, the profiles, the earlier edition, the templates),
 * resolve the settings, then the pure stages (derive, charts, HTML, PDF, preflight), and write
 * the outputs if asked. Throws ValidationError for bad input (every problem at once, and every
 * warning under `strict`), UserError for unusable files, RenderError when Chromium or the disk
 * fails: all of them ProfileReportErrors.
 */
export async function buildReport(options: BuildReportOptions = {}): Promise<BuildReportResult> {
  const ownContext = options.context === undefined;
  const context = options.context ?? new BuildContext(options.onNotice ? { onNotice: options.onNotice } : {});
  // Chromium takes longest to start: launch it now, while inputs load and charts draw.
  // warmUp never rejects: a failed launch is reported by the print that needs Chromium.
  if (!options.formats || options.formats.includes('pdf')) void context.browser.warmUp();
  try {
    const { inputs, build } = await loadReport(options, options.read ?? readInputFile, context.validation, {
      onStage: (stage, ms) => options.onStage?.(stage, ms),
    });
    // Once the set is known: the worker is started only for a template folder's own templates.
    context.templates.warmUp(inputs.templates);
    const pdfPath = build.outputs.find((o) => o.format === 'pdf')?.path;
    const contentsGuess =
      pdfPath === undefined
        ? undefined
        : (context.contentsPages.get(pdfPath) ??
          (options.write ? await previousContents(pdfPath) : undefined) ??
          context.lastContents);
    const rendered = await renderReport(inputs, build, context, {
      ...(options.onStage ? { onStage: (t: StageTiming) => options.onStage?.(t.stage, t.ms) } : {}),
      ...(options.onHtml ? { onHtml: options.onHtml } : {}),
      ...(contentsGuess ? { contentsGuess } : {}),
    });
    if (pdfPath !== undefined && rendered.sectionPages.size > 0) {
      context.contentsPages.set(pdfPath, rendered.sectionPages);
      context.lastContents = rendered.sectionPages;
    }
    const written = options.write ? await write(build, rendered, options.onStage) : undefined;
    const inputFiles = [
      ...(inputs.specPath ? [inputs.specPath] : []),
      ...inputs.profiles.flatMap((p) => [p.absolutePath, ...(p.portrait?.path ? [p.portrait.path] : [])]),
    ];
    return {
      ...rendered,
      options: build,
      outputs: build.outputs,
      inputFiles,
      ...(written ? { written } : {}),
    };
  } finally {
    if (ownContext) await context.close();
  }
}

/** The outputs to their folder, atomically; the only write of a build. */
async function write(
  build: ResolvedBuild,
  rendered: RenderedReport,
  onStage: BuildReportOptions['onStage'],
): Promise<WrittenArtifact[]> {
  const started = performance.now();
  const written = await writeArtifacts(
    build.outputs.map((o) => ({
      path: o.path,
      bytes: o.format === 'html' ? Buffer.from(rendered.html, 'utf8') : rendered.pdf!,
    })),
    build.writeWithin === undefined ? {} : { within: build.writeWithin },
  );
  onStage?.('write', performance.now() - started);
  return written;
}
