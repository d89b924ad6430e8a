import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildContext, buildReport } from '../../src/index.js';
import { writeGeneratedProject } from '../helpers/generate-profiles.js';
import { chromiumProcesses, chromiumProfileDirs, noChromiumLeft, privateTmp } from '../helpers/leftovers.js';
import { canMount, mountTmpfs, remount, unmount } from '../helpers/mounts.js';
import { fixtures } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { LiveCli } from '../helpers/spawn-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';
import { spawn } from 'node:child_process';
import { cliPath } from '../helpers/paths.js';

const oldOutputs = { 'report.html': '<p>the previous report</p>', 'report.pdf': '%PDF-1.4 the previous report %%EOF' };

async function seedOutputs(outDir: string): Promise<void> {
  for (const [name, text] of Object.entries(oldOutputs)) await writeFile(path.join(outDir, name), text);
}

async function expectOutputsKept(outDir: string): Promise<void> {
  expect((await readdir(outDir)).sort()).toEqual(Object.keys(oldOutputs).sort());
  for (const [name, text] of Object.entries(oldOutputs))
    expect(await readFile(path.join(outDir, name), 'utf8')).toBe(text);
}

async function expectNoLeftovers(tmp: string): Promise<void> {
  expect(await chromiumProcesses(tmp)).toEqual([]);
  expect(await chromiumProfileDirs(tmp)).toEqual([]);
}

