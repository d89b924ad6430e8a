/**
 * How long `watch --serve` takes to show a saved edit, and where the time goes. Starts the real
 * CLI on a copy of the sample, opens the preview in headless Chromium, saves an edit to a
 * profile `runs` times and times each save until the new text is in the page with its fonts
 * ready. The watch's JSON lines say when it saw the change and how long each stage took; the
 * page's navigation timing says when the reload began and what it spent. All marks are wall
 * clock on one machine, so they line up.
 *
 *   npx tsx bench/preview.ts [runs]     (also part of `npm run bench`)
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { launch } from 'puppeteer-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cli = path.join(root, 'bin', 'profile-report.js');

/** One save: milliseconds from the save to the end of each part, in order. */
export type PreviewRun = Record<string, number>;

export const previewParts = [
  ['file event', 'save until the watcher reports the change'],
  ['debounce', 'quiet time (and any wait for a half-written file) before the build starts'],
  ['load', 'read and validate the inputs'],
  ['derive', 'view model and chart specs'],
  ['charts', 'draw the charts whose data changed'],
  ['templates', 'read and check the template set'],
  ['html', 'render the templates, font CSS, safety check, serialise'],
  ['other', 'rest of the build before the page is handed to the server'],
  ['push', 'the server takes the page, and the event reaches it (a reload: until it starts)'],
  ['fetch', 'the page downloaded'],
  ['parse', 'HTML parsed (a reload: until DOMContentLoaded)'],
  ['render', 'new body in place, fonts ready, text laid out'],
] as const;

interface WatchLine {
  event: string;
  ok?: boolean;
  url?: string;
  changedAt?: number;
  timings?: Record<string, number>;
}

/** Page times (ms after `origin`): a reload's navigation timing, or the swap's own marks. */
interface PageMarks {
  origin: number;
  start: number;
  fetched: number;
  parsed: number;
  visible: number;
}

/** Measures `runs` saves; returns each run's parts (ms) and the total, save to visible. */
export async function measurePreview(runs: number): Promise<{ runs: PreviewRun[]; totals: number[] }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'profile-report-bench-preview-'));
  await cp(path.join(root, 'data'), path.join(dir, 'data'), { recursive: true });
  const child = spawn(process.execPath, [cli, 'watch', '--serve', '--port', '0', '--json'], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: WatchLine[] = [];
  let wake: (() => void) | undefined;
  createInterface({ input: child.stdout }).on('line', (line) => {
    lines.push(JSON.parse(line) as WatchLine);
    wake?.();
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const next = async (): Promise<WatchLine> => {
    const deadline = Date.now() + 120_000;
    while (lines.length === 0) {
      if (Date.now() > deadline || child.exitCode !== null) throw new Error(`watch --serve gave no line\n${stderr}`);
      await new Promise<void>((resolve) => setTimeout((wake = resolve), 200));
    }
    return lines.shift()!;
  };
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const browser = await launch({
    executablePath: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    pipe: true,
    args: asRoot ? ['--no-sandbox'] : [],
  });
  try {
    const url = (await next()).url!;
    if (!(await next()).ok) throw new Error('the first build failed');
    const page = await browser.newPage();
    await page.goto(url);
    const profile = path.join(dir, 'data', 'profiles', 'zeng-yan.yaml');
    const original = await readFile(profile, 'utf8');
    const result = { runs: [] as PreviewRun[], totals: [] as number[] };
    for (let i = 0; i < runs; i++) {
      // Let the previous save's PDF finish, as a person reading the page would.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const marker = `Preview bench edit ${i}`;
      const saved = Date.now();
      await writeFile(profile, original.replace(/^ {2}headline: .*$/m, `  headline: ${marker}`));
      const handle = await page.waitForFunction(visibleWith(marker), { polling: 'raf', timeout: 60_000 });
      const marks = (await handle.jsonValue()) as PageMarks;
      const built = await next();
      if (!built.ok || built.changedAt === undefined || !built.timings) throw new Error(`a rebuild failed\n${stderr}`);
      result.runs.push(parts(saved, built.changedAt, built.timings, marks));
      result.totals.push(marks.origin + marks.visible - saved);
    }
    await writeFile(profile, original);
    return result;
  } finally {
    await browser.close();
    child.kill('SIGINT');
    await new Promise((resolve) => child.on('close', resolve));
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * In the page (as text: it runs there): false until the text is in and the fonts are ready, then
 * the page's marks for this update.
 */
function visibleWith(text: string): string {
  return `(() => {
    if (!document.body?.innerText.includes(${JSON.stringify(text)}) || document.fonts.status !== 'loaded') return false;
    const visible = performance.now();
    const mark = (name) => performance.getEntriesByName(name).at(-1)?.startTime;
    if (mark('preview-swapped') !== undefined) return { origin: performance.timeOrigin, start: mark('preview-event') ?? 0, fetched: mark('preview-fetched') ?? 0, parsed: mark('preview-parsed') ?? 0, visible };
    const nav = performance.getEntriesByType('navigation')[0];
    return { origin: performance.timeOrigin, start: 0, fetched: nav?.responseEnd ?? 0, parsed: nav?.domContentLoadedEventEnd ?? 0, visible };
  })()`;
}

function parts(saved: number, changedAt: number, t: Record<string, number>, page: PageMarks): PreviewRun {
  // A watch that renders the page in a build of its own reports that build's stages as `preview.*`.
  const stage = (name: string): number => t[`preview.${name}`] ?? t[name] ?? 0;
  const stages = ['load', 'derive', 'charts', 'templates', 'html'].map(stage);
  const served = changedAt + (t['wait'] ?? 0) + (t['preview'] ?? 0);
  return {
    'file event': changedAt - saved,
    debounce: t['wait'] ?? 0,
    load: stages[0]!,
    derive: stages[1]!,
    charts: stages[2]!,
    templates: stages[3]!,
    html: stages[4]!,
    other: (t['preview'] ?? 0) - stages.reduce((a, b) => a + b, 0),
    push: page.origin + page.start - served,
    fetch: page.fetched - page.start,
    parse: page.parsed - page.fetched,
    render: page.visible - page.parsed,
  };
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A Markdown table: the median of each part and of the total. */
export function previewTable(result: { runs: PreviewRun[]; totals: number[] }): string {
  const ms = (v: number): string => `${Math.round(v)} ms`;
  return [
    '| part of save → visible (`watch --serve`) | median | what |',
    '| --- | --- | --- |',
    ...previewParts.map(
      ([name, what]) => `| ${name} | ${ms(median(result.runs.map((r) => r[name] ?? 0)))} | ${what} |`,
    ),
    `| **total** | **${ms(median(result.totals))}** | runs: ${result.totals.map(ms).join(', ')} |`,
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const runs = Number(process.argv[2] ?? process.env['BENCH_RUNS'] ?? 10);
  const load = (): string =>
    os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  const before = load();
  const result = await measurePreview(runs);
  process.stdout.write(
    `${previewTable(result)}\n\nload average before ${before}, after ${load()} (${os.cpus().length} cores)\n`,
  );
}
