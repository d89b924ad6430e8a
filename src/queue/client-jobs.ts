import { createHash } from 'node:crypto';
import os from 'node:os';
import type { Redis } from 'ioredis';

/** Long enough for a nightly run that waits over a weekend; refreshed by every `queue add`. */
const rememberSeconds = 30 * 24 * 3600;

/**
 * The jobs one client added and has not collected yet, kept in Redis so that `queue add` and a
 * later `queue wait` (separate processes, perhaps hours apart) agree without leaving a file in
 * the project. A client is a folder on a machine, for one user: what someone runs both
 * commands from.
 */
export function clientKey(queue: string, cwd: string): string {
  const who = createHash('sha256')
    .update(`${os.hostname()}\0${process.getuid?.() ?? ''}\0${cwd}`)
    .digest('hex')
    .slice(0, 32);
  return `bull:${queue}:client:${who}`;
}

/** Adds ids in the order given; one already there keeps its place. */
export async function rememberJobs(redis: Redis, key: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const base = Date.now() * 1000;
  const members = ids.flatMap((id, i) => [base + i, id]);
  await redis
    .multi()
    .zadd(key, 'NX', ...members)
    .expire(key, rememberSeconds)
    .exec();
}

/** This client's jobs not yet collected, oldest first. */
export function rememberedJobs(redis: Redis, key: string): Promise<string[]> {
  return redis.zrange(key, 0, -1);
}

export async function forgetJobs(redis: Redis, key: string, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await redis.zrem(key, ...ids);
}
