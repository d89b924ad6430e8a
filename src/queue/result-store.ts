import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Redis } from 'ioredis';
import { RenderError, firstLine } from '../errors.js';
import { errorCode } from '../write/error-code.js';
import { writeArtifacts } from '../write/write-artifacts.js';
import { jobResultSchema } from './queue-schema.js';
import type { JobResult } from './queue-schema.js';

export type Format = 'html' | 'pdf';

/** Beside BullMQ's own keys for the queue; a job id is 64 hex digits, so nothing collides. */
export function resultKey(queue: string, id: string): string {
  return `bull:${queue}:result:${id}`;
}

export interface StoreOptions {
  /** How long a result is kept, in seconds. */
  readonly keepSeconds: number;
  /** Shared storage for the outputs; without it they are kept in Redis. */
  readonly storeDir?: string;
}

/**
 * Keeps a job's outcome for `keepSeconds`: one Redis hash with the outcome (JSON) and, unless
 * a store folder is given, the output bytes. With a store folder the outputs and a copy of the
 * outcome go to `<store>/<id>/`, written atomically, and the hash holds the outcome only. The
 * hash is replaced in one transaction, so a reader never sees the outcome of one try beside the
 * bytes of another.
 */
export async function keepResult(
  redis: Redis,
  queue: string,
  result: JobResult,
  files: ReadonlyMap<Format, Buffer>,
  options: StoreOptions,
): Promise<JobResult> {
  let kept = result;
  const fields: Record<string, string | Buffer> = {};
  if (options.storeDir !== undefined && files.size > 0 && result.name !== null) {
    const dir = path.resolve(options.storeDir, result.id);
    kept = { ...result, stored: dir };
    const name = result.name;
    // The outputs first, as one pair; the outcome after them, so whoever finds result.json finds
    // the outputs it describes complete (a pair is one name in one folder: see write-artifacts.ts).
    await writeArtifacts([...files].map(([format, bytes]) => ({ path: path.join(dir, `${name}.${format}`), bytes })));
    await writeArtifacts([
      { path: path.join(dir, 'result.json'), bytes: Buffer.from(`${JSON.stringify(kept, null, 2)}\n`) },
    ]);
  } else {
    for (const [format, bytes] of files) fields[format] = bytes;
  }
  fields['meta'] = JSON.stringify(kept);
  const key = resultKey(queue, result.id);
  await redis.multi().del(key).hset(key, fields).expire(key, options.keepSeconds).exec();
  return kept;
}

/** The kept outcome of a job, or undefined when there is none (never built, or expired). */
export async function readResult(redis: Redis, queue: string, id: string): Promise<JobResult | undefined> {
  const meta = await redis.hget(resultKey(queue, id), 'meta');
  if (meta === null) return undefined;
  const parsed = jobResultSchema.safeParse(safeJson(meta));
  if (!parsed.success || parsed.data.id !== id)
    throw new RenderError(
      `the result kept for job ${id} in Redis is not one profile-report wrote; add the report again`,
    );
  return parsed.data;
}

export async function forgetResult(redis: Redis, queue: string, id: string): Promise<void> {
  await redis.del(resultKey(queue, id));
}

/**
 * A result's output bytes, from Redis or from the store folder (`storeDir` overrides the
 * worker's path, for storage mounted elsewhere on this machine). Each is checked against the
 * size and SHA-256 the worker recorded, so a half-copied or stale file is never handed on.
 */
export async function readArtifacts(
  redis: Redis,
  queue: string,
  result: JobResult,
  storeDir?: string,
): Promise<Map<Format, Buffer>> {
  const files = new Map<Format, Buffer>();
  for (const artifact of result.artifacts) {
    let bytes: Buffer | null;
    let where: string;
    if (result.stored !== undefined) {
      const dir = storeDir !== undefined ? path.resolve(storeDir, result.id) : result.stored;
      where = path.join(dir, `${result.name}.${artifact.format}`);
      bytes = await readFile(where).catch((error: unknown) => {
        throw new RenderError(
          `cannot read ${where}, where a worker stored the ${artifact.format} (${errorCode(error) ?? firstLine(error)}); give the store folder as this machine sees it with --store`,
          { cause: error },
        );
      });
    } else {
      where = `Redis (${resultKey(queue, result.id)})`;
      bytes = await redis.hgetBuffer(resultKey(queue, result.id), artifact.format);
      if (bytes === null)
        throw new RenderError(
          `the ${artifact.format} of job ${result.id} is no longer kept in Redis (its --keep time ran out); add the report again`,
        );
    }
    const sha = createHash('sha256').update(bytes).digest('hex');
    if (bytes.length !== artifact.bytes || sha !== artifact.sha256)
      throw new RenderError(
        `the ${artifact.format} in ${where} is not the one the worker built (its size or SHA-256 differs)`,
      );
    files.set(artifact.format, bytes);
  }
  return files;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
