/**
 * The few kinds of failure the program knows, each a `ProfileReportError` that carries its exit
 * code: UserError and ValidationError (bad input, 1), UsageError (2), RenderError (3). Every
 * more particular error (a lock held too long, a page that breaks the HTML allowlist, a Redis
 * that cannot be reached, a BibTeX file that expands without bound) extends one of them.
 * `exitCodeOf` is the one mapping from an error to an exit code (the CLI's
 * src/cli/report-failure.ts, the JSON summary of src/cli/build-one.ts, the queue commands and
 * workers use it); anything else is a bug, shown with its stack.
 */

export const exitCodes = { ok: 0, badInput: 1, usage: 2, renderFailed: 3 } as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/**
 * One problem, an error or a warning, everywhere: in an input file (located precisely enough
 * for an editor to jump to it), in a file as a whole, or in the report itself (a page of the
 * PDF), where there is no file to point at. A location is given only when there is one: no
 * line 0 standing for "nowhere".
 */
export interface Problem {
  /** The file, as messages name it (relative to the project); absent for the report as a whole. */
  readonly file?: string;
  /** 1-based; absent (or 0, from older callers) when the problem concerns the file as a whole. */
  readonly line?: number;
  /** 1-based; given with `line`. */
  readonly column?: number;
  /** Dotted field path such as `papers[2].venue`; absent or empty for the whole file. */
  readonly path?: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
}

/**
 * Every failure profile-report expects: a library user catches this one class, and reads
 * `exitCode` (what the CLI would exit with) and `cause` (the lower-level error, if any).
 */
export abstract class ProfileReportError extends Error {
  abstract readonly exitCode: ExitCode;
}

/** Bad input: a file that cannot be read, or a value that makes no sense. Exit code 1. */
export class UserError extends ProfileReportError {
  override readonly name: string = 'UserError';
  readonly exitCode = exitCodes.badInput;
}

/** Bad input found by validation: every problem at once. Exit code 1. */
export class ValidationError extends ProfileReportError {
  override readonly name: string = 'ValidationError';
  readonly exitCode = exitCodes.badInput;
  constructor(
    readonly problems: readonly Problem[],
    /** Every file that was checked, including those without problems. */
    readonly files: readonly string[] = [...new Set(problems.flatMap((p) => p.file ?? []))],
  ) {
    const errors = problems.filter((p) => p.severity === 'error').length;
    super(`${errors} problem${errors === 1 ? '' : 's'} in the input`);
  }
}

/** The command line itself is wrong (unknown flag, missing argument). Exit code 2. */
export class UsageError extends ProfileReportError {
  override readonly name: string = 'UsageError';
  readonly exitCode = exitCodes.usage;
}

/** Chromium, the chart renderer or the disk failed while producing outputs. Exit code 3. */
export class RenderError extends ProfileReportError {
  override readonly name: string = 'RenderError';
  readonly exitCode = exitCodes.renderFailed;
}

/**
 * The exit code for any thrown value: the error's own for a `ProfileReportError`, else 3, as
 * for a failed render: an unexpected error is a bug, and the outputs were not made.
 */
export function exitCodeOf(error: unknown): ExitCode {
  return error instanceof ProfileReportError ? error.exitCode : exitCodes.renderFailed;
}

/**
 * The first line of an error's message (or of a string), for one-line reports: libraries
 * (Chromium, YAML, sharp) append stacks, call logs or excerpts after it.
 */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.split('\n')[0] ?? text;
}

/** `firstLine`, followed by the first line of the cause a render failure carries. */
export function errorSummary(error: unknown): string {
  if (error instanceof RenderError && error.cause instanceof Error)
    return `${error.message} (${firstLine(error.cause)})`;
  return firstLine(error);
}

/**
 * `file:line:col  field  message`, as an editor's problem matcher reads it; `file  (file)
 * message` for a file as a whole; just the message for the report as a whole. Warnings say so.
 */
export function formatProblem(p: Problem): string {
  const tag = p.severity === 'warning' ? 'warning: ' : '';
  if (p.file === undefined) return `${p.path ? `${p.path}  ` : ''}${tag}${p.message}`;
  const where = p.line !== undefined && p.line > 0 ? `${p.file}:${p.line}:${p.column ?? 1}` : p.file;
  return `${where}  ${p.path || '(file)'}  ${tag}${p.message}`;
}

/** The problems found in one run, none of them located: the report's own (preflight, rendering). */
export function reportProblems(messages: readonly string[], severity: Problem['severity'] = 'warning'): Problem[] {
  return messages.map((message) => ({ message, severity }));
}
