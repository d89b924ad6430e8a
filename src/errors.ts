/**
 * The few kinds of failure the program knows. The CLI catches them in one place
 * (src/cli/run-command.ts) and maps each to an exit code; anything else is a bug
 * and is shown with its stack.
 */

/** One problem in one input file, located precisely enough for an editor to jump to it. */
export interface Problem {
  readonly file: string;
  /** 1-based; 0 when the problem concerns the file as a whole. */
  readonly line: number;
  /** 1-based; 0 when the problem concerns the file as a whole. */
  readonly column: number;
  /** Dotted field path such as `papers[2].venue`; empty for the whole file. */
  readonly path: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/** Bad input: a file that cannot be read, or a value that makes no sense. Exit code 1. */
export class UserError extends Error {
  override readonly name = 'UserError';
}

/** Bad input found by validation: every problem at once. Exit code 1. */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  constructor(
    readonly problems: readonly Problem[],
    /** Every file that was checked, including those without problems. */
    readonly files: readonly string[] = [...new Set(problems.map((p) => p.file))],
  ) {
    const errors = problems.filter((p) => p.severity === 'error').length;
    super(`${errors} problem${errors === 1 ? '' : 's'} in the input`);
  }
}

/** The command line itself is wrong (unknown flag, missing argument). Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** Chromium, the chart renderer or the disk failed while producing outputs. Exit code 3. */
export class RenderError extends Error {
  override readonly name = 'RenderError';
}

export const exitCodes = { ok: 0, badInput: 1, usage: 2, renderFailed: 3 } as const;

export function formatProblem(p: Problem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  return `${where}  ${p.path || '(file)'}  ${tag}${p.message}`;
}
