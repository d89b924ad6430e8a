import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { queueAddSummarySchema, queueStatusSummarySchema } from '../../src/queue/queue-schema.js';
import { chromiumProcesses, chromiumProfileDirs, privateTmp } from '../helpers/leftovers.js';
import { RedisServer } from '../helpers/redis-server.js';
import { listFiles } from '../helpers/temp-project.js';
import { CliProcess } from './queue-processes.js';
import { json, projectWithReports, queue } from './queue-helpers.js';

describe('stopping a worker', () => {
  it('SIGTERM lets the report being built finish, then the worker exits 143 leaving no Chromium or folder behind', async () => {
    const redis = await RedisServer.start();
    const project = await projectWithReports(['long', 'next']);
    const tmp = await privateTmp(project);
    const worker = new CliProcess(['worker', '--redis', redis.url, '--concurrency', '1'], project, { TMPDIR: tmp });
    try {
      const added = queueAddSummarySchema.parse(
        json(await queue(['add', 'data/long.yaml', 'data/next.yaml', '--redis', redis.url, '--json'], project)),
      );
      await worker.waitFor(/^building data\/long\.yaml/);
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toEqual({ code: 143, signal: null });
      const lines = worker.lines(/^(?!note: )/).filter(Boolean);
      expect(lines.slice(lines.findIndex((l) => l.startsWith('SIGTERM')))).toEqual([
        'SIGTERM: finishing the report being built, then stopping (send it again to stop at once)',
        expect.stringMatching(/^built data\/long\.yaml \([0-9a-f]{12}\) in \d+\.\d\d s$/),
        'stopped by SIGTERM',
      ]);
      // It took no new report after the signal.
      expect(worker.lines(/^building data\/next\.yaml/)).toEqual([]);
      expect(await chromiumProfileDirs(tmp)).toEqual([]);
      expect(await chromiumProcesses(tmp)).toEqual([]);
      expect((await readdir(tmp)).filter((n) => n.startsWith('profile-report-job-'))).toEqual([]);

      // The finished report is there to collect; the other still waits for a worker.
      const status = queueStatusSummarySchema.parse(
        json(await queue(['status', '--redis', redis.url, '--json'], project)),
      );
      expect(status.counts).toMatchObject({ completed: 1, waiting: 1, active: 0 });
      const done = await queue(['wait', added.reports[0]!.id!, '--redis', redis.url, '--out', 'got'], project);
      expect(done.code).toBe(0);
      expect(await listFiles(path.join(project, 'got'))).toEqual(['long.html', 'long.pdf']);
    } finally {
      await worker.stop('SIGKILL');
    }
  }, 300_000);
});

describe('Redis going away during a run', () => {
  it('the workers and `queue wait` say so, wait for it, and go on: every report arrives', async () => {
    const redis = await RedisServer.start();
    const names = ['a1', 'a2', 'a3', 'a4', 'a5'];
    const project = await projectWithReports(names);
    const worker = new CliProcess(
      ['worker', '--redis', redis.url, '--concurrency', '1', '--lost-after', '6s'],
      project,
      { TMPDIR: await privateTmp(project) },
    );
    try {
      await queue(['add', ...names.map((n) => `data/${n}.yaml`), '--redis', redis.url, '--format', 'html'], project);
      const waiting = new CliProcess(['queue', 'wait', '--redis', redis.url, '--out', 'got'], project);
      // Both are connected and working: a report was built and collected.
      await waiting.waitFor(/^wrote /, 120_000);
      await redis.stop();
      await worker.waitFor(
        /^cannot reach Redis at redis:\/\/127\.0\.0\.1:\d+: .*; trying again until it answers$/,
        30_000,
      );
      await waiting.waitFor(
        /^lost the connection to Redis at redis:\/\/127\.0\.0\.1:\d+ \(.*\); waiting for it to come back$/,
        30_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 2000));
      await redis.restart();
      await worker.waitFor(/^Redis at redis:\/\/127\.0\.0\.1:\d+ is back; taking jobs again$/, 30_000);
      await waiting.waitFor(/^Redis at redis:\/\/127\.0\.0\.1:\d+ is back$/, 30_000);

      expect(await waiting.exited).toEqual({ code: 0, signal: null });
      expect(waiting.lines(/^wrote /).sort()).toEqual(names.map((n) => `wrote got/${n}.html (data/${n}.yaml)`));
      expect(waiting.lines(/reports written/)).toEqual(['5 of 5 reports written to got.']);
      expect(await listFiles(path.join(project, 'got'))).toEqual(names.map((n) => `${n}.html`));
      // One message per outage, not one per retry.
      expect(worker.lines(/^cannot reach Redis/)).toHaveLength(1);
      expect(waiting.lines(/^lost the connection/)).toHaveLength(1);
    } finally {
      await worker.stop('SIGKILL');
    }
  }, 300_000);
});
