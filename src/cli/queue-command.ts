import path from 'node:path';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { UsageError, UserError, ValidationError, exitCodeOf, exitCodes, firstLine, formatProblem } from '../errors.js';
import { limits } from '../limits.js';
import { displayPath } from '../load/resolve-inside.js';
import { ValidationCache } from '../load/validation-cache.js';
import { addJob } from '../queue/add-job.js';
import type { ReportQueue } from '../queue/add-job.js';
import { clientKey, forgetJobs, rememberJobs, rememberedJobs } from '../queue/client-jobs.js';
import { collectResult } from '../queue/collect-result.js';
import type { CollectedReport } from '../queue/collect-result.js';
import type { BuildSettings } from '../queue/job-payload.js';
import { packReport } from '../queue/pack-report.js';
import { jobIdSchema } from '../queue/queue-schema.js';
import type { QueueAddSummary, QueueWaitSummary } from '../queue/queue-schema.js';
import { queueStatus } from '../queue/queue-status.js';
import { RedisUnreachableError, connectClient } from '../queue/redis-connection.js';
import type { ClientConnectionOptions } from '../queue/redis-connection.js';
import { parseRedisUrl } from '../queue/redis-url.js';
import type { RedisTarget } from '../queue/redis-url.js';
import { queueName, toolVersion } from '../queue/tool-version.js';
import { waitForJobs } from '../queue/wait-for-jobs.js';
import { waitProgress } from '../queue/wait-progress.js';
import { buildOptionsOf } from './build-flags.js';
import type { BuildFlags } from './build-flags.js';
import { onInterrupt } from './interrupts.js';
import { jsonProblem, printJson } from './json-summary.js';
import type { Terminal } from './terminal.js';

export interface QueueContext {
  readonly term: Terminal;
  readonly cwd: string;
}

/** The build flags a queued job carries (see build-flags.ts), and where the queue is. */
export interface QueueAddFlags extends Pick<BuildFlags, 'format' | 'page' | 'lang' | 'timeout' | 'strict'> {
  readonly redis?: string;
  readonly json?: boolean;
}

const stateWords = { queued: 'queued', 'already-queued': 'already queued', 'already-built': 'already built' } as const;

/**
 * `queue add SPEC...`: packs each report (everything its build reads, checked and bounded as a
 * build checks it) into a job named by the hash of those inputs, and remembers the ids for this
 * folder's `queue wait`. A report that cannot be packed is listed with its problems and the
 * others are still queued; the exit code is then 1.
 */
export async function runQueueAdd(specs: readonly string[], flags: QueueAddFlags, ctx: QueueContext): Promise<number> {
  const target = redisTarget(flags.redis, ctx.term);
  if (typeof target === 'number') return target;
  const options = buildOptionsOf(flags);
  // The job carries the settings whole, defaults applied here: a worker of another version
  // must build what this command line asked for.
  const settings: BuildSettings = {
    formats: [...(options.formats ?? ['html', 'pdf'])],
    ...(options.page ? { page: options.page } : {}),
    ...(options.language ? { language: options.language } : {}),
    strict: options.strict === true,
    timeoutMs: options.timeoutMs ?? limits.renderTimeoutMs,
  };
  return withQueue(target, ctx, { survive: false }, async (queue, redis) => {
    const reports: QueueAddSummary['reports'] = [];
    const validation = new ValidationCache();
    for (const spec of specs) {
      const label = displayPath(ctx.cwd, path.resolve(ctx.cwd, spec));
      try {
        const packed = await packReport(spec, settings, ctx.cwd, toolVersion, validation);
        const state = await addJob(queue, redis, packed);
        await rememberJobs(redis, clientKey(queue.name, ctx.cwd), [packed.id]);
        reports.push({ spec: packed.label, id: packed.id, state, bytes: packed.bytes, problems: [], error: null });
        if (!flags.json) ctx.term.err(`${stateWords[state]}: ${packed.label} (${packed.id.slice(0, 12)})`);
      } catch (error) {
        if (!(error instanceof ValidationError) && !(error instanceof UserError)) throw error;
        const problems = error instanceof ValidationError ? error.problems.map(jsonProblem) : [];
        reports.push({ spec: label, id: null, state: 'refused', bytes: 0, problems, error: error.message });
        if (!flags.json) {
          for (const problem of problems) ctx.term.err(formatProblem(problem));
          ctx.term.err(
            error instanceof ValidationError
              ? `not queued: ${label}: ${error.message}`
              : `not queued: ${error.message}`,
          );
        }
      }
    }
    const exitCode = reports.some((r) => r.state === 'refused') ? exitCodes.badInput : exitCodes.ok;
    if (flags.json) {
      ctx.term.out(
        printJson({
          command: 'queue add',
          ok: exitCode === 0,
          exitCode,
          queue: queue.name,
          reports,
        } satisfies QueueAddSummary),
      );
    } else {
      const count = (state: string): number => reports.filter((r) => r.state === state).length;
      const parts = [
        `${count('queued')} queued`,
        count('already-queued') && `${count('already-queued')} already queued`,
        count('already-built') && `${count('already-built')} already built`,
        count('refused') && `${count('refused')} not queued`,
      ].filter(Boolean);
      ctx.term.err(
        `${reports.length} report${reports.length === 1 ? '' : 's'}: ${parts.join(', ')}. Collect them with: profile-report queue wait --redis ${target.shown} --out DIR`,
      );
    }
    return exitCode;
  });
}

