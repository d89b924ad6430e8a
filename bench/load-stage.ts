/**
 * The load stage of a build of the sample, alone: what `timings.load` and `timings.templates`
 * measure in `build --json`, without Chromium starting beside it. A CLI build runs the load
 * stage once, cold (nothing compiled by V8 yet, nothing cached), so the figure that matters is
 * the first call in a fresh process; the warm calls after it show how much of that is warm-up.
 *
 *   npm run build && npx tsx bench/load-stage.ts [processes, default 20] [warm calls, default 10] [checkout...]
 *
 * Runs the compiled `dist/` (what the CLI runs) of this checkout, or of each checkout given
 * (each needs its dist/ built), the processes one after the other, and prints the medians with
 * the load average before and after. To judge a change on a shared machine, give two
 * checkouts: their processes are interleaved, so both see the same load.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface ChildResult {
  /** Importing the load stage's modules (dist/load/load-report.js and everything it imports). */
  importMs: number;
  /** The first loadReport: spec and profiles (`load`), then templates and messages (`templates`). */
  cold: { load: number; templates: number; total: number; cpuMs: number };
  /** The median of the calls after the first. */
  warm: number;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Extra flags for the measured processes, e.g. BENCH_NODE_FLAGS=--cpu-prof to profile them. */
const nodeFlags = (process.env['BENCH_NODE_FLAGS'] ?? '').split(' ').filter(Boolean);

const round = (ms: number): number => Math.round(ms * 10) / 10;

/**
 * One process's measurement, run by plain `node` (not tsx, whose loader would sit in the
 * process being measured): import the load stage, time the first call, then the warm ones.
 */
const childScript = `
const [dist, cwd, warmCalls] = process.argv.slice(1);
const started = performance.now();
const { loadReport } = await import(dist + '/load/load-report.js');
const { readInputFile } = await import(dist + '/load/read-input-file.js');
const importMs = performance.now() - started;
const options = { cwd, today: '2026-11-23' };
const stages = { load: 0, templates: 0 };
const cpu = process.cpuUsage();
const first = performance.now();
await loadReport(options, readInputFile, undefined, { onStage: (stage, ms) => { stages[stage] = ms; } });
const total = performance.now() - first;
const used = process.cpuUsage(cpu);
const cpuMs = (used.user + used.system) / 1000;
const warm = [];
// No validation cache, so every call parses and checks everything again, as the one build of a CLI run does.
for (let i = 0; i < Number(warmCalls); i++) {
  const t = performance.now();
  await loadReport(options, readInputFile, undefined);
  warm.push(performance.now() - t);
}
warm.sort((a, b) => a - b);
process.stdout.write(JSON.stringify({ importMs, cold: { ...stages, total, cpuMs }, warm: warm[warm.length >> 1] ?? 0 }) + '\\n');
`;

function measure(checkout: string, dir: string, warmCalls: number): ChildResult {
  const dist = pathToFileURL(path.join(checkout, 'dist')).href;
  const run = spawnSync(
    process.execPath,
    [...nodeFlags, '--input-type=module', '-e', childScript, dist, dir, String(warmCalls)],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`the load-stage bench process failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

/** Each checkout's processes interleaved (A, B, A, B...), so a change in the machine's load falls on all. */
function parent(processes: number, warmCalls: number, checkouts: readonly string[]): void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'profile-report-load-bench-'));
  cpSync(path.join(root, 'data'), path.join(dir, 'data'), { recursive: true });
  const loadBefore = os.loadavg()[0]!;
  const results = checkouts.map((): ChildResult[] => []);
  try {
    for (let i = 0; i < processes; i++)
      checkouts.forEach((checkout, c) => results[c]!.push(measure(checkout, dir, warmCalls)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const loadAfter = os.loadavg()[0]!;
  const lines = [
    `load stage of the sample, ${processes} fresh processes each, medians (ms); load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after`,
  ];
  checkouts.forEach((checkout, c) => {
    const of = (pick: (r: ChildResult) => number): number => round(median(results[c]!.map(pick)));
    lines.push(
      checkout,
      `  import of the load modules  ${of((r) => r.importMs)}`,
      `  cold: load ${of((r) => r.cold.load)}, templates ${of((r) => r.cold.templates)}, loadReport ${of((r) => r.cold.total)} (CPU time, V8's background compiler included, ${of((r) => r.cold.cpuMs)})`,
      `  warm loadReport (median of ${warmCalls} calls after the first)  ${of((r) => r.warm)}`,
    );
  });
  process.stdout.write(`${lines.join('\n')}\n`);
}

const args = process.argv.slice(2);
const checkouts = args.slice(2).map((c) => path.resolve(c));
parent(Number(args[0] ?? 20), Number(args[1] ?? 10), checkouts.length > 0 ? checkouts : [root]);
