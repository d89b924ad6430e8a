import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { limits } from '../../src/limits.js';
import { packReport } from '../../src/queue/pack-report.js';
import { toolVersion } from '../../src/queue/tool-version.js';
import {
  queueAddSummarySchema,
  queueStatusSummarySchema,
  queueWaitSummarySchema,
} from '../../src/queue/queue-schema.js';
import type { QueueStatusSummary, QueueWaitSummary } from '../../src/queue/queue-schema.js';
import { privateTmp } from '../helpers/leftovers.js';
import { RedisServer, freePort } from '../helpers/redis-server.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles } from '../helpers/temp-project.js';
import { CliProcess } from './queue-processes.js';
import { addBadReport, json, projectWithReports, queue } from './queue-helpers.js';

const oneLine = (stderr: string): string[] => stderr.trimEnd().split('\n');

describe('a Redis that cannot be used', () => {
  it('a bad --redis URL is exit 2 and one line, for every command', async () => {
    const project = await projectWithReports([]);
    for (const [args, message] of [
      [
        ['queue', 'add', 'data/report.yaml', '--redis', 'http://example.com'],
        'error: --redis takes a redis:// or rediss:// URL, not http://example.com/',
      ],
      [
        ['queue', 'wait', '--out', 'got', '--redis', 'not a url'],
        'error: --redis takes a URL such as redis://127.0.0.1:6379, not not a url',
      ],
      [
        ['queue', 'status'],
        'error: --redis is required: the Redis server the queue lives on, for example --redis redis://127.0.0.1:6379',
      ],
      [
        ['worker', '--redis', 'redis://:secret@host/db'],
        'error: --redis: the path of the URL is a database number (0 to 15), not /db',
      ],
    ] as const) {
      const result = await runCli(args, { cwd: project });
      expect(result.code, args.join(' ')).toBe(2);
      expect(oneLine(result.stderr), args.join(' ')).toEqual([message]);
      expect(result.stdout).toBe('');
    }
  }, 60_000);

  it('a refused connection is exit 2 and one line, the password never shown, nothing written', async () => {
    const project = await projectWithReports([]);
    const port = await freePort();
    for (const args of [
      ['add', 'data/report.yaml'],
      ['wait', '--out', 'got'],
      ['status', '--json'],
    ]) {
      const result = await queue([...args, '--redis', `redis://:hunter2@127.0.0.1:${port}`], project);
      expect(result.code, args.join(' ')).toBe(2);
      expect(oneLine(result.stderr)).toEqual([
        `error: cannot reach Redis at redis://:***@127.0.0.1:${port}: connection refused: is redis-server running there?`,
      ]);
      expect(result.stdout).toBe('');
    }
    expect((await listFiles(project)).filter((f) => f.startsWith('got'))).toEqual([]);
  }, 60_000);

  it('a worker that cannot reach Redis says so once, keeps trying, and starts when Redis is there', async () => {
    const project = await projectWithReports([]);
    const port = await freePort();
    const worker = new CliProcess(['worker', '--redis', `redis://127.0.0.1:${port}`, '--concurrency', '1'], project, {
      TMPDIR: await privateTmp(project),
    });
    try {
      await worker.waitFor(/cannot reach Redis/);
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect(worker.lines(/cannot reach Redis/)).toEqual([
        `cannot reach Redis at redis://127.0.0.1:${port}: connection refused: is redis-server running there?; trying again until it answers`,
      ]);
      await RedisServer.start(port);
      await worker.waitFor(
        /^taking jobs from the queue profile-report-\d+\.\d+\.\d+ at redis:\/\/127\.0\.0\.1:\d+, 1 at a time$/,
        30_000,
      );
      expect(await worker.stop('SIGTERM')).toEqual({ code: 143, signal: null });
    } finally {
      await worker.stop('SIGKILL');
    }
  }, 60_000);
});

