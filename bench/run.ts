/**
 * `npm run bench`: what we claim about speed, measured side by side in one run on this machine.
 * Each measurement is the median of several runs, the build and its floor interleaved so that
 * noise from a shared machine falls on both. Prints a Markdown report for the README.
 *
 * Wall time is what a user waits, but on a shared machine it stretches with everyone else's
 * work, so the 1-minute load average is recorded before and after every run, and so is the CPU
 * time other processes took while each run was measured. A busy machine (load above 0.3 at the
 * start, or others taking more than a tenth of a core during the runs) gets its figures printed
 * but no ratio: they are not comparable with a quiet machine's. Beside wall time each run's CPU time is
 * printed (user + sys of the whole process tree, Chromium's processes included; see
 * tree-cpu.pl), which a busy machine disturbs far less: the instrument to use while it is busy.
 *
 *   npm run bench                  everything (a few minutes)
 *   BENCH_ONLY=cold npm run bench  the cold build against the floor only
 *   BENCH_RUNS=9                   runs per measurement (default 5)
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeGeneratedProject } from '../tests/helpers/generate-profiles.js';
import { measurePreview, previewTable } from './preview.js';
import { measureQueue, queueTable } from './queue.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'profile-report.js');
const runs = Number(process.env['BENCH_RUNS'] ?? 5);
const only = process.env['BENCH_ONLY'];
/** A quiet machine's 1-minute load average is at most this. */
const quietLoad = 0.3;
/** ...and while the bench runs, other processes take at most this share of one core. */
const quietOthers = 0.1;

/** Whether process-tree CPU time can be measured here (Linux with perl: see tree-cpu.pl). */
const treeCpu = os.platform() === 'linux' && treeCpuWorks();

function treeCpuWorks(): boolean {
  const probe = spawnSync('perl', [path.join(root, 'bench', 'tree-cpu.pl'), 'true'], { encoding: 'utf8' });
  // Without perl the spawn fails and there is no stderr at all (Node's types say a string).
  return probe.error === undefined && probe.stderr.includes('bench-tree-cpu-ms=');
}

/** The 1-minute load average of every run, in order. */
const loads: number[] = [];
const load = (): number => {
  const now = os.loadavg()[0]!;
  loads.push(now);
  return now;
};

interface Timed {
  ms: number;
  /** User + sys CPU time of the whole process tree (undefined where it cannot be measured). */
  cpuMs?: number;
  stdout: string;
  stderr: string;
  peakKib?: number;
}

/**
 * The machine's busy CPU time so far, all processes (from /proc/stat), in ms; undefined where
 * there is no /proc. During a measured run, this less the run's own tree CPU time is what other
 * processes took: the bench's own builds raise the load average, so that cannot tell whether
 * something else ran beside them, but this can.
 */
function machineBusyMs(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: all but idle and iowait are work.
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = fields;
    return ((user + nice + system + irq + softirq + steal) * 1000) / clockTicks;
  } catch {
    return undefined;
  }
}
const clockTicks = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/** What other processes took during the measured runs: CPU ms, and the runs' wall ms. */
const others = { cpuMs: 0, wallMs: 0 };

