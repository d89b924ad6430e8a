import { describe, expect, it } from 'vitest';
import {
  ProfileReportError,
  RenderError,
  UsageError,
  UserError,
  ValidationError,
  errorSummary,
  exitCodeOf,
  firstLine,
  formatProblem,
} from '../src/errors.js';
import { jsonProblem } from '../src/cli/json-summary.js';
import { BibtexExpansionError } from '../src/import/guard-bibtex-grammar.js';
import { RedisUnreachableError } from '../src/queue/redis-connection.js';
import { UnsafeHtmlError } from '../src/render/html-safety.js';
import { LockTimeoutError } from '../src/write/output-lock.js';
import * as library from '../src/index.js';
import { reportFailure } from '../src/cli/report-failure.js';

const problem = {
  file: 'a.yaml',
  line: 3,
  column: 5,
  path: 'person.name',
  message: 'expected text',
  severity: 'error',
} as const;

describe('one error model', () => {
  it('gives each kind of failure its exit code: bad input 1, bad usage 2, rendering failed 3', () => {
    expect(exitCodeOf(new UserError('no such file'))).toBe(1);
    expect(exitCodeOf(new ValidationError([problem]))).toBe(1);
    expect(exitCodeOf(new UsageError('unknown flag'))).toBe(2);
    expect(exitCodeOf(new RenderError('Chromium crashed'))).toBe(3);
  });

  it('treats anything else as an internal error: exit 3, as nothing was made', () => {
    expect(exitCodeOf(new Error('a bug'))).toBe(3);
    expect(exitCodeOf(new TypeError('x is undefined'))).toBe(3);
    expect(exitCodeOf('a thrown string')).toBe(3);
  });

  it('lets a library user catch every expected failure as one class, with its cause', () => {
    const cause = new Error('socket hang up');
    const error = new RenderError('printing the PDF failed', { cause });
    for (const e of [error, new UserError('x'), new UsageError('x'), new ValidationError([problem])]) {
      expect(e).toBeInstanceOf(ProfileReportError);
      expect(e).toBeInstanceOf(Error);
    }
    expect(error.cause).toBe(cause);
    expect(error.name).toBe('RenderError');
    expect(new Error('x')).not.toBeInstanceOf(ProfileReportError);
    expect(library.ProfileReportError).toBe(ProfileReportError);
    expect(library.exitCodeOf).toBe(exitCodeOf);
  });

  it('the CLI reports a failure with the same exit code exitCodeOf gives', () => {
    const lines: string[] = [];
    const term = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    for (const e of [
      new UserError('x'),
      new UsageError('x'),
      new RenderError('x'),
      new ValidationError([problem]),
      new Error('bug'),
    ]) {
      expect(reportFailure(e, term)).toBe(exitCodeOf(e));
    }
    expect(lines.at(-1)).toMatch(
      /^internal error: this is a bug in profile-report, please report it with the text below\.\nError: bug\n    at /,
    );
  });

  it("keeps the first line of a message, and a render failure's cause", () => {
    expect(firstLine(new Error('page.pdf: Target closed\nCall log:\n  - waiting'))).toBe('page.pdf: Target closed');
    expect(firstLine('one\ntwo')).toBe('one');
    expect(firstLine(42)).toBe('42');
    expect(errorSummary(new RenderError('printing the PDF failed', { cause: new Error('Target closed\nstack') }))).toBe(
      'printing the PDF failed (Target closed)',
    );
    expect(errorSummary(new UserError('no such file\nmore'))).toBe('no such file');
  });
});

describe('every error the program throws on purpose is a ProfileReportError', () => {
  it('the particular ones extend a kind, and carry its exit code', () => {
    const cases: [ProfileReportError, number][] = [
      [new LockTimeoutError('another build holds the lock'), 3],
      [new UnsafeHtmlError([]), 3],
      [new RedisUnreachableError('no answer'), 2],
      [new BibtexExpansionError(3, 1), 1],
    ];
    for (const [error, code] of cases) {
      expect(error).toBeInstanceOf(ProfileReportError);
      expect([error.name, exitCodeOf(error)]).toEqual([error.constructor.name, code]);
    }
  });
});

describe('a problem is located only when it has a place', () => {
  const base = { message: 'the heading "Sources" ends page 3 with nothing under it', severity: 'warning' } as const;

  it('prints file:line:col, the file alone, or no place at all', () => {
    expect(formatProblem(problem)).toBe('a.yaml:3:5  person.name  expected text');
    expect(formatProblem({ file: 'a.yaml', message: 'no such file', severity: 'error' })).toBe(
      'a.yaml  (file)  no such file',
    );
    expect(formatProblem(base)).toBe('warning: the heading "Sources" ends page 3 with nothing under it');
  });

  it('gives --json no line 0 and no empty path standing for "nowhere"', () => {
    expect(jsonProblem(base)).toEqual(base);
    expect(jsonProblem({ file: 'a.yaml', line: 0, column: 0, path: '', message: 'm', severity: 'error' })).toEqual({
      file: 'a.yaml',
      message: 'm',
      severity: 'error',
    });
    expect(jsonProblem(problem)).toEqual(problem);
  });
});
