import * as z from 'zod';
import type { Problem } from '../errors.js';

/**
 * What `--json` prints on stdout, defined once: the TypeScript types come from here and scripts
 * can check the output against `buildSummaryJsonSchema()`. Human progress stays on stderr.
 */
/**
 * A problem: `file`, `line` and `column`, and `path` appear only when there is such a place (a
 * warning about a page of the PDF has none), never as a 0 or an empty text standing for "none".
 */
const problem = z.strictObject({
  file: z.string().optional(),
  line: z.int().min(1).optional(),
  column: z.int().min(1).optional(),
  path: z.string().optional(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});

const artifact = z.strictObject({
  format: z.enum(['html', 'pdf']),
  path: z.string(),
  bytes: z.int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const reportOutcomeSchema = z.strictObject({
  /** The report spec (or "profiles" when profiles were given on the command line). */
  spec: z.string(),
  ok: z.boolean(),
  exitCode: z.int().min(0),
  artifacts: z.array(artifact),
  /** Milliseconds per stage: load, templates, derive, charts, html, pdf, preflight, write, total. */
  timings: z.record(z.string(), z.number().min(0)),
  warnings: z.array(problem),
  problems: z.array(problem),
  /** The failure in one line, when not ok. */
  error: z.string().nullable(),
});

export const buildSummarySchema = z.strictObject({
  command: z.literal('build'),
  ok: z.boolean(),
  exitCode: z.int().min(0),
  reports: z.array(reportOutcomeSchema),
});

export const validateSummarySchema = z.strictObject({
  command: z.literal('validate'),
  ok: z.boolean(),
  exitCode: z.int().min(0),
  files: z.array(z.string()),
  problems: z.array(problem),
});

export type ReportOutcome = z.infer<typeof reportOutcomeSchema>;
export type BuildSummary = z.infer<typeof buildSummarySchema>;
export type ValidateSummary = z.infer<typeof validateSummarySchema>;

export function jsonProblem(p: Problem): z.infer<typeof problem> {
  const located = p.line !== undefined && p.line > 0;
  return {
    ...(p.file !== undefined ? { file: p.file } : {}),
    ...(located ? { line: p.line, column: p.column ?? 1 } : {}),
    ...(p.path ? { path: p.path } : {}),
    message: p.message,
    severity: p.severity,
  };
}

export function printJson(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
