/**
 * The queue against a local batch, on this machine: the same N reports (default 40, HTML and
 * PDF) built by one `build` run, through one worker, and through two; reports per second and
 * the ratio of each to the batch (target: the queue costs under 10% over a local batch on one
 * machine). Then a worker's memory over M jobs (default 200): Node and its Chromium, sampled as
 * the jobs are built, to show that it does not grow (Chromium is replaced every
 * `--restart-after` jobs, 100 by default).
 *
 *   npx tsx bench/queue.ts [reports] [memoryJobs]     (also part of `npm run bench`)
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { RedisServer } from '../tests/helpers/redis-server.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'profile-report.js');
const restartAfter = 100;

export interface QueueBench {
  readonly reports: number;
  readonly batchMs: number;
  readonly oneWorkerMs: number;
  readonly twoWorkersMs: number;
  readonly memory: readonly MemorySample[];
}

export interface MemorySample {
  readonly built: number;
  readonly nodeKib: number;
  readonly chromiumKib: number;
}

/** A copy of the sample with `count` report specs, each its own report. */
async function project(count: number): Promise<{ dir: string; specs: string[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'profile-report-bench-queue-'));
  await cp(path.join(root, 'data'), path.join(dir, 'data'), { recursive: true });
  const spec = await readFile(path.join(dir, 'data', 'report.yaml'), 'utf8');
  const specs: string[] = [];
  for (let i = 1; i <= count; i++) {
    const name = `q${String(i).padStart(3, '0')}`;
    await writeFile(
      path.join(dir, 'data', `${name}.yaml`),
      spec.replace('name: report', `name: ${name}`).replace(/^title: .*$/m, `title: "Report ${i}: two balance points"`),
    );
    specs.push(path.join('data', `${name}.yaml`));
  }
  return { dir, specs };
}

/** Runs the CLI to its end; wall time. */
function run(args: readonly string[], cwd: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cli, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`${args.join(' ')} exited ${code}\n${stderr}`)),
    );
  });
}

interface Worker {
  readonly child: ChildProcess;
  stderr: string;
}

