import type { ReportQueue } from './add-job.js';
import type { RedisTarget } from './redis-url.js';
import { toolVersion } from './tool-version.js';
import type { WaitProgress } from './wait-for-jobs.js';

/** A progress line when something changed (at most one a second), and a warning when no worker is there to build. */
export function waitProgress(
  say: (line: string) => void,
  queue: ReportQueue,
  target: RedisTarget,
  warn: (line: string) => void,
): (p: WaitProgress) => Promise<void> {
  let last = '';
  let lastAt = 0;
  let idleSince = performance.now();
  let warned = false;
  return async (p) => {
    const line = `${p.done + p.failed} of ${p.total} finished (${p.done} written, ${p.failed} failed), ${p.active} building, ${p.waiting} waiting; ${p.perSecond.toFixed(2)} reports/s`;
    const now = performance.now();
    if (line.replace(/;.*$/, '') !== last.replace(/;.*$/, '') && (now - lastAt >= 1000 || p.waiting + p.active === 0)) {
      say(line);
      last = line;
      lastAt = now;
    }
    if (p.active > 0) idleSince = now;
    if (!warned && p.waiting > 0 && now - idleSince > 10_000 && (await queue.getWorkersCount()) === 0) {
      warned = true;
      warn(
        `no worker is taking jobs from the queue ${queue.name} (profile-report ${toolVersion}); start one with: profile-report worker --redis ${target.shown}`,
      );
    }
  };
}
