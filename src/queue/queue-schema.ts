import * as z from 'zod';
import { reportOutcomeSchema } from '../cli/json-summary.js';

/**
 * What the queue keeps in Redis and what its commands print with `--json`, defined once. Data
 * read back from Redis is parsed with these, never trusted as it is: anyone who can reach the
 * server can write to it.
 */

const problems = reportOutcomeSchema.shape.problems;
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const jobIdSchema = sha256;

/** The report spec's own rule for output.name: a file name without folder or extension. */
export const outputNameSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/);

/** A job's outcome, kept for `--keep` beside the outputs (or without them, when it failed). */
export const jobResultSchema = z.strictObject({
  id: jobIdSchema,
  /** The report spec, as the submitter named it. */
  spec: z.string(),
  ok: z.boolean(),
  /** As `build` would exit for this report alone: 0, 1 (bad input) or 3 (rendering failed). */
  exitCode: z.int().min(0),
  /** The spec's output.name (null when the spec could not be read): `<name>.html`, `<name>.pdf`. */
  name: outputNameSchema.nullable(),
  artifacts: z.array(z.strictObject({ format: z.enum(['html', 'pdf']), bytes: z.int().min(0), sha256 })),
  /** Milliseconds per stage, as `build --json` gives them. */
  timings: z.record(z.string(), z.number().min(0)),
  warnings: problems,
  problems,
  /** The failure in one line, when not ok. */
  error: z.string().nullable(),
  /** Which try this was (a rendering failure is tried up to four times). */
  attempt: z.int().min(1),
  /** The worker that built it: host and process id. */
  worker: z.string(),
  /** With `worker --store DIR`: the folder on the worker's storage that holds the files. */
  stored: z.string().optional(),
});

export type JobResult = z.infer<typeof jobResultSchema>;

export const queueAddSummarySchema = z.strictObject({
  command: z.literal('queue add'),
  ok: z.boolean(),
  exitCode: z.int().min(0),
  queue: z.string(),
  reports: z.array(
    z.strictObject({
      spec: z.string(),
      /** Null when the report could not be packed. */
      id: jobIdSchema.nullable(),
      /** queued: new (or its earlier result expired, or it failed before); already-queued: waiting or building; already-built: its result is still kept. */
      state: z.enum(['queued', 'already-queued', 'already-built', 'refused']),
      bytes: z.int().min(0),
      problems,
      error: z.string().nullable(),
    }),
  ),
});

export const queueWaitSummarySchema = z.strictObject({
  command: z.literal('queue wait'),
  ok: z.boolean(),
  exitCode: z.int().min(0),
  queue: z.string(),
  reports: z.array(reportOutcomeSchema.extend({ id: jobIdSchema })),
});

export const queueStatusSummarySchema = z.strictObject({
  command: z.literal('queue status'),
  ok: z.boolean(),
  exitCode: z.int().min(0),
  queue: z.string(),
  workers: z.int().min(0),
  counts: z.strictObject({ waiting: z.int(), active: z.int(), delayed: z.int(), completed: z.int(), failed: z.int() }),
  failed: z.array(
    z.strictObject({
      id: z.string(),
      spec: z.string(),
      attempts: z.int().min(0),
      error: z.string(),
      problems,
    }),
  ),
});

export type QueueAddSummary = z.infer<typeof queueAddSummarySchema>;
export type QueueWaitSummary = z.infer<typeof queueWaitSummarySchema>;
export type QueueStatusSummary = z.infer<typeof queueStatusSummarySchema>;
