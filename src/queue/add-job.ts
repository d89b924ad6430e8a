import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { JobPayload } from './job-payload.js';
import type { PackedReport } from './pack-report.js';
import { forgetResult, resultKey } from './result-store.js';

export type AddState = 'queued' | 'already-queued' | 'already-built';

/**
 * A rendering failure (Chromium crashed or timed out) is tried again after 1, 2 and 4 seconds:
 * four tries in all. A validation failure is never tried again (see the worker).
 */
const jobOptions = { attempts: 4, backoff: { type: 'exponential', delay: 1000 } } as const;

export type ReportQueue = Queue<JobPayload>;

/**
 * Puts a packed report on the queue under its content id. The same inputs are one job: one
 * waiting or being built is left alone, one built whose result is still kept is not built
 * again, and one that failed (or whose result has expired) is queued afresh.
 */
export async function addJob(queue: ReportQueue, redis: Redis, packed: PackedReport): Promise<AddState> {
  const state = await queue.getJobState(packed.id);
  if (state === 'completed') {
    if ((await redis.exists(resultKey(queue.name, packed.id))) === 1) return 'already-built';
    await queue.remove(packed.id);
  } else if (state === 'failed') {
    await queue.remove(packed.id);
    await forgetResult(redis, queue.name, packed.id);
  } else if (state !== 'unknown') {
    return 'already-queued';
  }
  await queue.add(packed.label, packed.payload, { jobId: packed.id, ...jobOptions });
  return 'queued';
}
