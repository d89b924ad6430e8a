import { createHash } from 'node:crypto';
import os from 'node:os';
import { UnrecoverableError, Worker } from 'bullmq';
import type { Job } from 'bullmq';
import { Redis } from 'ioredis';
import { BuildContext } from '../build-context.js';
import {
  ProfileReportError,
  RenderError,
  ValidationError,
  errorSummary,
  exitCodeOf,
  exitCodes,
  firstLine,
  formatProblem,
} from '../errors.js';
import { jsonProblem } from '../cli/json-summary.js';
import { buildJob } from './build-job.js';
import { jobId, jobPayloadSchema } from './job-payload.js';
import type { JobPayload } from './job-payload.js';
import type { JobResult } from './queue-schema.js';
import { describeRedisError, redisOptions } from './redis-connection.js';
import type { RedisTarget } from './redis-url.js';
import { keepResult } from './result-store.js';
import { queueName, toolVersion } from './tool-version.js';
import { WarmContext } from './warm-context.js';

export interface ReportWorkerOptions {
  readonly target: RedisTarget;
  /** Jobs built side by side, sharing one Chromium. */
  readonly concurrency: number;
  readonly keepSeconds: number;
  readonly storeDir?: string;
  /** A fresh Chromium (and chart canvases) after this many jobs. */
  readonly restartAfter: number;
  /** A job whose worker has not renewed its lock for this long is given to another worker. */
  readonly lostAfterMs: number;
  /** Today, for the rare build that has no build date (never: a queued report has a spec). */
  readonly today: () => string;
  /** One line per event, for stderr. */
  readonly log: (line: string) => void;
}

/**
 * Takes build jobs from the queue of this version of profile-report and builds each as `build`
 * would, all with one warm Chromium, keeping each outcome for `keepSeconds`. A job's lock is
 * renewed while it builds; if this process dies, BullMQ's stalled-job check (run by every
 * other worker) gives the job to another worker once the lock runs out.
 */
export class ReportWorker {
  private readonly worker: Worker<unknown, JobResult>;
  private readonly results: Redis;
  private readonly warm: WarmContext;
  private running = 0;
  /** Whether Redis answered last time we heard, and whether it ever has. */
  private reachable = false;
  private started = false;

  constructor(private readonly options: ReportWorkerOptions) {
    const connection = {
      ...redisOptions(options.target),
      maxRetriesPerRequest: null,
      retryStrategy: (times: number) => Math.min(times * 500, 5000),
    };
    this.warm = new WarmContext(
      () => new BuildContext({ onNotice: (message) => options.log(`note: ${message}`) }),
      options.restartAfter,
    );
    this.results = new Redis(connection);
    this.results.on('error', () => undefined); // the worker's own connection says what is wrong
    this.worker = new Worker(queueName(), (job) => this.process(job), {
      connection,
      concurrency: options.concurrency,
      lockDuration: options.lostAfterMs,
      stalledInterval: Math.max(1000, Math.round(options.lostAfterMs / 2)),
      maxStalledCount: 2,
      removeOnComplete: { age: options.keepSeconds },
      removeOnFail: { age: options.keepSeconds },
      name: `${os.hostname()}:${process.pid}`,
    });
    this.worker.on('ready', () => {
      if (this.reachable) return;
      options.log(
        this.started
          ? `Redis at ${options.target.shown} is back; taking jobs again`
          : `taking jobs from the queue ${queueName()} at ${options.target.shown}, ${options.concurrency} at a time`,
      );
      this.reachable = true;
      this.started = true;
    });
    let told = false;
    this.worker.on('error', (error) => {
      if (isConnectionError(error)) {
        // Said once per outage (and once before the first connection), not on every retry.
        if (!this.reachable && told) return;
        told = true;
        this.reachable = false;
        options.log(
          `cannot reach Redis at ${options.target.shown}: ${describeRedisError(error)}; trying again until it answers`,
        );
      } else {
        options.log(`note: ${firstLine(error)}`);
      }
    });
  }

  /** Jobs being built now. */
  get active(): number {
    return this.running;
  }

  /** Stops taking jobs, lets the running ones finish, closes Chromium and the connections. */
  async stop(): Promise<void> {
    await this.worker.close();
    await this.warm.close();
    this.results.disconnect();
  }

