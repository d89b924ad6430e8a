import path from 'node:path';
import type { Redis } from 'ioredis';
import type { ReportOutcome } from '../cli/json-summary.js';
import { RenderError, exitCodeOf, exitCodes } from '../errors.js';
import { writeArtifacts } from '../write/write-artifacts.js';
import type { ReportQueue } from './add-job.js';
import type { FinishedState } from './wait-for-jobs.js';
import type { JobResult } from './queue-schema.js';
import { readArtifacts, readResult } from './result-store.js';

export type CollectedReport = ReportOutcome & { readonly id: string };

export interface CollectOptions {
  readonly cwd: string;
  /** Where the outputs go, named as a local build names them. */
  readonly outDir: string;
  /** The workers' --store folder as this machine sees it, if it differs from theirs. */
  readonly storeDir?: string;
  /** Output paths written in this run, and by which spec: two reports named alike must not overwrite each other. */
  readonly written: Map<string, string>;
}

/**
 * A finished job's outcome, and for a built report its outputs written into the output folder
 * (atomically, as `build` writes them, and checked against the SHA-256 the worker recorded).
 */
export async function collectResult(
  redis: Redis,
  queue: ReportQueue,
  id: string,
  state: FinishedState,
  options: CollectOptions,
): Promise<CollectedReport> {
  const started = performance.now();
  const failure = (spec: string, error: string, exitCode: number, result?: JobResult): CollectedReport => ({
    id,
    spec,
    ok: false,
    exitCode,
    artifacts: [],
    timings: result?.timings ?? {},
    warnings: result?.warnings ?? [],
    problems: result?.problems ?? [],
    error,
  });
  if (state === 'missing')
    return failure(
      `(job ${id.slice(0, 12)})`,
      `job ${id} is not in the queue: it was never added there, or its --keep time ran out; add the report again`,
      exitCodes.renderFailed,
    );
  let spec = `(job ${id.slice(0, 12)})`;
  try {
    spec = (await redis.hget(queue.toKey(id), 'name')) ?? spec;
    const result = await readResult(redis, queue.name, id);
    if (state === 'failed') {
      if (result && !result.ok) return failure(result.spec, result.error ?? 'failed', result.exitCode, result);
      return failure(spec, (await redis.hget(queue.toKey(id), 'failedReason')) ?? 'failed', exitCodes.renderFailed);
    }
    if (!result || !result.ok || result.name === null) {
      return failure(
        spec,
        `the result of job ${id} is no longer kept (the workers' --keep time ran out); add the report again`,
        exitCodes.renderFailed,
      );
    }
    const files = await readArtifacts(redis, queue.name, result, options.storeDir);
    const targets = [...files].map(([format, bytes]) => ({
      path: path.resolve(options.cwd, options.outDir, `${result.name}.${format}`),
      bytes,
    }));
    for (const target of targets) {
      const other = options.written.get(target.path);
      if (other !== undefined && other !== result.spec) {
        return failure(
          result.spec,
          `${path.relative(options.cwd, target.path)} was already written for ${other}; give the reports different output.name values`,
          exitCodes.badInput,
          result,
        );
      }
    }
    // Claimed before the write, not after: reports finishing together are collected at the same
    // time, and a claim made after the await would let both pass the check above.
    for (const target of targets) options.written.set(target.path, result.spec);
    let written: Awaited<ReturnType<typeof writeArtifacts>>;
    try {
      written = await writeArtifacts(targets);
    } catch (error) {
      for (const target of targets) options.written.delete(target.path);
      throw error;
    }
    return {
      id,
      spec: result.spec,
      ok: true,
      exitCode: exitCodes.ok,
      artifacts: written.map((a) => ({
        format: a.path.endsWith('.pdf') ? 'pdf' : 'html',
        path: path.relative(options.cwd, a.path) || a.path,
        bytes: a.size,
        sha256: a.sha256,
      })),
      timings: { ...result.timings, collect: Math.round(performance.now() - started) },
      warnings: result.warnings,
      problems: [],
      error: null,
    };
  } catch (error) {
    if (!(error instanceof RenderError)) throw error;
    return failure(spec, error.message, exitCodeOf(error));
  }
}