/** Runs a command to completion: wall time from spawn to exit, and its process tree's CPU time. */
function timed(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Timed> {
  load();
  const busyBefore = machineBusyMs();
  return new Promise((resolve, reject) => {
    const node = [process.execPath, '--require', path.join(root, 'bench', 'peak-memory.cjs'), ...args];
    const [command, ...rest] = treeCpu ? ['perl', path.join(root, 'bench', 'tree-cpu.pl'), ...node] : node;
    const started = performance.now();
    const child = spawn(command!, rest, { cwd, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => {
      const ms = performance.now() - started;
      load();
      if (code !== 0) reject(new Error(`${args.join(' ')} exited ${code}\n${stderr}`));
      const peak = /bench-peak-rss-kib=(\d+)/.exec(stderr)?.[1];
      const cpu = /bench-tree-cpu-ms=(\d+)/.exec(stderr)?.[1];
      const busyAfter = machineBusyMs();
      if (cpu !== undefined && busyBefore !== undefined && busyAfter !== undefined) {
        others.cpuMs += Math.max(0, busyAfter - busyBefore - Number(cpu));
        others.wallMs += ms;
      }
      resolve({
        ms,
        stdout,
        stderr,
        ...(peak ? { peakKib: Number(peak) } : {}),
        ...(cpu ? { cpuMs: Number(cpu) } : {}),
      });
    });
  });
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mib = (kib: number): string => `${(kib / 1024).toFixed(0)} MiB`;

async function project(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'profile-report-bench-'));
  await cp(path.join(root, 'data'), path.join(dir, 'data'), { recursive: true });
  return dir;
}

interface Series {
  wall: number[];
  cpu: number[];
}
const series = (): Series => ({ wall: [], cpu: [] });
const add = (to: Series, run: Timed): void => {
  to.wall.push(run.ms);
  if (run.cpuMs !== undefined) to.cpu.push(run.cpuMs);
};
/** "2.20 s wall, 4.40 s CPU" as medians. */
const both = (of: Series): string => `${s(median(of.wall))}${of.cpu.length ? ` wall, ${s(median(of.cpu))} CPU` : ''}`;
const each = (of: Series): string =>
  of.wall.map((w, i) => (of.cpu[i] === undefined ? s(w) : `${s(w)} (${s(of.cpu[i])} CPU)`)).join(', ');

/** Cold builds of the sample and the floor, interleaved: build, floor, build, floor... */
async function coldBuilds(dir: string): Promise<{
  floor: Series;
  build: Series;
  first: Series;
  drawn: Series;
  stages: Record<string, number>[];
  peak: number[];
}> {
  await timed([cli, 'build', '--quiet'], dir); // once, so both start from a warm disk cache
  const html = path.join(dir, 'out', 'report.html');
  const result = {
    floor: series(),
    build: series(),
    first: series(),
    drawn: series(),
    stages: [] as Record<string, number>[],
    peak: [] as number[],
  };
  for (let i = 0; i < runs; i++) {
    const build = await timed([cli, 'build', '--json'], dir);
    add(result.build, build);
    result.stages.push(
      (JSON.parse(build.stdout) as { reports: { timings: Record<string, number> }[] }).reports[0]!.timings,
    );
    if (build.peakKib) result.peak.push(build.peakKib);
    add(result.floor, await timed([path.join(root, 'bench', 'floor.mjs'), html, path.join(dir, 'floor.pdf')], dir));
    // The same with an empty chart cache: every chart drawn, as after an edit to all the data.
    const empty = await mkdtemp(path.join(os.tmpdir(), 'profile-report-bench-charts-'));
    add(result.drawn, await timed([cli, 'build', '--quiet'], dir, { PROFILE_REPORT_CHART_CACHE: empty }));
    await rm(empty, { recursive: true, force: true });
    if (only === 'cold') continue;
    // A first build: no previous PDF to take the contents' pages from, so it prints twice.
    await rm(path.join(dir, 'out', 'report.pdf'), { force: true });
    add(result.first, await timed([cli, 'build', '--quiet'], dir));
  }
  return result;
}

/** Edit a profile in a running watch session; time from the edit to the new PDF on disk. */
async function watchRebuilds(dir: string): Promise<number[]> {
  const child = spawn(process.execPath, [cli, 'watch', '--json'], { cwd: dir });
  const lines: string[] = [];
  let wake: (() => void) | undefined;
  let buffer = '';
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      lines.push(buffer.slice(0, nl));
      buffer = buffer.slice(nl + 1);
      wake?.();
    }
  });
  const next = async (): Promise<{ ok: boolean }> => {
    while (lines.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return JSON.parse(lines.shift()!) as { ok: boolean };
  };
  try {
    await next();
    const profile = path.join(dir, 'data', 'profiles', 'zeng-yan.yaml');
    const original = await readFile(profile, 'utf8');
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = performance.now();
      await writeFile(profile, original.replace('campus hire', `campus hire ${i}`));
      const line = await next();
      if (!line.ok) throw new Error('a watch rebuild failed');
      times.push(performance.now() - started);
    }
    await writeFile(profile, original);
    return times;
  } finally {
    child.kill('SIGINT');
    await new Promise((resolve) => child.on('close', resolve));
  }
}

/** Twenty report specs in one build run. */
async function batch(dir: string): Promise<number[]> {
  const spec = await readFile(path.join(dir, 'data', 'report.yaml'), 'utf8');
  const specs: string[] = [];
  for (let i = 1; i <= 20; i++) {
    const file = path.join('data', `batch-${i}.yaml`);
    await writeFile(path.join(dir, file), spec.replace('name: report', `name: batch-${i}`));
    specs.push(file);
  }
  const times: number[] = [];
  for (let i = 0; i < Math.max(1, Math.ceil(runs / 2)); i++)
    times.push((await timed([cli, 'build', '--quiet', ...specs], dir)).ms);
  return times;
}

