import path from 'node:path';
import { buildReport } from '../build-report.js';
import type { BuildContext } from '../build-context.js';
import { ProfileReportError, ValidationError, errorSummary, exitCodeOf, exitCodes, formatProblem } from '../errors.js';
import type { BuildOptions } from '../resolve-build.js';
import { jsonProblem } from './json-summary.js';
import type { ReportOutcome } from './json-summary.js';
import type { Progress } from './progress.js';
import { reportFailure } from './report-failure.js';
import type { Terminal } from './terminal.js';

export interface BuildTarget {
  /** How the report is named in progress and the summary. */
  readonly label: string;
  readonly spec?: string;
  readonly profiles?: readonly string[];
}

export interface BuildOneContext {
  readonly cwd: string;
  readonly today: string;
  readonly context: BuildContext;
  readonly progress: Progress;
  readonly term: Terminal;
  /** Under --json, expected failures go in the summary only; a bug's stack still goes to stderr. */
  readonly json: boolean;
  /** After Ctrl-C, a build fails because Chromium was closed: that is not worth a message. */
  readonly interrupted: () => boolean;
  /** The report's name in a batch, put before its lines. */
  readonly label?: string;
}

/**
 * Builds one report and describes how it went, never throwing: in a batch, one bad report must
 * not stop the others, and each outcome carries its own exit code.
 */
export async function buildOne(
  target: BuildTarget,
  options: BuildOptions,
  ctx: BuildOneContext,
): Promise<ReportOutcome> {
  const started = performance.now();
  const timings: Record<string, number> = {};
  try {
    const result = await buildReport({
      cwd: ctx.cwd,
      today: ctx.today,
      ...options,
      ...(target.spec ? { spec: target.spec } : {}),
      ...(target.profiles?.length ? { profiles: target.profiles } : {}),
      write: true,
      context: ctx.context,
      onStage: (stage, ms) => {
        timings[stage] = round(ms);
        ctx.progress.step(stage, ms);
      },
    });
    timings['total'] = round(performance.now() - started);
    // Every warning is shown even under --quiet: the report on disk may not be right. In a
    // batch, the report's own (a page of its PDF) are marked with its name.
    if (!ctx.json)
      for (const p of result.warnings)
        ctx.term.err(`${ctx.label && p.file === undefined ? `[${ctx.label}] ` : ''}${formatProblem(p)}`);
    ctx.progress.written(result.written ?? [], performance.now() - started);
    return {
      spec: target.label,
      ok: true,
      exitCode: exitCodes.ok,
      artifacts: (result.written ?? []).map((a) => ({
        format: a.path.endsWith('.pdf') ? 'pdf' : 'html',
        path: path.relative(ctx.cwd, a.path) || a.path,
        bytes: a.size,
        sha256: a.sha256,
      })),
      timings,
      warnings: result.warnings.map(jsonProblem),
      problems: [],
      error: null,
    };
  } catch (error) {
    timings['total'] = round(performance.now() - started);
    const known = error instanceof ProfileReportError;
    const quiet = (ctx.json && known) || ctx.interrupted();
    const exitCode = quiet ? exitCodeOf(error) : reportFailure(error, ctx.term);
    return {
      spec: target.label,
      ok: false,
      exitCode,
      artifacts: [],
      timings,
      warnings:
        error instanceof ValidationError ? error.problems.filter((p) => p.severity === 'warning').map(jsonProblem) : [],
      problems:
        error instanceof ValidationError ? error.problems.filter((p) => p.severity === 'error').map(jsonProblem) : [],
      error: errorSummary(error),
    };
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}