export interface QueueWaitFlags {
  readonly redis?: string;
  readonly out?: string;
  readonly store?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/**
 * `queue wait --out DIR`: waits for the jobs this folder added (or the ids given), writes each
 * report into DIR as soon as it is built (atomically, named as a local build names it), and
 * shows progress. Rides out a Redis outage. Exit code: 0 when every report arrived, else the
 * highest of their codes (1 bad input, 3 rendering failed); 130 or 143 when stopped, and what
 * was not collected stays for the next `queue wait`.
 */
export async function runQueueWait(ids: readonly string[], flags: QueueWaitFlags, ctx: QueueContext): Promise<number> {
  const target = redisTarget(flags.redis, ctx.term);
  if (typeof target === 'number') return target;
  if (flags.out === undefined || flags.out === '')
    throw new UsageError('queue wait needs --out DIR: the folder the reports are written into');
  for (const id of ids)
    if (!jobIdSchema.safeParse(id).success)
      throw new UsageError(`${id} is not a job id (64 hexadecimal digits, as \`queue add --json\` prints them)`);
  const say = flags.json || flags.quiet ? (): void => undefined : (line: string): void => ctx.term.err(line);
  const connection: ClientConnectionOptions = {
    survive: true,
    onLost: (reason) =>
      ctx.term.err(`lost the connection to Redis at ${target.shown} (${reason}); waiting for it to come back`),
    onBack: () => ctx.term.err(`Redis at ${target.shown} is back`),
  };
  // Nothing to clean up: a signal only stops the wait between reports (see `stopped`).
  const interrupts = onInterrupt(() => Promise.resolve());
  try {
    return await withQueue(target, ctx, connection, async (queue, redis) => {
      const key = clientKey(queue.name, ctx.cwd);
      const wanted = ids.length > 0 ? [...new Set(ids)] : await rememberedJobs(redis, key);
      if (wanted.length === 0)
        say('nothing to wait for: no reports were added from this folder with `queue add` that are not collected yet');
      const outcomes = new Map<string, CollectedReport>();
      const written = new Map<string, string>();
      const progress = waitProgress(say, queue, target, (line) => ctx.term.err(line));
      await waitForJobs(queue, wanted, {
        stopped: () => interrupts.signal !== undefined,
        progress: (p) => void progress(p),
        finished: async (id, state) => {
          const outcome = await collectResult(redis, queue, id, state, {
            cwd: ctx.cwd,
            outDir: flags.out!,
            written,
            ...(flags.store ? { storeDir: path.resolve(ctx.cwd, flags.store) } : {}),
          });
          outcomes.set(id, outcome);
          await forgetJobs(redis, key, [id]);
          if (outcome.ok) say(`wrote ${outcome.artifacts.map((a) => a.path).join(', ')} (${outcome.spec})`);
          else if (!flags.json) {
            for (const problem of outcome.problems) ctx.term.err(formatProblem(problem));
            ctx.term.err(`failed: ${outcome.spec}: ${outcome.error}`);
          }
          return outcome.ok;
        },
      });
      const reports = wanted.flatMap((id) => outcomes.get(id) ?? []);
      if (interrupts.exitCode !== undefined) {
        if (!flags.json)
          ctx.term.err(
            `stopped by ${interrupts.signal}; ${reports.length} of ${wanted.length} collected, the rest stay queued for the next \`queue wait\``,
          );
        return interrupts.exitCode;
      }
      const exitCode = Math.max(exitCodes.ok, ...reports.map((r) => r.exitCode));
      if (flags.json)
        ctx.term.out(
          printJson({
            command: 'queue wait',
            ok: exitCode === 0,
            exitCode,
            queue: queue.name,
            reports,
          } satisfies QueueWaitSummary),
        );
      else if (wanted.length > 0) {
        const failed = reports.filter((r) => !r.ok);
        ctx.term.err(
          `${reports.length - failed.length} of ${reports.length} reports written to ${flags.out}${failed.length ? `; failed: ${failed.map((r) => r.spec).join(', ')}` : ''}.`,
        );
      }
      return exitCode;
    });
  } finally {
    interrupts.dispose();
  }
}

/** `queue status`: counts, workers, and each failed job with its spec and problems. */
export async function runQueueStatus(flags: { redis?: string; json?: boolean }, ctx: QueueContext): Promise<number> {
  const target = redisTarget(flags.redis, ctx.term);
  if (typeof target === 'number') return target;
  return withQueue(target, ctx, { survive: false }, async (queue, redis) => {
    const status = await queueStatus(queue, redis);
    if (flags.json) {
      ctx.term.out(printJson(status));
      return status.exitCode;
    }
    const c = status.counts;
    ctx.term.out(
      `queue ${status.queue} at ${target.shown}: ${c.waiting} waiting, ${c.active} building, ${c.delayed} to be tried again, ${c.completed} built and kept, ${c.failed} failed; ${status.workers} worker${status.workers === 1 ? '' : 's'} connected`,
    );
    for (const job of status.failed) {
      ctx.term.out(
        `failed: ${job.spec} (${job.id.slice(0, 12)}, ${job.attempts} ${job.attempts === 1 ? 'try' : 'tries'}): ${job.error}`,
      );
      for (const problem of job.problems) ctx.term.out(`  ${formatProblem(problem)}`);
    }
    return status.exitCode;
  });
}

/**
 * `--redis URL`, or the exit code after saying in one line what is wrong with it: a script that
 * runs `queue wait` in a loop gets exit 2 and one line it can log, not a page of help.
 */
export function redisTarget(text: string | undefined, term: Terminal): RedisTarget | number {
  try {
    return parseRedisUrl(text);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return sayFailure(error, term);
  }
}

/** A failure of the connection or its URL, in one line a script can log, and its exit code. */
function sayFailure(error: unknown, term: Terminal): number {
  term.err(`error: ${firstLine(error)}`);
  return exitCodeOf(error);
}

/**
 * Connects (a Redis that cannot be reached is one line and exit 2, before any work), opens the
 * queue of this version, runs `work`, and closes both whatever happens.
 */
async function withQueue(
  target: RedisTarget,
  ctx: QueueContext,
  connection: ClientConnectionOptions,
  work: (queue: ReportQueue, redis: Redis) => Promise<number>,
): Promise<number> {
  let redis: Redis;
  try {
    redis = await connectClient(target, connection);
  } catch (error) {
    if (!(error instanceof RedisUnreachableError)) throw error;
    return sayFailure(error, ctx.term);
  }
  const queue: ReportQueue = new Queue(queueName(), { connection: redis });
  queue.on('error', () => undefined); // the connection's own handler reports what matters
  try {
    return await work(queue, redis);
  } catch (error) {
    if (redis.status === 'ready' || connection.survive) throw error;
    return sayFailure(
      new RedisUnreachableError(`lost the connection to Redis at ${target.shown} (${firstLine(error)})`, {
        cause: error,
      }),
      ctx.term,
    );
  } finally {
    await queue.close().catch(() => undefined);
    redis.disconnect();
  }
}