describe('jobs from elsewhere', () => {
  it('a job not packed by `queue add` is refused before anything is built: no path may leave its folder, and its id must be the hash of its files', async () => {
    const redis = await RedisServer.start();
    const project = await projectWithReports(['honest']);
    const tmp = await privateTmp(project);
    const { payload } = await packReport(
      'data/honest.yaml',
      { formats: ['html'], strict: false, timeoutMs: 60_000 },
      project,
      toolVersion,
    );
    const client = new Redis(redis.url, { maxRetriesPerRequest: null });
    const forger = new Queue(`profile-report-${toolVersion}`, { connection: client });
    const worker = new CliProcess(['worker', '--redis', redis.url, '--concurrency', '1'], project, { TMPDIR: tmp });
    try {
      await forger.add('forged', payload, { jobId: 'f'.repeat(64) });
      await forger.add(
        'escape',
        { ...payload, files: { ...payload.files, '../../escape.txt': 'eA==' } },
        { jobId: 'e'.repeat(64) },
      );
      await worker.waitFor(/^refused /, 60_000, 2);
      const status = queueStatusSummarySchema.parse(
        json(await queue(['status', '--redis', redis.url, '--json'], project)),
      );
      expect(status.failed.sort((a, b) => a.spec.localeCompare(b.spec))).toEqual([
        {
          id: 'e'.repeat(64),
          spec: 'escape',
          attempts: 1,
          error: `the job is not a report packed by profile-report ${toolVersion}: files["../../escape.txt"]: a relative path inside the project, with no empty, \`.\` or \`..\` part`,
          problems: [],
        },
        {
          id: 'f'.repeat(64),
          spec: 'forged',
          attempts: 1,
          error: "the job's id is not the hash of its files; it was not added by `profile-report queue add`",
          problems: [],
        },
      ]);
      expect(worker.lines(/^building /)).toEqual([]);
      expect((await listFiles(path.dirname(tmp))).filter((f) => f.includes('escape'))).toEqual([]);
    } finally {
      await worker.stop('SIGKILL');
      await forger.close();
      client.disconnect();
    }
  }, 60_000);
});