  private async process(job: Job<unknown, JobResult>): Promise<JobResult> {
    const id = job.id ?? '';
    const attempt = job.attemptsMade + 1;
    const attempts = job.opts.attempts ?? 1;
    let payload: JobPayload;
    try {
      payload = this.checkPayload(job.data, id);
    } catch (error) {
      this.options.log(`refused ${job.name} (${id.slice(0, 12)}): ${firstLine(error)}`);
      throw error;
    }
    const lease = this.warm.acquire();
    this.running += 1;
    const started = performance.now();
    const base = { id, spec: job.name, attempt, worker: `${os.hostname()}:${process.pid}` };
    this.options.log(
      `building ${job.name} (${id.slice(0, 12)})${attempt > 1 ? `, try ${attempt} of ${attempts}` : ''}`,
    );
    try {
      const built = await buildJob(payload, lease.context, this.options.today());
      const result: JobResult = {
        ...base,
        ok: true,
        exitCode: exitCodes.ok,
        name: built.name,
        artifacts: [...built.files].map(([format, bytes]) => ({ format, bytes: bytes.length, sha256: sha256(bytes) })),
        timings: built.timings,
        warnings: built.warnings.map(jsonProblem),
        problems: [],
        error: null,
      };
      const kept = await keepResult(this.results, queueName(), result, built.files, this.store());
      this.options.log(
        `built ${job.name} (${id.slice(0, 12)}) in ${((performance.now() - started) / 1000).toFixed(2)} s`,
      );
      return kept;
    } catch (error) {
      // Bad input or usage fails the same way on every attempt: not worth a retry.
      const bad = error instanceof ProfileReportError && !(error instanceof RenderError);
      const message = oneLine(error);
      if (!(error instanceof ProfileReportError))
        this.options.log(
          `internal error while building ${job.name}: ${error instanceof Error ? (error.stack ?? message) : message}`,
        );
      if (bad || attempt >= attempts) {
        const failure: JobResult = {
          ...base,
          ok: false,
          exitCode: exitCodeOf(error),
          name: null,
          artifacts: [],
          timings: { total: Math.round(performance.now() - started) },
          warnings:
            error instanceof ValidationError
              ? error.problems.filter((p) => p.severity === 'warning').map(jsonProblem)
              : [],
          problems:
            error instanceof ValidationError
              ? error.problems.filter((p) => p.severity === 'error').map(jsonProblem)
              : [],
          error: message,
        };
        await keepResult(this.results, queueName(), failure, new Map(), this.store());
      }
      this.options.log(
        `failed ${job.name} (${id.slice(0, 12)}): ${message}${bad ? ' (not tried again: the input must change)' : attempt < attempts ? `; trying again (try ${attempt + 1} of ${attempts})` : ''}`,
      );
      throw bad ? new UnrecoverableError(message) : new Error(message);
    } finally {
      this.running -= 1;
      await lease.release();
    }
  }

  /**
   * A job is data from Redis: it must be a payload this version packed, and its id the hash of
   * that payload, or a result could be kept under another report's id.
   */
  private checkPayload(data: unknown, id: string): JobPayload {
    const parsed = jobPayloadSchema.safeParse(data);
    if (!parsed.success)
      throw new UnrecoverableError(
        `the job is not a report packed by profile-report ${toolVersion}: ${describeIssue(parsed.error.issues[0])}`,
      );
    if (parsed.data.tool !== toolVersion)
      throw new UnrecoverableError(
        `the job was packed by profile-report ${parsed.data.tool}; this worker is ${toolVersion}`,
      );
    if (jobId(parsed.data) !== id)
      throw new UnrecoverableError(
        "the job's id is not the hash of its files; it was not added by `profile-report queue add`",
      );
    return parsed.data;
  }

  private store(): { keepSeconds: number; storeDir?: string } {
    return {
      keepSeconds: this.options.keepSeconds,
      ...(this.options.storeDir !== undefined ? { storeDir: this.options.storeDir } : {}),
    };
  }
}

/** `files["../../x"]: a relative path inside the project...`: where in the job, and what is wrong. */
function describeIssue(
  issue: { path: PropertyKey[]; message: string; issues?: { message: string }[] } | undefined,
): string {
  if (!issue) return 'unreadable';
  const where = issue.path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `[${JSON.stringify(p)}]`))
    .join('');
  return `${where || 'the job'}: ${issue.issues?.[0]?.message ?? issue.message}`;
}

function isConnectionError(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return (
    (code !== undefined && /^E[A-Z]+$/.test(code)) ||
    /Connection is closed|connect ETIMEDOUT|WRONGPASS|NOAUTH/.test(error.message)
  );
}

function oneLine(error: unknown): string {
  const first = error instanceof ValidationError ? error.problems.find((p) => p.severity === 'error') : undefined;
  if (error instanceof ValidationError && first) return `${error.message}; the first: ${formatProblem(first)}`;
  return errorSummary(error);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