/** One build of a generated project: wall time and Node's peak memory. */
async function generated(
  people: number,
  papers: number,
  models = 5,
  career = 5,
): Promise<{ ms: number; peakKib: number }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'profile-report-bench-scale-'));
  try {
    await writeGeneratedProject(dir, people, { papers, models, career });
    const result = await timed([cli, 'build', '--quiet', 'data/report.yaml'], dir);
    return { ms: result.ms, peakKib: result.peakKib ?? 0 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function chromiumVersion(): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn(process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium', ['--version']);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('close', () => resolve(out.trim() || 'unknown'));
    child.on('error', () => resolve('unknown'));
  });
}

/**
 * Waits (up to three minutes) for the 1-minute load average to fall to a quiet machine's: the
 * set-up that `npm run bench` runs first (compiling TypeScript) lifts it by itself, and a figure
 * taken straight after would count the bench's own preparation as someone else's work.
 */
async function settledLoad(): Promise<number> {
  const deadline = Date.now() + 180_000;
  let now = os.loadavg()[0]!;
  if (now > quietLoad) process.stderr.write(`bench: load average ${now.toFixed(2)}; waiting for it to settle\n`);
  while (now > quietLoad && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5000));
    now = os.loadavg()[0]!;
  }
  return now;
}

const dir = await project();
try {
  await settledLoad();
  const startLoad = load();
  process.stderr.write(
    `bench: ${runs} runs each on ${os.cpus().length} cores, load average ${startLoad.toFixed(2)}; this takes ${only === 'cold' ? 'a minute or two' : 'a few minutes'}\n`,
  );
  const cold = await coldBuilds(dir);
  process.stderr.write('bench: cold builds done\n');
  const floor = median(cold.floor.wall);
  const build = median(cold.build.wall);
  const stage = (name: string): number => median(cold.stages.map((t) => t[name] ?? 0));
  const cpuShown = cold.build.cpu.length > 0;

  const rest = only === 'cold' ? undefined : await otherMeasurements(dir);
  const endLoad = load();
  const peakLoad = Math.max(...loads);
  // Busy: a ratio of two stretched figures says little about a quiet machine (the floor
  // stretches more than the build, and the ratio shrinks), so none is printed. Busy is a load
  // above 0.3 before the bench starts, or other processes taking more than a tenth of a core
  // while the runs were measured (the load average during the bench counts the bench itself).
  const othersShare = others.wallMs > 0 ? others.cpuMs / others.wallMs : 0;
  const busy = startLoad > quietLoad || othersShare > quietOthers;
  const ratio = (value: number, target: number): string =>
    busy
      ? 'not comparable (machine busy)'
      : `${value.toFixed(2)} (target ≤ ${target}) ${value <= target ? 'met' : 'MISSED'}`;

  const lines = [
    `Measured on ${new Date().toISOString().slice(0, 10)}: ${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, ${await chromiumVersion()}. Medians of ${runs} runs.`,
    '',
    `Load average (1 minute): ${startLoad.toFixed(2)} at the start, ${endLoad.toFixed(2)} at the end, at most ${peakLoad.toFixed(2)} between runs. Other processes took ${(othersShare * 100).toFixed(1)}% of a core while the runs were measured. ${busy ? `**The machine was busy (load above ${quietLoad} at the start, or other processes above ${quietOthers * 100}% of a core during the runs): these figures are not comparable with a quiet machine's, and no ratio is given. Compare CPU times, which a busy machine disturbs far less.**` : 'A quiet machine.'}`,
    '',
    `| measurement | median | runs${cpuShown ? ' (CPU time: user + sys of every process, Chromium included)' : ''} |`,
    '| --- | --- | --- |',
    `| (a) floor: bare Chromium launch, load the same HTML, print | ${both(cold.floor)} | ${each(cold.floor)} |`,
    `| (b) cold \`profile-report build\` of the sample, start to PDF on disk (a re-run: the contents' pages come from the previous PDF, one print; the charts from the chart cache) | ${both(cold.build)} | ${each(cold.build)} |`,
    `| (b1) the same with an empty chart cache (every chart drawn) | ${both(cold.drawn)} | ${each(cold.drawn)} |`,
    ...(rest
      ? [
          `| (b2) the same with no previous PDF (a first build: two prints) | ${both(cold.first)} | ${each(cold.first)} |`,
          `| (c) watch rebuild, edit to new PDF on disk (includes the 120 ms debounce) | ${s(median(rest.rebuilds))} | ${rest.rebuilds.map(s).join(', ')} |`,
          `| (d) batch of 20 report specs, one run | ${s(median(rest.batches))} | ${rest.batches.map(s).join(', ')} |`,
        ]
      : []),
    '',
    '| ratio | value |',
    '| --- | --- |',
    `| build / floor (wall) | ${ratio(build / floor, 1.2)} |`,
    `| build with every chart drawn / floor (wall) | ${busy ? 'not comparable (machine busy)' : `${(median(cold.drawn.wall) / floor).toFixed(2)} (no target)`} |`,
    ...(cpuShown && !busy
      ? [`| build / floor (CPU) | ${(median(cold.build.cpu) / median(cold.floor.cpu)).toFixed(2)} (no target) |`]
      : []),
    ...(rest && !busy
      ? [
          `| first build / floor | ${(median(cold.first.wall) / floor).toFixed(2)} (no target: the contents' pages are learnt by a second print) |`,
          `| rebuild / build | ${ratio(median(rest.rebuilds) / build, 0.35)} |`,
          `| batch of 20 / single build | ${ratio(median(rest.batches) / build, 5)} |`,
        ]
      : []),
    '',
    `(e) Share of a cold build (stage medians, of ${s(build)} wall time): load ${s(stage('load'))}, charts ${s(stage('charts'))}, templates ${s(stage('templates'))}, derive ${s(stage('derive'))}, HTML ${s(stage('html'))}, printing ${s(stage('pdf'))}, preflight ${s(stage('preflight'))}, write ${s(stage('write'))}; the rest (${s(build - stage('total'))}) is Node's start, loading the program, and closing Chromium. Chromium starts while inputs load and charts draw.`,
    '',
    `(f) Peak memory of the Node process: sample build ${mib(median(cold.peak))}${rest ? `; 8 people × 200 papers, 30 models, 40 roles: ${mib(rest.scale.peakKib)}` : ''}.`,
    ...(rest ? ['', ...restLines(rest)] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await rm(dir, { recursive: true, force: true });
}

/** Everything but the cold build: watch, preview, batch, scale, queue. */
async function otherMeasurements(dir: string) {
  load();
  const rebuilds = await watchRebuilds(dir);
  process.stderr.write('bench: watch rebuilds done\n');
  load();
  const preview = await measurePreview(Math.max(runs, 10));
  process.stderr.write('bench: live preview done\n');
  const batches = await batch(dir);
  process.stderr.write('bench: batch done\n');
  const scale = await generated(8, 200, 30, 40);
  const byPeople = [];
  for (const people of [2, 4, 8]) byPeople.push({ people, ...(await generated(people, 50)) });
  const byPapers = [];
  for (const papers of [10, 50, 100, 200]) byPapers.push({ papers, ...(await generated(2, papers)) });
  process.stderr.write('bench: scale done\n');
  load();
  const queued = await measureQueue(
    Number(process.env['BENCH_QUEUE_REPORTS'] ?? 40),
    Number(process.env['BENCH_QUEUE_JOBS'] ?? 200),
  );
  return { rebuilds, preview, batches, scale, byPeople, byPapers, queued };
}

function restLines(rest: Awaited<ReturnType<typeof otherMeasurements>>): string[] {
  const { scale, byPeople, byPapers, preview, queued } = rest;
  return [
    '| scale (generated; one run each) | build time | peak memory |',
    '| --- | --- | --- |',
    `| 8 people × (200 papers, 30 models, 40 roles) | ${s(scale.ms)} | ${mib(scale.peakKib)} |`,
    ...byPeople.map(
      (r) => `| ${r.people} people × 50 papers | ${s(r.ms)} (${s(r.ms / r.people)} per person) | ${mib(r.peakKib)} |`,
    ),
    ...byPapers.map(
      (r) =>
        `| 2 people × ${r.papers} papers | ${s(r.ms)} (${(r.ms / (2 * r.papers)).toFixed(1)} ms per paper) | ${mib(r.peakKib)} |`,
    ),
    '',
    `(g) Live preview (\`watch --serve\`, target: the edit shown within about 150 ms of the save on a quiet machine): medians of ${preview.totals.length} saves (alone: \`npx tsx bench/preview.ts [runs]\`).`,
    '',
    previewTable(preview),
    '',
    `(h) Builds through the queue (\`worker\`, \`queue add\`, \`queue wait\`, a local redis-server), against one \`build\` of the same reports; then one worker's memory as it builds ${queued.memory.at(-1)?.built ?? 0} reports (alone: \`npx tsx bench/queue.ts [reports] [jobs]\`).`,
    '',
    ...queueTable(queued),
  ];
}
