import {
  RenderError,
  UsageError,
  UserError,
  ValidationError,
  exitCodeOf,
  firstLine,
  formatProblem,
} from '../errors.js';
import type { Terminal } from './terminal.js';

/**
 * The one place failures become messages and exit codes: bad input 1 (no stack trace), bad
 * usage 2, rendering failed 3. Anything else is a bug, shown with its stack.
 */
export function reportFailure(error: unknown, term: Terminal): number {
  if (error instanceof ValidationError) {
    for (const problem of error.problems) term.err(formatProblem(problem));
    const errors = error.problems.filter((p) => p.severity === 'error').length;
    term.err(`${errors} problem${errors === 1 ? '' : 's'} found; nothing was written.`);
  } else if (error instanceof UserError) {
    term.err(`error: ${error.message}`);
  } else if (error instanceof UsageError) {
    term.err(`usage error: ${error.message}`);
    term.err('Run `profile-report --help` for the commands and options.');
  } else if (error instanceof RenderError) {
    term.err(`render failed: ${error.message}${causeText(error)}`);
  } else {
    const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
    term.err(`internal error: this is a bug in profile-report, please report it with the text below.\n${stack}`);
  }
  return exitCodeOf(error);
}

function causeText(error: Error): string {
  const cause = error.cause;
  if (!(cause instanceof Error)) return '';
  return `\n  caused by: ${firstLine(cause)}`;
}
