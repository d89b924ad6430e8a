import os from 'node:os';
import path from 'node:path';
import { BuildContext } from '../build-context.js';
import { UsageError, exitCodes } from '../errors.js';
import { displayPath } from '../load/resolve-inside.js';
import type { BrowserSession } from '../print/browser-session.js';
import { isReportSpecFile } from '../validate/validate-files.js';
import { buildOptionsOf } from './build-flags.js';
import type { BuildFlags } from './build-flags.js';
import { buildOne } from './build-one.js';
import type { BuildTarget } from './build-one.js';
import { onInterrupt } from './interrupts.js';
import { printJson } from './json-summary.js';
import type { BuildSummary } from './json-summary.js';
import { mapLimit } from './map-limit.js';
import { humanProgress, silentProgress } from './progress.js';
import { refuseSharedOutputs } from './shared-outputs.js';
import type { Progress } from './progress.js';
import type { Terminal } from './terminal.js';

/** How a build reports, beside the build flags (build-flags.ts). */
export interface OutputFlags {
  readonly json?: boolean;
  readonly quiet?: boolean;
}

export interface CommandContext {
  readonly term: Terminal;
  readonly cwd: string;
  readonly today: string;
  /** Chromium, if the CLI already started it. */
  readonly browser?: BrowserSession;
}

/**
 * `profile-report build [report.yaml ... | profile.yaml ...]`. One spec (or profiles) is one
 * report; several specs are a batch that shares one Chromium and prints up to one report per
 * core at a time. A failing report does not stop the others; the exit code is 0 only when all
 * succeeded, else the highest of their codes.
 */
export async function runBuild(
  files: readonly string[],
  flags: BuildFlags & OutputFlags,
  ctx: CommandContext,
): Promise<number> {
  const options = buildOptionsOf(flags);
  const targets = await buildTargets(files, ctx.cwd);
  if (targets.length > 1 && options.outDir !== undefined) {
    throw new UsageError('--out cannot be used with several report specs: each writes to its own output folder');
  }
  if (targets.length > 1) await refuseSharedOutputs(targets, ctx.cwd);
  const context = new BuildContext({}, ctx.browser);
  // Chromium's notes (such as running without its sandbox as root) wait until the inputs have
  // loaded: before an input error they are noise, and they would push the error out of sight.
  // With one report to build, Chromium is stopped as soon as the PDF is made: its stopping (a
  // twentieth of a second) then overlaps the preflight and the write instead of following them.
  const stageEffects = (progress: Progress): Progress => ({
    ...progress,
    step: (name, ms, detail) => {
      if (name === 'load')
        context.browser.onNotice((m) => (flags.json || flags.quiet ? undefined : ctx.term.err(`note: ${m}`)));
      if (name === 'pdf' && targets.length === 1) void context.browser.close();
      progress.step(name, ms, detail);
    },
  });
  const interrupts = onInterrupt(() => context.close());
  try {
    const concurrency = targets.length > 1 ? Math.max(1, os.availableParallelism()) : 1;
    const outcomes = await mapLimit(targets, concurrency, (target) =>
      buildOne(target, options, {
        cwd: ctx.cwd,
        today: ctx.today,
        context,
        term: ctx.term,
        json: flags.json === true,
        interrupted: () => interrupts.signal !== undefined,
        ...(targets.length > 1 ? { label: target.label } : {}),
        progress: stageEffects(
          flags.json || flags.quiet
            ? silentProgress
            : humanProgress(ctx.term, ctx.cwd, targets.length > 1 ? target.label : undefined),
        ),
      }),
    );
    if (interrupts.exitCode) {
      // A report whose write had begun when the signal came is finished whole; say which.
      const written = outcomes.filter((o) => o.ok).map((o) => o.spec);
      if (!flags.json) {
        ctx.term.err(
          written.length === 0
            ? `stopped by ${interrupts.signal}; the previous outputs are unchanged`
            : `stopped by ${interrupts.signal}; written before it: ${written.join(', ')}; the previous outputs of the rest are unchanged`,
        );
      }
      return interrupts.exitCode;
    }
    const exitCode = Math.max(exitCodes.ok, ...outcomes.map((o) => o.exitCode));
    if (flags.json) {
      const summary: BuildSummary = { command: 'build', ok: exitCode === 0, exitCode, reports: outcomes };
      ctx.term.out(printJson(summary));
    } else if (targets.length > 1) {
      const failed = outcomes.filter((o) => !o.ok);
      ctx.term.err(
        `${outcomes.length - failed.length} of ${outcomes.length} reports built${failed.length ? `; failed: ${failed.map((o) => o.spec).join(', ')}` : ''}.`,
      );
    }
    return exitCode;
  } finally {
    interrupts.dispose();
    await context.close();
  }
}

/** Report specs are built one report each; profiles together make one report; not both. */
export async function buildTargets(files: readonly string[], cwd: string): Promise<BuildTarget[]> {
  if (files.length === 0) return [{ label: path.join('data', 'report.yaml') }];
  const kinds = await Promise.all(files.map((f) => isReportSpecFile(f, cwd)));
  const specs = files.filter((_, i) => kinds[i]);
  if (specs.length === 0) return [{ label: 'profiles', profiles: [...files] }];
  if (specs.length < files.length) throw new UsageError('give report specs, or profiles to compare, not both');
  return specs.map((spec) => ({ label: displayPath(cwd, path.resolve(cwd, spec)), spec }));
}