describe('where results are kept', () => {
  it('with --store, a worker writes the outputs and their outcome to shared storage, and queue wait copies them from there', async () => {
    const redis = await RedisServer.start();
    const project = await projectWithReports(['stored']);
    const store = path.join(project, 'shared');
    const worker = new CliProcess(['worker', '--redis', redis.url, '--concurrency', '1', '--store', store], project, {
      TMPDIR: await privateTmp(project),
    });
    try {
      const [added] = queueAddSummarySchema.parse(
        json(await queue(['add', 'data/stored.yaml', '--redis', redis.url, '--format', 'html', '--json'], project)),
      ).reports;
      const id = added!.id!;
      // The store as another machine mounts it: somewhere else.
      await worker.waitFor(/^built /);
      const mounted = path.join(project, 'mounted');
      await cp(store, mounted, { recursive: true });
      await rm(store, { recursive: true });
      const waited = await queue(
        ['wait', '--redis', redis.url, '--out', 'got', '--store', 'mounted', '--json'],
        project,
      );
      expect(waited.code).toBe(0);
      expect(await listFiles(mounted)).toEqual([`${id}/result.json`, `${id}/stored.html`]);
      expect(await readFile(path.join(project, 'got', 'stored.html'))).toEqual(
        await readFile(path.join(mounted, id, 'stored.html')),
      );
      expect(JSON.parse(await readFile(path.join(mounted, id, 'result.json'), 'utf8'))).toMatchObject({
        id,
        spec: 'data/stored.yaml',
        ok: true,
        stored: path.join(store, id),
      });
      // Nothing but the outcome is kept in Redis.
      const client = new Redis(redis.url);
      try {
        expect((await client.hkeys(`bull:profile-report-${toolVersion}:result:${id}`)).sort()).toEqual(['meta']);
      } finally {
        client.disconnect();
      }
      // A file changed on the storage is not handed on.
      await writeFile(path.join(mounted, id, 'stored.html'), 'tampered');
      await queue(['add', 'data/stored.yaml', '--redis', redis.url, '--format', 'html'], project);
      const tampered = queueWaitSummarySchema.parse(
        json(await queue(['wait', '--redis', redis.url, '--out', 'again', '--store', 'mounted', '--json'], project)),
      );
      expect(tampered.reports[0]).toMatchObject({
        ok: false,
        exitCode: 3,
        error: `the html in ${path.join(mounted, id, 'stored.html')} is not the one the worker built (its size or SHA-256 differs)`,
      });
    } finally {
      await worker.stop('SIGKILL');
    }
  }, 120_000);

  it('with --keep, a result is kept for that long; after it, adding the report builds it again', async () => {
    const redis = await RedisServer.start();
    const project = await projectWithReports(['brief']);
    const worker = new CliProcess(['worker', '--redis', redis.url, '--concurrency', '1', '--keep', '20s'], project, {
      TMPDIR: await privateTmp(project),
    });
    const client = new Redis(redis.url);
    try {
      const add = async (): Promise<string> =>
        queueAddSummarySchema.parse(
          json(await queue(['add', 'data/brief.yaml', '--redis', redis.url, '--format', 'html', '--json'], project)),
        ).reports[0]!.state;
      expect(await add()).toBe('queued');
      await worker.waitFor(/^built data\/brief\.yaml/);
      const [key] = await client.keys('bull:*:result:*');
      const ttl = await client.ttl(key!);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(20);
      expect(await add()).toBe('already-built');
      while ((await client.exists(key!)) === 1) await new Promise((resolve) => setTimeout(resolve, 250));
      // Not collected in time: the wait says so.
      const late = await queue(['wait', '--redis', redis.url, '--out', 'got', '--json'], project);
      expect(late.code).toBe(3);
      const id = key!.split(':').at(-1)!;
      expect(queueWaitSummarySchema.parse(json(late)).reports).toEqual([
        expect.objectContaining({
          id,
          spec: 'data/brief.yaml',
          ok: false,
          error: `the result of job ${id} is no longer kept (the workers' --keep time ran out); add the report again`,
        }),
      ]);
      expect(await add()).toBe('queued');
      const waited = await queue(['wait', '--redis', redis.url, '--out', 'got'], project);
      expect(waited.code).toBe(0);
      expect(await listFiles(path.join(project, 'got'))).toEqual(['brief.html']);
      expect(worker.lines(/^building data\/brief\.yaml/)).toHaveLength(2);
    } finally {
      await worker.stop('SIGKILL');
      client.disconnect();
    }
  }, 120_000);
});

describe('waiting with no worker', () => {
  it('says no worker is taking jobs, and Ctrl-C stops the wait, leaving the report queued for the next one', async () => {
    const redis = await RedisServer.start();
    const project = await projectWithReports(['lonely']);
    await queue(['add', 'data/lonely.yaml', '--redis', redis.url, '--format', 'html'], project);
    const waiting = new CliProcess(['queue', 'wait', '--redis', redis.url, '--out', 'got'], project);
    await waiting.waitFor(/^no worker is taking jobs/, 30_000);
    expect(waiting.lines(/^no worker/)).toEqual([
      `no worker is taking jobs from the queue profile-report-${toolVersion} (profile-report ${toolVersion}); start one with: profile-report worker --redis ${redis.url}`,
    ]);
    waiting.child.kill('SIGINT');
    expect(await waiting.exited).toEqual({ code: 130, signal: null });
    expect(waiting.lines(/^stopped/)).toEqual([
      'stopped by SIGINT; 0 of 1 collected, the rest stay queued for the next `queue wait`',
    ]);
    const status = queueStatusSummarySchema.parse(
      json(await queue(['status', '--redis', redis.url, '--json'], project)),
    );
    expect(status).toMatchObject({ workers: 0, counts: { waiting: 1 } });
  }, 60_000);
});