/** Runs the CLI and calls `when(stderrSoFar)` on each stderr chunk until it returns true. */
function runUntil(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  when: (stderr: string, pid: number) => boolean,
): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, ...env } });
    let stderr = '';
    let fired = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (!fired && when(stderr, child.pid!)) fired = true;
    });
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('faults: each ends with a clear message, previous outputs intact, nothing left behind', () => {
  let scale: string;
  let tmp: string;

  beforeAll(async () => {
    // A report that takes seconds to print: 8 people with 200 papers each.
    scale = await tempProject({ withSample: false });
    tmp = await privateTmp(scale);
    await writeGeneratedProject(scale, 8, { papers: 200, models: 30, career: 40 });
  });

  it('Chromium killed while printing: exit 3, named as a crash', async () => {
    const out = path.join(scale, 'crash-out');
    await (await import('node:fs/promises')).mkdir(out);
    await seedOutputs(out);
    const result = await runUntil(['build', '--out', 'crash-out'], scale, { TMPDIR: tmp }, (stderr) => {
      if (!/^ {2}html /m.test(stderr)) return false;
      // The page is loading or printing now: kill this build's Chromium outright.
      setTimeout(() => spawn('pkill', ['-KILL', '-f', `${tmp}/profile-report-chromium-`]), 300);
      return true;
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /render failed: Chromium exited unexpectedly \(signal SIGKILL\) while printing the PDF/,
    );
    await expectOutputsKept(out);
    await expectNoLeftovers(tmp);
  }, 90_000);

  it('a render that hangs: the timeout kills Chromium and says so', async () => {
    const project = await tempProject();
    const ptmp = await privateTmp(project);
    await (await import('node:fs/promises')).mkdir(path.join(project, 'out'));
    await seedOutputs(path.join(project, 'out'));
    const result = await runCli(['build', '--timeout', '4'], {
      cwd: project,
      env: { TMPDIR: ptmp, PUPPETEER_EXECUTABLE_PATH: path.join(fixtures, 'bin', 'hanging-chromium.sh') },
    });
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('render failed: rendering took longer than 4 s; Chromium was stopped');
    await expectOutputsKept(path.join(project, 'out'));
    await expectNoLeftovers(ptmp);
  }, 60_000);

  it('SIGINT mid-build: exit 130, outputs kept, Chromium closed', async () => {
    const out = path.join(scale, 'sigint-out');
    await (await import('node:fs/promises')).mkdir(out);
    await seedOutputs(out);
    const result = await runUntil(['build', '--out', 'sigint-out'], scale, { TMPDIR: tmp }, (stderr, pid) => {
      if (!/^ {2}html /m.test(stderr)) return false;
      setTimeout(() => process.kill(pid, 'SIGINT'), 300);
      return true;
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('stopped by SIGINT; the previous outputs are unchanged');
    await expectOutputsKept(out);
    expect(await listFiles(out)).toEqual(['report.html', 'report.pdf']);
    await expectNoLeftovers(tmp);
  }, 90_000);

  it('SIGTERM mid-build: exit 143', async () => {
    const result = await runUntil(['build', '--out', 'sigterm-out'], scale, { TMPDIR: tmp }, (stderr, pid) => {
      if (!/^ {2}charts /m.test(stderr)) return false;
      process.kill(pid, 'SIGTERM');
      return true;
    });
    expect(result.code).toBe(143);
    await expectNoLeftovers(tmp);
  }, 90_000);

  it('a thrown error after Chromium started: nothing left behind', async () => {
    const project = await tempProject();
    const ptmp = await privateTmp(project);
    await (await import('node:fs/promises')).mkdir(path.join(project, 'broken', 'partials'), { recursive: true });
    await writeFile(path.join(project, 'broken', 'partials', 'cover.hbs'), '{{#each people}}unclosed');
    const result = await runCli(['build', '--templates', 'broken'], { cwd: project, env: { TMPDIR: ptmp } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error: template partials\/cover\.hbs cannot be compiled: /);
    await expectNoLeftovers(ptmp);
  }, 30_000);

  it('50 builds in a row on one Chromium: each ends well or says why, no page or file leaks', async () => {
    const project = await tempProject();
    const ptmp = await privateTmp(project);
    const profile = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    const good = await readFile(profile, 'utf8');
    const previousTmp = process.env['TMPDIR'];
    process.env['TMPDIR'] = ptmp;
    const context = new BuildContext();
    try {
      let lastPdf: Buffer | undefined;
      for (let i = 0; i < 50; i++) {
        // Every tenth build is an invalid edit: it must fail cleanly and keep the last outputs.
        const bad = i % 10 === 9;
        await writeFile(
          profile,
          bad ? good.replace('  headline:', '  headlin:') : good.replace('Genius Girl', `Genius Girl ${i}`),
        );
        const attempt = await buildReport({ cwd: project, write: true, context }).then(
          () => 'built',
          (error: unknown) => (error instanceof Error ? error.name : 'not an Error'),
        );
        expect(attempt, `build ${i}`).toBe(bad ? 'ValidationError' : 'built');
        const pdf = await readFile(path.join(project, 'out', 'report.pdf'));
        if (bad) expect(pdf.equals(lastPdf!), `build ${i} kept the last PDF`).toBe(true);
        lastPdf = pdf;
        const browser = await context.browser.browser();
        expect((await browser.pages()).length, `open pages after build ${i}`).toBeLessThanOrEqual(1);
      }
      expect(await listFiles(path.join(project, 'out'))).toEqual(['report.html', 'report.pdf']);
    } finally {
      await context.close();
      if (previousTmp === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = previousTmp;
    }
    await expectNoLeftovers(ptmp);
    // Fifty builds, each printing twice (the contents' page numbers): minutes on a shared machine.
  }, 420_000);
});

describe('faults on real file systems (tmpfs mounts; needs root)', () => {
  let project: string;
  let mountable = false;
  const mounted: string[] = [];

  beforeAll(async () => {
    project = await tempProject();
    mountable = await canMount(path.join(project, 'probe'));
  });

  afterAll(async () => {
    for (const dir of mounted) await unmount(dir);
  });

  it('a read-only output folder: exit 3, "read-only", outputs kept, no temporary file', async (ctx) => {
    if (!mountable) ctx.skip('mounting is not permitted here');
    const out = path.join(project, 'ro-out');
    expect(await mountTmpfs(out, 'size=8m')).toBe(true);
    mounted.push(out);
    await seedOutputs(out);
    await remount(out, 'ro');
    const result = await runCli(['build', '--out', 'ro-out'], { cwd: project });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /render failed: cannot write .*ro-out\/report\.html: the file system is read-only; the previous outputs are unchanged/,
    );
    await expectOutputsKept(out);
  }, 60_000);

  it('a full disk: exit 3, "no space left", outputs kept, no temporary file', async (ctx) => {
    if (!mountable) ctx.skip('mounting is not permitted here');
    const out = path.join(project, 'full-out');
    // Room for the old outputs and the new HTML, not for the new PDF as well.
    expect(await mountTmpfs(out, 'size=1000k')).toBe(true);
    mounted.push(out);
    await seedOutputs(out);
    const result = await runCli(['build', '--out', 'full-out'], { cwd: project });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /render failed: cannot write .*full-out\/report\.pdf: no space left on the device; the previous outputs are unchanged/,
    );
    await expectOutputsKept(out);
  }, 60_000);
});

describe('watch after a Chromium crash', () => {
  it('reports nothing wrong while idle, and the next change relaunches Chromium', async () => {
    const project = await tempProject();
    const ptmp = await privateTmp(project);
    const watch = new LiveCli(['watch', '--json', '--debounce', '100'], project, { TMPDIR: ptmp });
    try {
      expect(await watch.next()).toMatchObject({ build: 1, ok: true });
      const killer = spawn('pkill', ['-KILL', '-f', `${ptmp}/profile-report-chromium-`]);
      expect(await new Promise((resolve) => killer.on('close', resolve))).toBe(0);
      await noChromiumLeft(ptmp);
      const profile = path.join(project, 'data', 'profiles', 'zeng-yan.yaml');
      await writeFile(profile, (await readFile(profile, 'utf8')).replace('campus hire', 'campus recruit'));
      // The next line is the next build: nothing was reported while idle.
      const rebuilt = await watch.next();
      expect(rebuilt).toMatchObject({ build: 2, ok: true, changed: ['data/profiles/zeng-yan.yaml'] });
    } finally {
      expect((await watch.stop('SIGTERM')).code).toBe(143);
    }
    await expectNoLeftovers(ptmp);
  }, 60_000);
});
