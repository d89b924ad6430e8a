import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError, firstLine, UserError, ValidationError, formatProblem } from '../errors.js';
import { formatBytes } from '../limits.js';
import { defaultSpecPath, noProjectMessage } from '../load/load-inputs.js';
import { PreviewServer } from '../serve/preview-server.js';
import { WatchSession } from '../watch/watch-session.js';
import type { WatchBuild } from '../watch/watch-session.js';
import { buildTargets } from './build-command.js';
import type { CommandContext, OutputFlags } from './build-command.js';
import { buildOptionsOf } from './build-flags.js';
import type { BuildFlags } from './build-flags.js';
import { onInterrupt } from './interrupts.js';
import { jsonProblem } from './json-summary.js';
import { formatMs } from './progress.js';
import { reportFailure } from './report-failure.js';

/**
 * `profile-report watch`: build, then rebuild on every change until Ctrl-C or SIGTERM, which
 * close Chromium and end the command with 130 or 143. With --json, one JSON line per build on
 * stdout.
 */
export interface WatchFlags extends BuildFlags, OutputFlags {
  /** Milliseconds (see watch-flags.ts). */
  readonly debounce?: number;
  /** Serve a live preview on 127.0.0.1. */
  readonly serve?: boolean;
  readonly port?: number;
}

export async function runWatch(files: readonly string[], flags: WatchFlags, ctx: CommandContext): Promise<number> {
  const options = buildOptionsOf(flags);
  const targets = await buildTargets(files, ctx.cwd);
  if (targets.length !== 1) throw new UsageError('watch takes one report spec, or profiles to compare');
  const target = targets[0]!;
  // With nothing to watch, say what to do rather than watch a folder that is not there.
  if (target.spec === undefined && !target.profiles?.length && !existsSync(path.join(ctx.cwd, defaultSpecPath))) {
    throw new UserError(noProjectMessage(defaultSpecPath));
  }
  // A live preview should show a save at once. 15 ms still turns an editor's burst of events into
  // one build; a save caught half-written is built again (see WatchSession: an emptied file is
  // waited for, and files that changed while a build read them are built again).
  const debounceMs = flags.debounce ?? (flags.serve ? 15 : undefined);
  if (flags.port !== undefined && !flags.serve) throw new UsageError('--port goes with --serve');
  const port = flags.port ?? 4173;
  const preview = flags.serve ? new PreviewServer() : undefined;
  const previewUrl = await preview?.start(port);
  let first = true;
  const session = new WatchSession(
    {
      ...options,
      cwd: ctx.cwd,
      today: ctx.today,
      ...(target.spec ? { spec: target.spec } : {}),
      ...(target.profiles ? { profiles: target.profiles } : {}),
      ...(debounceMs === undefined ? {} : { debounceMs }),
    },
    {
      onNotice: (m) => (flags.json || flags.quiet ? undefined : ctx.term.err(`note: ${m}`)),
      ...(ctx.browser ? { browser: ctx.browser } : {}),
      ...(preview ? { onHtml: (html: string) => preview.publish({ html }) } : {}),
      onBuild: (build) => {
        if (preview) showInPreview(preview, build, ctx.cwd);
        if (flags.json) ctx.term.out(JSON.stringify(jsonLine(build, ctx.cwd)));
        else describe(build, first, flags.quiet === true, ctx);
        first = false;
      },
    },
  );
  const stopped = new Promise<number>((resolve) => {
    const interrupts = onInterrupt(async () => {
      await Promise.all([session.close(), preview?.close()]);
      interrupts.dispose();
      if (!flags.json && !flags.quiet) ctx.term.err('stopped; Chromium closed.');
      resolve(interrupts.exitCode ?? 130);
    });
  });
  if (previewUrl && flags.json) ctx.term.out(JSON.stringify({ event: 'serve', url: previewUrl }));
  else if (previewUrl) ctx.term.err(`live preview: ${previewUrl}  (127.0.0.1 only; reloads on every build)`);
  await session.start();
  if (!flags.json && !flags.quiet) ctx.term.err('watching for changes (Ctrl-C to stop)');
  return stopped;
}

function describe(build: WatchBuild, first: boolean, quiet: boolean, ctx: CommandContext): void {
  const when = first
    ? 'built'
    : `${build.changed.map((f) => path.relative(ctx.cwd, f)).join(', ') || 'a change'}: rebuilt`;
  if (build.result) {
    // What the build noticed in its own output (a page of the PDF) is shown even under --quiet.
    for (const p of build.result.warnings) if (!quiet || p.file === undefined) ctx.term.err(formatProblem(p));
    if (quiet) return;
    const outputs = (build.result.written ?? [])
      .map((a) => `${path.relative(ctx.cwd, a.path)} (${formatBytes(a.size)})`)
      .join(', ');
    const redone = first
      ? ''
      : ` (${build.redone.profiles} profile${build.redone.profiles === 1 ? '' : 's'} re-read, ${build.redone.charts} chart${build.redone.charts === 1 ? '' : 's'} redrawn)`;
    ctx.term.err(`${when} ${outputs} in ${formatMs(build.ms)}${redone}`);
    return;
  }
  reportFailure(build.error, ctx.term);
  ctx.term.err('the last good outputs are kept; fix the problem and save to rebuild.');
}

/** The PDF of a good build, or the problems of a failed one, to the open preview pages. */
function showInPreview(preview: PreviewServer, build: WatchBuild, cwd: string): void {
  const pdf = build.result?.pdf;
  const pdfPath = build.result?.outputs.find((o) => o.format === 'pdf')?.path;
  if (pdf && pdfPath) preview.publishPdf({ name: path.basename(pdfPath), bytes: pdf });
  if (build.result) return;
  const error = build.error;
  if (error instanceof ValidationError) {
    const problems = error.problems.filter((p) => p.severity === 'error');
    preview.fail(
      problems.map((p) => ({
        where:
          p.file === undefined
            ? ''
            : `${path.relative(cwd, path.resolve(cwd, p.file))}${p.line ? `:${p.line}:${p.column}` : ''}`,
        path: p.path ?? '',
        message: p.message,
      })),
    );
  } else {
    preview.fail([], error instanceof Error ? error.message : String(error));
  }
}

function jsonLine(build: WatchBuild, cwd: string): object {
  const error = build.error;
  return {
    event: 'build',
    build: build.build,
    ok: build.result !== undefined,
    changed: build.changed.map((f) => path.relative(cwd, f)),
    ms: Math.round(build.ms),
    redone: build.redone,
    ...(build.changedAt === undefined ? {} : { changedAt: build.changedAt }),
    timings: build.timings,
    artifacts: (build.result?.written ?? []).map((a) => ({
      path: path.relative(cwd, a.path),
      bytes: a.size,
      sha256: a.sha256,
    })),
    problems: error instanceof ValidationError ? error.problems.map(jsonProblem) : [],
    // Every warning, as the terminal shows it.
    warnings: (build.result?.warnings ?? []).map((p) => formatProblem(p)),
    error: error === undefined ? null : error instanceof Error ? error.message : firstLine(error),
  };
}
