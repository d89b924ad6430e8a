import path from 'node:path';
import type { BuildContext } from '../build-context.js';
import { buildReport } from '../build-report.js';
import { RenderError, UsageError, UserError, ValidationError } from '../errors.js';
import type { Problem } from '../errors.js';
import type { OutputFormat } from '../resolve-build.js';
import type { JobPayload } from './job-payload.js';
import { unpackProject } from './unpack-project.js';

export interface BuiltJob {
  /** The spec's output.name. */
  readonly name: string;
  readonly files: ReadonlyMap<OutputFormat, Buffer>;
  /** The loader's warnings and what the preflight noticed, as `build --json` lists them. */
  readonly warnings: readonly Problem[];
  readonly timings: Readonly<Record<string, number>>;
}

/**
 * Builds a queued report as `build` would, from its own files laid out in a private folder:
 * same loader, same checks, same pipeline, so the bytes are those of a local build. Nothing is
 * written but the temporary folder, which is removed. Errors are the build's own (a
 * ValidationError, a UserError, a RenderError), their messages naming files as the project
 * does, not by the temporary folder.
 */
export async function buildJob(payload: JobPayload, context: BuildContext, today: string): Promise<BuiltJob> {
  const project = await unpackProject(payload);
  const timings: Record<string, number> = {};
  const started = performance.now();
  try {
    const result = await buildReport({
      cwd: project.dir,
      today,
      spec: payload.spec,
      formats: payload.settings.formats,
      ...(payload.settings.page ? { page: payload.settings.page } : {}),
      ...(payload.settings.language ? { language: payload.settings.language } : {}),
      strict: payload.settings.strict,
      timeoutMs: payload.settings.timeoutMs,
      context,
      onStage: (stage, ms) => void (timings[stage] = round(ms)),
    });
    // The contents' pages are remembered by output path, and this path is never built again.
    for (const output of result.outputs) context.contentsPages.delete(output.path);
    timings['total'] = round(performance.now() - started);
    const files = new Map<OutputFormat, Buffer>();
    for (const output of result.outputs)
      files.set(output.format, output.format === 'html' ? Buffer.from(result.html, 'utf8') : result.pdf!);
    const warnings = result.warnings.map((p) => inProjectProblem(p, project.dir));
    return { name: result.options.outName, files, warnings, timings };
  } catch (error) {
    throw asProjectError(error, project.dir);
  } finally {
    await project.dispose();
  }
}

/** `/tmp/profile-report-job-123-abc/templates/x.hbs` as the submitter knows it: `templates/x.hbs`. */
function inProject(text: string, dir: string): string {
  return text.split(`${dir}${path.sep}`).join('').split(dir).join('.');
}

function inProjectProblem(p: Problem, dir: string): Problem {
  return {
    ...p,
    ...(p.file === undefined ? {} : { file: inProject(p.file, dir) }),
    message: inProject(p.message, dir),
  };
}

function asProjectError(error: unknown, dir: string): unknown {
  if (error instanceof ValidationError) {
    return new ValidationError(
      error.problems.map((p) => inProjectProblem(p, dir)),
      error.files.map((f) => inProject(f, dir)),
    );
  }
  for (const Kind of [UserError, UsageError, RenderError]) {
    if (error instanceof Kind)
      return new Kind(inProject(error.message, dir), {
        cause: error.cause instanceof Error ? new Error(inProject(error.cause.message, dir)) : error.cause,
      });
  }
  return error;
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
