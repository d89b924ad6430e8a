import { mapLimit } from '../cli/map-limit.js';
import type { ReportQueue } from './add-job.js';

export type FinishedState = 'completed' | 'failed' | 'missing';

export interface WaitProgress {
  readonly total: number;
  /** Collected, as built. */
  readonly done: number;
  /** Failed, or built but not collectable. */
  readonly failed: number;
  /** Being built now. */
  readonly active: number;
  /** Not started yet (waiting, or delayed before another try). */
  readonly waiting: number;
  /** Reports finished per second since the wait began. */
  readonly perSecond: number;
}

export interface WaitHooks {
  /** A job is finished: collect it. Returns whether it arrived whole. */
  readonly finished: (id: string, state: FinishedState) => Promise<boolean>;
  readonly progress?: (progress: WaitProgress) => void;
  /** Stop waiting (Ctrl-C): the jobs not finished stay for a later wait. */
  readonly stopped: () => boolean;
}

/**
 * Waits until every job in `ids` has finished, asking the queue for their states every
 * `pollMs` and handing each finished one over as soon as it is seen. Polling the job states,
 * rather than listening to the queue's event stream, keeps this correct across a Redis outage
 * and for jobs that finished before the wait began.
 */
export async function waitForJobs(
  queue: ReportQueue,
  ids: readonly string[],
  hooks: WaitHooks,
  pollMs = 300,
): Promise<void> {
  const pending = new Set(ids);
  const started = performance.now();
  let done = 0;
  let failed = 0;
  while (pending.size > 0 && !hooks.stopped()) {
    const states = await mapLimit([...pending], 64, async (id) => ({ id, state: await queue.getJobState(id) }));
    const finished: { id: string; state: FinishedState }[] = [];
    let active = 0;
    for (const { id, state } of states) {
      if (state === 'completed' || state === 'failed') finished.push({ id, state });
      else if (state === 'unknown') finished.push({ id, state: 'missing' });
      else if (state === 'active') active += 1;
    }
    await mapLimit(finished, 4, async ({ id, state }) => {
      if (hooks.stopped()) return;
      const whole = await hooks.finished(id, state);
      pending.delete(id);
      if (whole) done += 1;
      else failed += 1;
    });
    const seconds = (performance.now() - started) / 1000;
    hooks.progress?.({
      total: ids.length,
      done,
      failed,
      active,
      waiting: pending.size - active,
      perSecond: seconds > 0 ? (done + failed) / seconds : 0,
    });
    if (pending.size > 0 && !hooks.stopped()) await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
