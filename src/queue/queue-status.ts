import type { Redis } from 'ioredis';
import { exitCodes } from '../errors.js';
import type { ReportQueue } from './add-job.js';
import type { QueueStatusSummary } from './queue-schema.js';
import { readResult } from './result-store.js';

/** Failed jobs listed at most, newest first. */
const maxFailedListed = 1000;

/**
 * The queue at a glance: how many jobs wait, build, are done or failed, how many workers are
 * connected, and each failed job with its spec and its problems as `build` reports them.
 */
export async function queueStatus(queue: ReportQueue, redis: Redis): Promise<QueueStatusSummary> {
  const counts = await queue.getJobCounts(
    'waiting',
    'prioritized',
    'paused',
    'active',
    'delayed',
    'completed',
    'failed',
  );
  const count = (...names: string[]): number => names.reduce((sum, name) => sum + (counts[name] ?? 0), 0);
  const ids = await queue.getRanges(['failed'], 0, maxFailedListed - 1);
  const failed = await Promise.all(
    ids.map(async (id) => {
      // BullMQ keeps the tries made as `atm` (older versions: `attemptsMade`).
      const [name, reason, atm, attemptsMade] = await redis.hmget(
        queue.toKey(id),
        'name',
        'failedReason',
        'atm',
        'attemptsMade',
      );
      const result = await readResult(redis, queue.name, id).catch(() => undefined);
      return {
        id,
        spec: result?.spec ?? name ?? '(unknown)',
        attempts: Number(atm ?? attemptsMade ?? 0),
        error: result?.error ?? reason ?? 'failed',
        problems: result?.problems ?? [],
      };
    }),
  );
  return {
    command: 'queue status',
    ok: true,
    exitCode: exitCodes.ok,
    queue: queue.name,
    workers: await queue.getWorkersCount(),
    counts: {
      waiting: count('waiting', 'prioritized', 'paused'),
      active: count('active'),
      delayed: count('delayed'),
      completed: count('completed'),
      failed: count('failed'),
    },
    failed,
  };
}
