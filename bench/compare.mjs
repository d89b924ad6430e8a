#!/usr/bin/env node
// Two versions of the CLI, cold builds of the sample interleaved (A, B, A, B...): the medians of
// each one's process-tree CPU time (tree-cpu.pl), its Node process's own CPU time, wall time and
// stage times, with the load average before and after. For judging one change on a shared
// machine, where CPU time is the figure that holds still. Linux with perl only.
//
//   node bench/compare.mjs <checkout A> <checkout B> [runs, default 7]
//   ENV_B='{"PROFILE_REPORT_CHART_CACHE":"off"}' node bench/compare.mjs . . 7
//
// Each checkout needs its dist/ built (npm run build).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const [a, b, runs = '7'] = process.argv.slice(2);
if (!a || !b) {
  process.stderr.write('usage: node bench/compare.mjs <checkout A> <checkout B> [runs]\n');
  process.exit(2);
}
const env = { A: JSON.parse(process.env.ENV_A ?? '{}'), B: JSON.parse(process.env.ENV_B ?? '{}') };
const dir = mkdtempSync(path.join(os.tmpdir(), 'profile-report-compare-'));
cpSync(path.join(here, '..', 'data'), path.join(dir, 'data'), { recursive: true });
// Prints the Node process's own CPU time at exit, beside the tree's.
const selfCpu = path.join(dir, 'self-cpu.cjs');
writeFileSync(
  selfCpu,
  "process.on('exit', () => { const r = process.resourceUsage(); process.stderr.write(`\\nself-cpu-ms=${Math.round((r.userCPUTime + r.systemCPUTime) / 1000)}\\n`); });\n",
);

function build(checkout, extra) {
  const started = performance.now();
  const cli = path.resolve(checkout, 'bin', 'profile-report.js');
  const run = spawnSync(
    'perl',
    [path.join(here, 'tree-cpu.pl'), process.execPath, '--require', selfCpu, cli, 'build', '--json'],
    { cwd: dir, encoding: 'utf8', env: { ...process.env, ...extra } },
  );
  if (run.status !== 0) throw new Error(`${cli} build failed:\n${run.stderr}`);
  return {
    wall: performance.now() - started,
    tree: Number(/bench-tree-cpu-ms=(\d+)/.exec(run.stderr)?.[1]),
    self: Number(/self-cpu-ms=(\d+)/.exec(run.stderr)?.[1]),
    ...JSON.parse(run.stdout).reports[0].timings,
  };
}

const median = (rows, key) => {
  const v = rows.map((r) => r[key]).sort((x, y) => x - y);
  return Math.round(v.length % 2 ? v[v.length >> 1] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2);
};

try {
  const before = os.loadavg()[0];
  build(a, env.A); // once each, so both start from a warm disk cache
  build(b, env.B);
  const rows = { A: [], B: [] };
  for (let i = 0; i < Number(runs); i++) {
    rows.A.push(build(a, env.A));
    rows.B.push(build(b, env.B));
  }
  process.stdout.write(`load average ${before.toFixed(2)} → ${os.loadavg()[0].toFixed(2)}; medians of ${runs}\n`);
  for (const [name, checkout] of [
    ['A', a],
    ['B', b],
  ]) {
    const r = rows[name];
    process.stdout.write(
      `${name} (${checkout}${Object.keys(env[name]).length ? ` ${JSON.stringify(env[name])}` : ''}): tree CPU ${median(r, 'tree')} ms, Node CPU ${median(r, 'self')} ms, wall ${median(r, 'wall')} ms | load ${median(r, 'load')}, charts ${median(r, 'charts')}, html ${median(r, 'html')}, pdf ${median(r, 'pdf')} ms\n`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