describe('flags and ids that make no sense', () => {
  it('are exit 2 with what is expected, before anything runs', async () => {
    const project = await projectWithReports([]);
    const redis = 'redis://127.0.0.1:1';
    for (const [args, message] of [
      [
        ['worker', '--redis', redis, '--keep', 'soon'],
        '--keep takes a duration such as 90s, 15m, 24h or 7d (at most a year), not soon',
      ],
      [['worker', '--redis', redis, '--concurrency', '0'], '--concurrency takes a whole number from 1 to 10000, not 0'],
      [
        ['worker', '--redis', redis, '--lost-after', '-5'],
        '--lost-after takes a duration such as 90s, 15m, 24h or 7d (at most a year), not -5',
      ],
      [['queue', 'wait', '--redis', redis], 'queue wait needs --out DIR: the folder the reports are written into'],
      [
        ['queue', 'wait', 'abc123', '--redis', redis, '--out', 'got'],
        'abc123 is not a job id (64 hexadecimal digits, as `queue add --json` prints them)',
      ],
      [
        ['queue', 'add', 'data/report.yaml', '--redis', redis, '--format', 'docx'],
        '--format takes html, pdf or html,pdf, not docx',
      ],
    ] as const) {
      const result = await runCli(args, { cwd: project });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(`usage error: ${message}\n`);
    }
  }, 120_000);

  it('waiting for a job the queue does not have says so: exit 3', async () => {
    const redis = await RedisServer.start();
    const project = await projectWithReports([]);
    const id = 'a'.repeat(64);
    const result = await queue(['wait', id, '--redis', redis.url, '--out', 'got', '--json'], project);
    expect(result.code).toBe(3);
    expect(queueWaitSummarySchema.parse(json(result)).reports).toEqual([
      expect.objectContaining({
        id,
        ok: false,
        error: `job ${id} is not in the queue: it was never added there, or its --keep time ran out; add the report again`,
      }),
    ]);
  }, 60_000);

  it('two reports with the same output name do not overwrite each other in --out', async () => {
    const redis = await RedisServer.start();
    const project = await projectWithReports(['twin']);
    const spec = await readFile(path.join(project, 'data', 'twin.yaml'), 'utf8');
    await writeFile(
      path.join(project, 'data', 'other-twin.yaml'),
      spec.replace(/^title: .*$/m, 'title: "Another report, the same file name"'),
    );
    const worker = new CliProcess(['worker', '--redis', redis.url, '--concurrency', '1'], project, {
      TMPDIR: await privateTmp(project),
    });
    try {
      await queue(['add', 'data/twin.yaml', 'data/other-twin.yaml', '--redis', redis.url, '--format', 'html'], project);
      const waited = await queue(['wait', '--redis', redis.url, '--out', 'got', '--json'], project);
      expect(waited.code).toBe(1);
      const reports = queueWaitSummarySchema.parse(json(waited)).reports;
      expect(reports.filter((r) => r.ok)).toHaveLength(1);
      const [first, second] = reports[0]!.ok ? [reports[0]!, reports[1]!] : [reports[1]!, reports[0]!];
      expect(second).toMatchObject({
        ok: false,
        exitCode: 1,
        error: `got/twin.html was already written for ${first.spec}; give the reports different output.name values`,
      });
      expect(await listFiles(path.join(project, 'got'))).toEqual(['twin.html']);
    } finally {
      await worker.stop('SIGKILL');
    }
  }, 120_000);
});

