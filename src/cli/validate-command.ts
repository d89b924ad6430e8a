import { exitCodes, formatProblem } from '../errors.js';
import type { FileReader } from '../load/read-input-file.js';
import { validateProfiles } from '../validate/validate-files.js';
import { jsonProblem, printJson } from './json-summary.js';
import type { ValidateSummary } from './json-summary.js';
import type { Terminal } from './terminal.js';

export interface ValidateContext {
  readonly term: Terminal;
  readonly cwd: string;
  readonly today: string;
  readonly read: FileReader;
}

/** `profile-report validate [files...]`: problems on stderr (or --json on stdout), exit 1 on any error. */
export async function runValidate(
  files: readonly string[],
  ctx: ValidateContext,
  flags: { json?: boolean } = {},
): Promise<number> {
  const report = await validateProfiles(files, ctx);
  const exitCode = report.ok ? exitCodes.ok : exitCodes.badInput;
  if (flags.json) {
    const summary: ValidateSummary = {
      command: 'validate',
      ok: report.ok,
      exitCode,
      files: [...report.files],
      problems: report.problems.map(jsonProblem),
    };
    ctx.term.out(printJson(summary));
    return exitCode;
  }
  for (const problem of report.problems) ctx.term.err(formatProblem(problem));
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  const checked = `${report.files.length} file${report.files.length === 1 ? '' : 's'} checked`;
  const counts = [
    errors ? `${errors} error${errors === 1 ? '' : 's'}` : '',
    warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  ctx.term.err(`${checked}: ${counts || 'no problems'}.`);
  return exitCode;
}
