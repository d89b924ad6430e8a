import { buildReport } from '../build-report.js';
import { BuildContext } from '../build-context.js';
import { UsageError, exitCodes, formatProblem } from '../errors.js';
import type { OutputFormat } from '../options.js';
import type { PageSize } from '../schema/report-schema.js';
import { onInterrupt } from './interrupts.js';
import { humanProgress, silentProgress } from './progress.js';
import { reportFailure } from './report-failure.js';
import type { Terminal } from './terminal.js';

export interface BuildFlags {
  readonly out?: string;
  readonly format?: string;
  readonly page?: string;
  readonly templates?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
  readonly timeout?: string;
}

export interface CommandContext {
  readonly term: Terminal;
  readonly cwd: string;
  readonly today: string;
}

/** `profile-report build [report.yaml | profile.yaml ...]` */
export async function runBuild(files: readonly string[], flags: BuildFlags, ctx: CommandContext): Promise<number> {
  const options = parseBuildFlags(flags);
  const { spec, profiles } = await classifyFiles(files, ctx.cwd);
  const progress = flags.json || flags.quiet ? silentProgress : humanProgress(ctx.term, ctx.cwd);
  const context = new BuildContext({ onNotice: (m) => progress.note(m) });
  const interrupts = onInterrupt(() => context.close());
  const started = performance.now();
  try {
    const result = await buildReport({
      cwd: ctx.cwd,
      today: ctx.today,
      ...(spec ? { spec } : {}),
      ...(profiles.length ? { profiles } : {}),
      ...options,
      write: true,
      context,
      onStage: (stage, ms) => progress.step(stage, ms),
    });
    if (interrupts.exitCode) return interrupts.exitCode;
    for (const p of result.problems) ctx.term.err(formatProblem(p));
    for (const w of result.warnings) progress.note(w);
    progress.written(result.written ?? [], performance.now() - started);
    return exitCodes.ok;
  } catch (error) {
    if (interrupts.exitCode) {
      ctx.term.err(`stopped by ${interrupts.signal}; the previous outputs are unchanged`);
      return interrupts.exitCode;
    }
    return reportFailure(error, ctx.term);
  } finally {
    interrupts.dispose();
    await context.close();
  }
}

export function parseBuildFlags(flags: BuildFlags): { outDir?: string; formats?: OutputFormat[]; page?: PageSize; templates?: string; timeoutMs?: number } {
  const out: { outDir?: string; formats?: OutputFormat[]; page?: PageSize; templates?: string; timeoutMs?: number } = {};
  if (flags.out !== undefined) out.outDir = flags.out;
  if (flags.templates !== undefined) out.templates = flags.templates;
  if (flags.format !== undefined) {
    const formats = flags.format.split(',').map((f) => f.trim().toLowerCase());
    const bad = formats.filter((f) => f !== 'html' && f !== 'pdf');
    if (bad.length > 0 || formats.length === 0) throw new UsageError(`--format takes html, pdf or html,pdf, not ${flags.format}`);
    out.formats = [...new Set(formats)] as OutputFormat[];
  }
  if (flags.page !== undefined) {
    const page = { a4: 'A4', letter: 'Letter' }[flags.page.toLowerCase()] as PageSize | undefined;
    if (!page) throw new UsageError(`--page takes A4 or Letter, not ${flags.page}`);
    out.page = page;
  }
  if (flags.timeout !== undefined) {
    const seconds = Number(flags.timeout);
    if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout takes a number of seconds, not ${flags.timeout}`);
    out.timeoutMs = Math.round(seconds * 1000);
  }
  return out;
}

/** One report spec, or profiles to compare; mixing the two is a usage error. */
async function classifyFiles(files: readonly string[], cwd: string): Promise<{ spec?: string; profiles: string[] }> {
  if (files.length === 0) return { profiles: [] };
  const { isReportSpecFile } = await import('../validate/validate-files.js');
  const kinds = await Promise.all(files.map((f) => isReportSpecFile(f, cwd)));
  const specs = files.filter((_, i) => kinds[i]);
  if (specs.length === 0) return { profiles: [...files] };
  if (specs.length === 1 && files.length === 1) return { spec: specs[0]!, profiles: [] };
  throw new UsageError('give one report spec, or profiles to compare, not both');
}