describe('the size bound on a job', () => {
  it(`a report whose files come to more than ${limits.jobInputBytes / 2 ** 20} MiB is not queued: exit 1, the bound named`, async () => {
    const redis = await RedisServer.start();
    const project = await projectWithReports(['small']);
    const profile = await readFile(path.join(project, 'data', 'profiles', 'zeng-yan.yaml'), 'utf8');
    const room = limits.fileBytes - Buffer.byteLength(profile);
    const padding = `# ${'x'.repeat(1000)}\n`.repeat(Math.floor(room / 1003)) + `#${'x'.repeat((room % 1003) - 2)}\n`;
    for (let i = 1; i <= 8; i++)
      await writeFile(path.join(project, 'data', 'profiles', `p${i}.yaml`), `${profile}${padding}`);
    const spec = await readFile(path.join(project, 'data', 'report.yaml'), 'utf8');
    await writeFile(
      path.join(project, 'data', 'big.yaml'),
      spec
        .replace('name: report', 'name: big')
        .replace(
          /profiles:\n(  - .*\n)+/,
          `profiles:\n${[1, 2, 3, 4, 5, 6, 7, 8].map((i) => `  - profiles/p${i}.yaml\n`).join('')}`,
        ),
    );

    const result = await queue(
      ['add', 'data/big.yaml', 'data/small.yaml', '--redis', redis.url, '--format', 'html'],
      project,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^not queued: data\/big\.yaml: the report's files come to 8\.0 MiB \(9 files; the largest data\/profiles\/p\d\.yaml, 1 MiB; .*\); a queued report may carry at most 8 MiB$/m,
    );
    expect(result.stderr).toMatch(/^queued: data\/small\.yaml \([0-9a-f]{12}\)$/m);
    const summary = queueAddSummarySchema.parse(
      json(await queue(['add', 'data/big.yaml', '--redis', redis.url, '--format', 'html', '--json'], project)),
    );
    expect(summary).toMatchObject({
      ok: false,
      exitCode: 1,
      reports: [{ spec: 'data/big.yaml', id: null, state: 'refused', bytes: 0 }],
    });
    // Only the small report is on the queue.
    const status = queueStatusSummarySchema.parse(
      json(await queue(['status', '--redis', redis.url, '--json'], project)),
    );
    expect(status.counts).toEqual({ waiting: 1, active: 0, delayed: 0, completed: 0, failed: 0 });
  }, 60_000);
});