async function startWorker(redis: RedisServer, concurrency: number, cwd: string): Promise<Worker> {
  const child = spawn(
    process.execPath,
    [
      cli,
      'worker',
      '--redis',
      redis.url,
      '--concurrency',
      String(concurrency),
      '--restart-after',
      String(restartAfter),
    ],
    { cwd, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const worker: Worker = { child, stderr: '' };
  child.stderr.on('data', (d: Buffer) => (worker.stderr += d.toString()));
  while (!worker.stderr.includes('taking jobs')) {
    if (child.exitCode !== null) throw new Error(`the worker exited:\n${worker.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return worker;
}

async function stopWorkers(workers: readonly Worker[]): Promise<void> {
  await Promise.all(
    workers.map(
      (w) =>
        new Promise((resolve) =>
          w.child.exitCode !== null ? resolve(null) : (w.child.once('close', resolve), w.child.kill('SIGTERM')),
        ),
    ),
  );
}

/**
 * The reports through `count` workers started beforehand (idle, Chromium not yet launched, as
 * a batch's is not): from `queue add` to the last report written by `queue wait`. The workers
 * share the cores: one worker builds one report per core at a time, as a batch does; two build
 * half as many each.
 */
async function throughWorkers(dir: string, specs: readonly string[], count: number): Promise<number> {
  const redis = await RedisServer.start();
  const cores = os.availableParallelism();
  const workers: Worker[] = [];
  try {
    for (let i = 0; i < count; i++) workers.push(await startWorker(redis, Math.max(1, Math.round(cores / count)), dir));
    const started = performance.now();
    await run(['queue', 'add', ...specs, '--redis', redis.url], dir);
    await run(['queue', 'wait', '--redis', redis.url, '--out', `got-${count}`, '--quiet'], dir);
    return performance.now() - started;
  } finally {
    await stopWorkers(workers);
    await redis.dispose();
  }
}

/**
 * Memory of a process alone, and of all its descendants (Chromium), in KiB: proportional set
 * size, so pages Chromium's processes share are counted once, not once per process.
 */
async function memoryOf(pid: number): Promise<{ nodeKib: number; childrenKib: number }> {
  const parents = new Map<number, number>();
  for (const name of await readdir('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const stat = await readFile(`/proc/${name}/stat`, 'utf8').catch(() => '');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid) parents.set(Number(name), ppid);
  }
  const pss = async (p: number): Promise<number> =>
    Number(/^Pss:\s+(\d+)/m.exec(await readFile(`/proc/${p}/smaps_rollup`, 'utf8').catch(() => ''))?.[1] ?? 0);
  const descendants = new Set<number>();
  for (let grew = true; grew;) {
    grew = false;
    for (const [child, parent] of parents) {
      if ((parent === pid || descendants.has(parent)) && !descendants.has(child)) {
        descendants.add(child);
        grew = true;
      }
    }
  }
  let childrenKib = 0;
  for (const p of descendants) childrenKib += await pss(p);
  return { nodeKib: await pss(pid), childrenKib };
}

/** One worker (one report per core at a time) building `jobs` reports; its memory every tenth of the way. */
async function workerMemory(jobs: number): Promise<MemorySample[]> {
  const { dir, specs } = await project(jobs);
  const redis = await RedisServer.start();
  let worker: Worker | undefined;
  try {
    worker = await startWorker(redis, os.availableParallelism(), dir);
    await run(['queue', 'add', ...specs, '--redis', redis.url], dir);
    const samples: MemorySample[] = [];
    const step = Math.max(1, Math.round(jobs / 10));
    for (let next = step; ;) {
      const built = (worker.stderr.match(/^built /gm) ?? []).length;
      if (built >= next || built >= jobs) {
        const memory = await memoryOf(worker.child.pid!);
        samples.push({ built, nodeKib: memory.nodeKib, chromiumKib: memory.childrenKib });
        next = built + step;
        if (built >= jobs) break;
      }
      if (worker.child.exitCode !== null || /^failed /m.test(worker.stderr))
        throw new Error(`the worker failed:\n${worker.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return samples;
  } finally {
    if (worker) await stopWorkers([worker]);
    await redis.dispose();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function measureQueue(reports = 40, memoryJobs = 200): Promise<QueueBench> {
  const { dir, specs } = await project(reports);
  try {
    await run(['build', '--quiet', specs[0]!], dir); // once, so every run starts from a warm disk cache
    const batchMs = await run(['build', '--quiet', ...specs], dir);
    process.stderr.write(`bench: queue: local batch of ${reports} done\n`);
    const oneWorkerMs = await throughWorkers(dir, specs, 1);
    process.stderr.write('bench: queue: one worker done\n');
    const twoWorkersMs = await throughWorkers(dir, specs, 2);
    process.stderr.write('bench: queue: two workers done\n');
    const memory = await workerMemory(memoryJobs);
    process.stderr.write(`bench: queue: memory over ${memoryJobs} jobs done\n`);
    return { reports, batchMs, oneWorkerMs, twoWorkersMs, memory };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export function queueTable(bench: QueueBench): string[] {
  const perSecond = (ms: number): string => (bench.reports / (ms / 1000)).toFixed(2);
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  const mib = (kib: number): string => `${Math.round(kib / 1024)} MiB`;
  const ratio = (ms: number): string => (ms / bench.batchMs).toFixed(2);
  const first = bench.memory[0];
  const last = bench.memory.at(-1);
  return [
    `| ${bench.reports} reports (HTML and PDF) | time | reports/s | / local batch |`,
    '| --- | --- | --- | --- |',
    `| local batch: one \`build\` of all | ${s(bench.batchMs)} | ${perSecond(bench.batchMs)} | 1.00 |`,
    `| queue, 1 worker (${os.availableParallelism()} at a time): add to last written | ${s(bench.oneWorkerMs)} | ${perSecond(bench.oneWorkerMs)} | ${ratio(bench.oneWorkerMs)} (target < 1.10) ${bench.oneWorkerMs / bench.batchMs < 1.1 ? 'met' : 'MISSED'} |`,
    `| queue, 2 workers on this machine (half as many each) | ${s(bench.twoWorkersMs)} | ${perSecond(bench.twoWorkersMs)} | ${ratio(bench.twoWorkersMs)} |`,
    '',
    `| jobs built by one worker | worker (Node), PSS | its Chromium, PSS |`,
    '| --- | --- | --- |',
    ...bench.memory.map((m) => `| ${m.built} | ${mib(m.nodeKib)} | ${mib(m.chromiumKib)} |`),
    '',
    first && last
      ? `Memory from the first sample to the last: Node ${mib(first.nodeKib)} → ${mib(last.nodeKib)}, Chromium ${mib(first.chromiumKib)} → ${mib(last.chromiumKib)} (a fresh Chromium every ${restartAfter} jobs).`
      : '',
  ];
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const bench = await measureQueue(Number(process.argv[2] ?? 40), Number(process.argv[3] ?? 200));
  process.stdout.write(`${queueTable(bench).join('\n')}\n`);
}
