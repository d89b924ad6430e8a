import { mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { UsageError, firstLine } from '../errors.js';
import { errorCode } from '../write/error-code.js';
import { parseCount, parseDuration } from '../queue/duration.js';
import { ReportWorker } from '../queue/report-worker.js';
import { removeOrphanedProjects } from '../queue/unpack-project.js';
import { redisTarget } from './queue-command.js';
import { localToday } from '../local-today.js';
import type { Terminal } from './terminal.js';

export interface WorkerFlags {
  readonly redis?: string;
  readonly concurrency?: string;
  readonly keep?: string;
  readonly store?: string;
  readonly restartAfter?: string;
  readonly lostAfter?: string;
}

const signalNumbers: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

/**
 * `profile-report worker --redis URL`: builds reports from the queue until stopped. The first
 * SIGTERM or Ctrl-C stops it taking jobs and lets the running ones finish (a deployment's
 * rolling restart loses no work); a second abandons them, and BullMQ gives them to another
 * worker. Exits 143 or 130 once stopped, 2 for a bad flag or URL.
 */
export async function runWorker(flags: WorkerFlags, ctx: { term: Terminal; cwd: string }): Promise<number> {
  const target = redisTarget(flags.redis, ctx.term);
  if (typeof target === 'number') return target;
  const concurrency = parseCount(flags.concurrency, '--concurrency', Math.max(1, os.availableParallelism()));
  const keepSeconds = parseDuration(flags.keep ?? '24h', '--keep');
  const restartAfter = parseCount(flags.restartAfter, '--restart-after', 100);
  const lostAfterMs = parseDuration(flags.lostAfter ?? '30s', '--lost-after') * 1000;
  const storeDir = flags.store === undefined ? undefined : path.resolve(ctx.cwd, flags.store);
  if (storeDir !== undefined) {
    await mkdir(storeDir, { recursive: true }).catch((error: unknown) => {
      throw new UsageError(
        `--store: cannot use ${storeDir} as the folder for results (${errorCode(error) ?? firstLine(error)})`,
      );
    });
  }
  await removeOrphanedProjects();
  const log = (line: string): void => ctx.term.err(line);
  const worker = new ReportWorker({
    target,
    concurrency,
    keepSeconds,
    restartAfter,
    lostAfterMs,
    today: localToday,
    log,
    ...(storeDir !== undefined ? { storeDir } : {}),
  });

  return new Promise<number>((resolve) => {
    let received: NodeJS.Signals | undefined;
    const handler = (signal: NodeJS.Signals): void => {
      if (received !== undefined) {
        // Chromium exits with its pipe, the job folders are swept by the next worker, and the
        // jobs' locks run out, so BullMQ gives them to another worker: nothing is lost.
        log(`${signal} again: stopping now; the reports being built go back to the queue for another worker`);
        process.exit(128 + (signalNumbers[signal] ?? 0));
      }
      received = signal;
      const active = worker.active;
      log(
        active === 0
          ? `${signal}: stopping`
          : `${signal}: finishing the ${active === 1 ? 'report' : `${active} reports`} being built, then stopping (send it again to stop at once)`,
      );
      void worker
        .stop()
        .catch((error: unknown) =>
          log(`note: while stopping: ${error instanceof Error ? error.message : String(error)}`),
        )
        .finally(() => {
          for (const s of Object.keys(signalNumbers)) process.off(s, handler);
          log(`stopped by ${signal}`);
          resolve(128 + (signalNumbers[signal] ?? 0));
        });
    };
    for (const s of Object.keys(signalNumbers)) process.on(s, handler);
  });
}