describe('reports through a worker', () => {
  it('a bad spec fails alone, at once, with its problems in `queue status --json`; adding the same reports again builds nothing', async () => {
    const redis = await RedisServer.start();
    const project = await projectWithReports(['alpha', 'beta']);
    await addBadReport(project, 'bad');
    const specs = ['data/alpha.yaml', 'data/bad.yaml', 'data/beta.yaml'];
    const worker = new CliProcess(['worker', '--redis', redis.url, '--concurrency', '1'], project, {
      TMPDIR: await privateTmp(project),
    });
    try {
      const added = queueAddSummarySchema.parse(
        json(await queue(['add', ...specs, '--redis', redis.url, '--format', 'html', '--json'], project)),
      );
      expect(added.reports.map((r) => [r.spec, r.state])).toEqual(specs.map((s) => [s, 'queued']));

      const waited = await queue(['wait', '--redis', redis.url, '--out', 'got', '--json'], project);
      const summary: QueueWaitSummary = queueWaitSummarySchema.parse(json(waited));
      expect(waited.code).toBe(1);
      expect(summary.reports.map((r) => [r.spec, r.ok, r.exitCode])).toEqual([
        ['data/alpha.yaml', true, 0],
        ['data/bad.yaml', false, 1],
        ['data/beta.yaml', true, 0],
      ]);
      const bad = summary.reports[1]!;
      expect(bad.problems).toEqual([
        {
          file: 'data/profiles/bad.yaml',
          line: 8,
          column: 14,
          path: 'person.birthYear',
          message: 'expected a number, found the text "soon"',
          severity: 'error',
        },
      ]);
      expect(bad.error).toMatch(
        /^1 problem in the input; the first: data\/profiles\/bad\.yaml:8:14  person\.birthYear  /,
      );
      expect(summary.reports[0]!.artifacts.map((a) => a.path)).toEqual(['got/alpha.html']);
      expect(await listFiles(path.join(project, 'got'))).toEqual(['alpha.html', 'beta.html']);

      const status: QueueStatusSummary = queueStatusSummarySchema.parse(
        json(await queue(['status', '--redis', redis.url, '--json'], project)),
      );
      expect(status.counts).toEqual({ waiting: 0, active: 0, delayed: 0, completed: 2, failed: 1 });
      expect(status.workers).toBe(1);
      expect(status.failed).toEqual([
        { id: added.reports[1]!.id, spec: 'data/bad.yaml', attempts: 1, error: bad.error, problems: bad.problems },
      ]);
      const human = await queue(['status', '--redis', redis.url], project);
      expect(human.stdout).toMatch(/^failed: data\/bad\.yaml \([0-9a-f]{12}, 1 try\): 1 problem in the input/m);
      expect(human.stdout).toMatch(/^ {2}data\/profiles\/bad\.yaml:8:14 {2}person\.birthYear {2}/m);
      // A validation failure is not tried again.
      expect(worker.lines(/^building data\/bad\.yaml/)).toHaveLength(1);
      expect(worker.lines(/^failed data\/bad\.yaml .*\(not tried again: the input must change\)$/)).toHaveLength(1);

      // The same reports again: the built ones are kept and not built again; the failed one is tried afresh.
      const again = queueAddSummarySchema.parse(
        json(await queue(['add', ...specs, '--redis', redis.url, '--format', 'html', '--json'], project)),
      );
      expect(again.reports.map((r) => [r.spec, r.state, r.id])).toEqual(
        added.reports.map((r, i) => [r.spec, i === 1 ? 'queued' : 'already-built', r.id]),
      );
      const second = queueWaitSummarySchema.parse(
        json(await queue(['wait', '--redis', redis.url, '--out', 'again', '--json'], project)),
      );
      expect(second.reports.map((r) => [r.spec, r.ok])).toEqual([
        ['data/alpha.yaml', true],
        ['data/bad.yaml', false],
        ['data/beta.yaml', true],
      ]);
      for (const name of ['alpha.html', 'beta.html'])
        expect(await readFile(path.join(project, 'again', name))).toEqual(
          await readFile(path.join(project, 'got', name)),
        );
      expect(worker.lines(/^building data\/alpha\.yaml/)).toHaveLength(1);
      expect(worker.lines(/^building data\/beta\.yaml/)).toHaveLength(1);
      expect(worker.lines(/^building data\/bad\.yaml/)).toHaveLength(2);
      // Everything was collected: a third wait has nothing to wait for.
      const third = await queue(['wait', '--redis', redis.url, '--out', 'third'], project);
      expect(third.code).toBe(0);
      expect(third.stderr).toMatch(/^nothing to wait for/);
    } finally {
      await worker.stop('SIGKILL');
    }
  }, 240_000);

  it('a rendering failure is tried again with backoff, four tries in all, then kept as failed with its reason', async () => {
    const redis = await RedisServer.start();
    const project = await projectWithReports(['printed']);
    // A "Chromium" that exits at once: every print fails, as after a crash.
    const worker = new CliProcess(['worker', '--redis', redis.url, '--concurrency', '1'], project, {
      TMPDIR: await privateTmp(project),
      PUPPETEER_EXECUTABLE_PATH: '/bin/false',
    });
    try {
      await queue(['add', 'data/printed.yaml', '--redis', redis.url, '--format', 'pdf'], project);
      const started = performance.now();
      const waited = await queue(['wait', '--redis', redis.url, '--out', 'got', '--json'], project);
      expect(waited.code).toBe(3);
      const [report] = queueWaitSummarySchema.parse(json(waited)).reports;
      expect(report).toMatchObject({
        spec: 'data/printed.yaml',
        ok: false,
        exitCode: 3,
        error: expect.stringMatching(/^Chromium \(\/bin\/false\) did not start/) as string,
      });
      // Tries 2, 3 and 4 wait 1, 2 and 4 seconds.
      expect(performance.now() - started).toBeGreaterThan(7000);
      expect(worker.lines(/^building data\/printed\.yaml/)).toEqual([
        expect.stringMatching(/\)$/),
        expect.stringMatching(/, try 2 of 4$/),
        expect.stringMatching(/, try 3 of 4$/),
        expect.stringMatching(/, try 4 of 4$/),
      ]);
      const status = queueStatusSummarySchema.parse(
        json(await queue(['status', '--redis', redis.url, '--json'], project)),
      );
      expect(status.failed).toEqual([
        expect.objectContaining({ spec: 'data/printed.yaml', attempts: 4, error: report!.error }),
      ]);
      expect((await listFiles(project)).filter((f) => f.startsWith('got'))).toEqual([]);
    } finally {
      await worker.stop('SIGKILL');
    }
  }, 120_000);
});
