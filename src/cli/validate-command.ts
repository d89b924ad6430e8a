import { exitCodes, formatProblem } from '../errors.js';
import type { FileReader } from '../load/read-input-file.js';
import { validateProfiles } from '../validate/validate-files.js';
import type { Terminal } from './terminal.js';

export interface ValidateContext {
  readonly term: Terminal;
  readonly cwd: string;
  readonly today: string;
  readonly read: FileReader;
}

/** `profile-report validate [files...]`: problems on stderr, exit 1 if any is an error. */
export async function runValidate(files: readonly string[], ctx: ValidateContext): Promise<number> {
  const report = await validateProfiles(files, ctx);
  for (const problem of report.problems) ctx.term.err(formatProblem(problem));
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  const checked = `${report.files.length} file${report.files.length === 1 ? '' : 's'} checked`;
  const counts = [errors ? `${errors} error${errors === 1 ? '' : 's'}` : '', warnings ? `${warnings} warning${warnings === 1 ? '' : 's'}` : ''].filter(Boolean).join(', ');
  ctx.term.err(`${checked}: ${counts || 'no problems'}.`);
  return report.ok ? exitCodes.ok : exitCodes.badInput;
}
