import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { queueWaitSummarySchema } from '../../src/queue/queue-schema.js';
import { privateTmp } from '../helpers/leftovers.js';
import { RedisServer } from '../helpers/redis-server.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles } from '../helpers/temp-project.js';
import { CliProcess } from './queue-processes.js';
import { projectWithReports, queue } from './queue-helpers.js';

const names = Array.from({ length: 12 }, (_, i) => `r${String(i + 1).padStart(2, '0')}`);
const htmlOnly = names.slice(0, 9);
const withPdf = names.slice(9);
const specs = (list: readonly string[]): string[] => list.map((n) => `data/${n}.yaml`);

describe('a worker killed mid-run', () => {
  it('12 reports through 2 workers, one killed by SIGKILL while building and a third started: every report arrives once, as a local build writes it', async () => {
    const redis = await RedisServer.start();
    const project = await projectWithReports(names);
    const tmp = await privateTmp(project);
    const workerArgs = ['worker', '--redis', redis.url, '--concurrency', '1', '--lost-after', '6s'];
    const first = new CliProcess(workerArgs, project, { TMPDIR: tmp });
    const second = new CliProcess(workerArgs, project, { TMPDIR: tmp });
    let third: CliProcess | undefined;
    try {
      expect((await queue(['add', ...specs(withPdf), '--redis', redis.url], project)).code).toBe(0);
      expect((await queue(['add', ...specs(htmlOnly), '--redis', redis.url, '--format', 'html'], project)).code).toBe(
        0,
      );
      const waiting = new CliProcess(['queue', 'wait', '--redis', redis.url, '--out', 'got', '--json'], project);

      // Killed outright while it builds its second report: it cannot finish it or say so.
      await first.waitFor(/^building /, 120_000, 2);
      const lost = /^building (\S+)/.exec(first.lines(/^building /).at(-1)!)![1]!;
      expect(first.building()).toBe(1);
      first.child.kill('SIGKILL');
      expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
      third = new CliProcess(workerArgs, project, { TMPDIR: tmp });

      expect(await waiting.exited).toEqual({ code: 0, signal: null });
      const summary = queueWaitSummarySchema.parse(JSON.parse(waiting.stdout));
      // Every report once: twelve outcomes, twelve specs, twelve ids, all written.
      expect(summary.reports.map((r) => r.spec).sort()).toEqual(specs(names));
      expect(new Set(summary.reports.map((r) => r.id)).size).toBe(12);
      expect(summary.reports.every((r) => r.ok)).toBe(true);
      expect(await listFiles(path.join(project, 'got'))).toEqual(
        [...names.map((n) => `${n}.html`), ...withPdf.map((n) => `${n}.pdf`)].sort(),
      );
      // The killed worker's report was built by another once its lock ran out.
      expect(
        [...second.lines(/^built /), ...third.lines(/^built /)].filter((l) => l.startsWith(`built ${lost} `)).length,
      ).toBeGreaterThanOrEqual(1);
      // The third worker removed the folder the killed one left.
      expect((await readdir(tmp)).filter((n) => n.startsWith(`profile-report-job-${first.pid}-`))).toEqual([]);

      // The same reports built here, as `build` does: the same bytes.
      expect((await runCli(['build', ...specs(htmlOnly), '--format', 'html', '--quiet'], { cwd: project })).code).toBe(
        0,
      );
      expect((await runCli(['build', ...specs(withPdf), '--quiet'], { cwd: project })).code).toBe(0);
      for (const file of await listFiles(path.join(project, 'got'))) {
        expect(
          (await readFile(path.join(project, 'got', file))).equals(await readFile(path.join(project, 'out', file))),
          file,
        ).toBe(true);
      }

      expect(await second.stop('SIGTERM')).toEqual({ code: 143, signal: null });
      expect(await third.stop('SIGTERM')).toEqual({ code: 143, signal: null });
    } finally {
      await Promise.all([first.stop('SIGKILL'), second.stop('SIGKILL'), third?.stop('SIGKILL')]);
    }
  }, 600_000);
});
