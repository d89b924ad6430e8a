import { BuildContext } from './build-context.js';
import { UserError, ValidationError } from './errors.js';
import type { Problem } from './errors.js';
import { loadInputs } from './load/load-inputs.js';
import { readEditionFacts } from './edition/read-edition.js';
import { unrenderableText } from './preflight/unrenderable-text.js';
import { displayPath } from './load/resolve-inside.js';
import { realFolderInside } from './load/real-path.js';
import { readInputFile } from './load/read-input-file.js';
import type { FileReader } from './load/read-input-file.js';
import { outputPaths, resolveOptions } from './options.js';
import type { BuildOptions, ResolvedOptions } from './options.js';
import { renderReport } from './pipeline.js';
import { previousContents } from './print/previous-contents.js';
import type { RenderedReport, StageTiming } from './pipeline.js';
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
   * The HTML as soon as it is rendered and has passed the checks (and, with `strict`, has no
   * warnings), before the PDF is printed and anything is written: for a live preview. Printing
   * waits for the promise it may return.
   */
  readonly onHtml?: (html: string) => void | Promise<void>;
  /** Notices such as "running as root, so Chromium's sandbox is off". */
  readonly onNotice?: (message: string) => void;
}

export interface BuildReportResult extends RenderedReport {
  /** Validation warnings (a date after the build date...); errors throw a ValidationError. */
  readonly problems: readonly Problem[];
  readonly options: ResolvedOptions;
  /** Where the outputs go (or went, with `write`). */
  readonly outputs: readonly { readonly format: 'html' | 'pdf'; readonly path: string }[];
  /** Set when `write` was true. */
  readonly written?: readonly WrittenArtifact[];
  /** Every input file read (absolute): the spec, the profiles. Watch mode follows these. */
  readonly inputFiles: readonly string[];
}

/**
 * Builds one report: load and validate the spec and profiles, derive, draw the charts, render
 * the HTML, print the PDF, and write them if asked. Throws ValidationError for bad input (every
 * problem at once), UserError for unusable files, RenderError when Chromium or the disk fails.
 */
export async function buildReport(options: BuildReportOptions = {}): Promise<BuildReportResult> {
  const ownContext = options.context === undefined;
  const context = options.context ?? new BuildContext(options.onNotice ? { onNotice: options.onNotice } : {});
  const wantsPdf = !options.formats || options.formats.includes('pdf');
  // Chromium takes longest to start: launch it now, while inputs load and charts draw.
  if (wantsPdf) context.browser.warmUp();
  context.templates.warmUp();
  try {
    const started = performance.now();
    const request = {
      cwd: options.cwd ?? process.cwd(),
      today: options.today ?? new Date().toISOString().slice(0, 10),
      ...(options.spec ? { spec: options.spec } : {}),
      ...(options.profiles ? { profiles: options.profiles } : {}),
    };
    const loaded = await loadInputs(request, options.read ?? readInputFile, context.validation);
    // The earlier edition is an input like the profiles: read and checked before anything is drawn.
    const inputs =
      options.since === undefined ? loaded : { ...loaded, since: await readEditionFacts(options.since, request) };
    options.onStage?.('load', performance.now() - started);
    const resolved = await confineFolders(resolveOptions(options, inputs), options, inputs.specPath);
    const outputs = outputPaths(resolved);
    const pdfPath = outputs.find((o) => o.format === 'pdf')?.path;
    const contentsGuess =
      pdfPath === undefined
        ? undefined
        : (context.contentsPages.get(pdfPath) ?? (options.write ? await previousContents(pdfPath) : undefined));
    // Preflight: what the build noticed it could not render right. Silence must mean success;
    // with --strict, anything noticed is a failure and nothing is written.
    const specFile = inputs.specPath ? displayPath(options.cwd ?? process.cwd(), inputs.specPath) : '(report)';
    const problems = [
      ...inputs.warnings,
      ...unrenderableText(
        [
          {
            file: specFile,
            value: { title: inputs.spec.title, subtitle: inputs.spec.subtitle, author: inputs.spec.author },
          },
          ...inputs.profiles.map((p) => ({ file: p.file, value: p.profile })),
        ],
        await context.fontLibrary(),
      ),
    ];
    const onHtml = async (html: string, warnings: readonly string[]): Promise<void> => {
      // The page is shown only if the build could still succeed with what is known so far.
      if (options.strict) refuseWarnings(problems, warnings, specFile);
      await options.onHtml?.(html);
    };
    const rendered = await renderReport(inputs, resolved, context, {
      ...(options.onStage ? { onStage: (t: StageTiming) => options.onStage?.(t.stage, t.ms) } : {}),
      onHtml,
      ...(contentsGuess ? { contentsGuess } : {}),
    });
    if (pdfPath !== undefined && rendered.sectionPages.size > 0)
      context.contentsPages.set(pdfPath, rendered.sectionPages);
    if (options.strict) refuseWarnings(problems, rendered.warnings, specFile);
    let written: WrittenArtifact[] | undefined;
    if (options.write) {
      const writeStarted = performance.now();
      written = await writeArtifacts(
        outputs.map((o) => ({
          path: o.path,
          bytes: o.format === 'html' ? Buffer.from(rendered.html, 'utf8') : rendered.pdf!,
        })),
        options.outDir === undefined ? { within: options.cwd ?? process.cwd() } : {},
      );
      options.onStage?.('write', performance.now() - writeStarted);
    }
    const inputFiles = [...(inputs.specPath ? [inputs.specPath] : []), ...inputs.profiles.map((p) => p.absolutePath)];
    return { ...rendered, problems, options: resolved, outputs, inputFiles, ...(written ? { written } : {}) };
  } finally {
    if (ownContext) await context.close();
  }
}

/**
 * Folders a report spec names (templates, output) must really be inside the project: their
 * text was checked when the spec loaded, and here every symbolic link along them is followed,
 * once. The build then uses the real path it checked, never the spec's name again: a link
 * swapped during the build cannot redirect a read or a write (and the write checks the folder
 * it opened once more). Folders given as flags are where the user asked for them.
 */
async function confineFolders(
  resolved: ResolvedOptions,
  options: BuildReportOptions,
  specPath: string | undefined,
): Promise<ResolvedOptions> {
  const cwd = options.cwd ?? process.cwd();
  const spec = specPath ? displayPath(cwd, specPath) : 'the report spec';
  let { templatesDir, outDir } = resolved;
  if (templatesDir !== undefined && options.templates === undefined) {
    const inside = await realFolderInside(templatesDir, cwd);
    if (!inside.ok) throw new UserError(`${spec}: templates: ${inside.message}`);
    templatesDir = inside.path;
  }
  if (options.outDir === undefined) {
    const inside = await realFolderInside(outDir, cwd);
    if (!inside.ok) throw new UserError(`${spec}: output.dir: ${inside.message}`);
    outDir = inside.path;
  }
  return { ...resolved, templatesDir, outDir };
}

/** --strict: every warning becomes an error; a ValidationError, so the exit code is 1 and nothing is written. */
function refuseWarnings(problems: readonly Problem[], warnings: readonly string[], report: string): void {
  const all: Problem[] = [
    ...problems.map((p) => ({ ...p, severity: 'error' as const, message: `${p.message} (--strict)` })),
    ...warnings.map((message) => ({
      file: report,
      line: 0,
      column: 0,
      path: '',
      message: `${message} (--strict)`,
      severity: 'error' as const,
    })),
  ];
  if (all.length > 0) throw new ValidationError(all);
}
