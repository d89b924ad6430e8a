import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, UserError, ValidationError, exitCodes, formatProblem } from '../errors.js';
import type { Problem } from '../errors.js';
import { profileFileName } from '../init/profile-file-name.js';
import { importDiff, importSummaryLines, leftOutLines } from '../import/describe-import.js';
import { importIntoProfile } from '../import/import-profile.js';
import type { ImportResult } from '../import/import-profile.js';
import { importFileBytes } from '../import/limits.js';
import { importFormats } from '../import/types.js';
import type { ImportFormat } from '../import/types.js';
import { decodeText } from '../load/decode-text.js';
import { readInputFile } from '../load/read-input-file.js';
import { displayPath } from '../load/resolve-inside.js';
import { writeArtifacts } from '../write/write-artifacts.js';
import { writeTarget } from '../write/write-target.js';
import { jsonProblem, printJson } from './json-summary.js';
import type { CommandContext } from './build-command.js';

export interface ImportFlags {
  into?: string;
  new?: string;
  dir?: string;
  format?: string;
  skipBad?: boolean;
  dryRun?: boolean;
  json?: boolean;
}

const packageSchema = fileURLToPath(new URL('../../data/profile.schema.json', import.meta.url));

/**
 * `profile-report import FILE... (--into P.yaml | --new NAME)`: reads the files, hands their
 * text to the in-memory import, prints what it did (or, with --dry-run, the diff it would
 * make) and writes the profile atomically only when every check passed.
 */
export async function runImport(files: readonly string[], flags: ImportFlags, ctx: CommandContext): Promise<number> {
  if (files.length === 0)
    throw new UsageError(
      'import needs at least one file: profile-report import scholar.bib --into data/profiles/name.yaml',
    );
  if ((flags.into === undefined) === (flags.new === undefined))
    throw new UsageError(
      'import needs exactly one of --into PROFILE.yaml (add to a profile) or --new NAME (start one)',
    );
  if (flags.format !== undefined && !(importFormats as readonly string[]).includes(flags.format)) {
    throw new UsageError(`--format must be one of ${importFormats.join(', ')} (got ${flags.format})`);
  }
  const format = flags.format as ImportFormat | undefined;

  const problems: Problem[] = [];
  const inputs: { file: string; text: string }[] = [];
  for (const file of files) {
    const shown = displayPath(ctx.cwd, path.resolve(ctx.cwd, file));
    const text = await readText(path.resolve(ctx.cwd, file), shown, importFileBytes, problems);
    if (text !== undefined) inputs.push({ file: shown, text });
  }

  let target: Parameters<typeof importIntoProfile>[0]['target'];
  let targetPath: string;
  if (flags.into !== undefined) {
    targetPath = path.resolve(ctx.cwd, flags.into);
    const shown = displayPath(ctx.cwd, targetPath);
    const text = await readText(targetPath, shown, undefined, problems, { keepBom: true });
    target = { kind: 'into', file: shown, text: text ?? '' };
  } else {
    const name = flags.new!.trim();
    if (!name) throw new UsageError('--new needs the person\'s name, for example --new "Ada Lovelace"');
    const dir = path.resolve(
      ctx.cwd,
      flags.dir ?? (existsSync(path.join(ctx.cwd, 'data', 'profiles')) ? path.join('data', 'profiles') : '.'),
    );
    targetPath = path.join(dir, profileFileName(name));
    if (existsSync(targetPath))
      throw new UserError(
        `${displayPath(ctx.cwd, targetPath)} already exists; add to it with --into ${displayPath(ctx.cwd, targetPath)}`,
      );
    const projectSchema = path.join(ctx.cwd, 'data', 'profile.schema.json');
    const schemaPath = path
      .relative(dir, existsSync(projectSchema) ? projectSchema : packageSchema)
      .split(path.sep)
      .join('/');
    target = { kind: 'new', file: displayPath(ctx.cwd, targetPath), name, schemaPath };
  }
  if (problems.length > 0) throw new ValidationError(problems);

  const result = await importIntoProfile({ inputs, target, today: ctx.today, skipBad: flags.skipBad ?? false, format });
  const changed = result.ok && result.text !== result.before;
  let written = false;
  if (changed && !flags.dryRun) {
    const write = await writeTarget(targetPath, target.file, ctx.cwd);
    if (!write.ok) throw new UserError(`${write.message}; nothing was written`);
    await writeArtifacts(
      [{ path: write.path, bytes: new TextEncoder().encode(result.text) }],
      write.within === undefined ? {} : { within: write.within },
    );
    written = true;
  }
  const exitCode = result.ok ? exitCodes.ok : exitCodes.badInput;
  if (flags.json) {
    ctx.term.out(printJson(jsonSummary(result, target.file, exitCode, written, flags.dryRun ?? false)));
    return exitCode;
  }
  report(result, target.file, written, flags, ctx);
  return exitCode;
}

/** A file's text; with keepBom, a byte-order mark stays in it, so the profile is written back with its mark. */
async function readText(
  absolute: string,
  shown: string,
  maxBytes: number | undefined,
  problems: Problem[],
  options: { keepBom?: boolean } = {},
): Promise<string | undefined> {
  const read = await readInputFile(absolute, maxBytes);
  if (!read.ok) {
    problems.push({ ...read.problem, file: shown });
    return undefined;
  }
  const decoded = decodeText(shown, read.bytes, maxBytes);
  if (!decoded.ok) {
    problems.push(decoded.problem);
    return undefined;
  }
  const bom = options.keepBom && read.bytes[0] === 0xef && read.bytes[1] === 0xbb && read.bytes[2] === 0xbf;
  return bom && !decoded.text.startsWith('\uFEFF') ? `\uFEFF${decoded.text}` : decoded.text;
}

function report(result: ImportResult, file: string, written: boolean, flags: ImportFlags, ctx: CommandContext): void {
  for (const p of result.skipped) ctx.term.err(`skipped: ${formatProblem(p)}`);
  for (const p of result.problems) ctx.term.err(formatProblem(p));
  if (!result.ok) {
    for (const line of leftOutLines(result)) ctx.term.err(line);
    const errors = result.problems.filter((p) => p.severity === 'error');
    // --skip-bad helps only when some of the errors are about single entries, not the whole file.
    const skippable = !flags.skipBad && errors.some((p) => p.path !== '');
    ctx.term.err(
      `${errors.length} problem${errors.length === 1 ? '' : 's'} found; nothing was written.${skippable ? ' To import the good entries and skip the bad ones, add --skip-bad.' : ''}`,
    );
    return;
  }
  if (flags.dryRun) {
    const diff = importDiff(file, result);
    ctx.term.out(diff || `${file}: nothing would change.`);
  }
  for (const line of importSummaryLines(result)) ctx.term.err(line);
  if (flags.dryRun) ctx.term.err('dry run: nothing was written.');
  else if (written) ctx.term.err(`wrote ${file}. Check it with: profile-report validate ${file}`);
  else ctx.term.err(`${file} is unchanged.`);
}

function jsonSummary(result: ImportResult, file: string, exitCode: number, written: boolean, dryRun: boolean) {
  return {
    command: 'import' as const,
    ok: result.ok,
    exitCode,
    profile: file,
    dryRun,
    written,
    inputs: result.formats,
    added: result.added,
    duplicates: result.duplicates,
    conflicts: result.conflicts,
    impact: result.impact ?? null,
    skipped: result.skipped.map(jsonProblem),
    leftOut: result.leftOut,
    problems: result.problems.map(jsonProblem),
  };
}
