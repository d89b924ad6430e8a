import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/derive/chart-spec.js';
import { ChartDiskCache } from '../../src/render/chart-disk-cache.js';
import { ChartRenderer } from '../../src/render/chart-renderer.js';

const folders: string[] = [];
async function folder(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'chart-disk-cache-test-'));
  folders.push(dir);
  return path.join(dir, 'charts');
}
afterEach(async () => {
  for (const dir of folders.splice(0)) await rm(dir, { recursive: true, force: true });
});

const chart = {
  svg: '<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0"/></svg>',
  problems: ['the chart "A" draws "x" past the edge of its image, where it is cut off'],
  texts: [{ text: 'x', left: 1, top: 2, right: 3, bottom: 4 }],
};

const bars: ChartSpec = {
  id: 'bars',
  title: 'Bars',
  alt: 'Bars',
  lang: 'en',
  width: 200,
  height: 100,
  config: {
    type: 'bar',
    data: { labels: ['a', 'b'], datasets: [{ data: [1, 2] }] },
    options: { animation: false, responsive: false },
  },
  table: { caption: 'Bars', headers: [], rows: [] },
};

describe('ChartDiskCache', () => {
  it('gives back what was stored under a key, and nothing under another spec’s key', async () => {
    const cache = new ChartDiskCache(await folder());
    const key = await cache.key(['en', 'bar', 1]);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(await cache.key(['en', 'bar', 2])).not.toBe(key);
    expect(await cache.get(key)).toBeUndefined();
    await cache.put(key, chart);
    expect(await new ChartDiskCache(cache['where']).get(key)).toEqual(chart);
  });

  it('writes whole entries only: no temporary file is left behind', async () => {
    const where = await folder();
    const cache = new ChartDiskCache(where);
    await cache.put(await cache.key('a'), chart);
    expect((await readdir(where)).every((name) => /^[0-9a-f]{64}\.json$/.test(name))).toBe(true);
  });

  it('ignores and removes an entry that is cut short, edited, not JSON, or stored under another key', async () => {
    const where = await folder();
    const cache = new ChartDiskCache(where);
    const key = await cache.key('spec');
    const file = path.join(where, `${key}.json`);
    await cache.put(key, chart);
    const whole = await readFile(file, 'utf8');
    const other = await cache.key('other');
    const corruptions = [
      whole.slice(0, whole.length / 2),
      whole.replace('M0 0', 'M9 9'), // content no longer matches its checksum
      'not json',
      JSON.stringify({ ...JSON.parse(whole), key: other }),
      JSON.stringify({ ...JSON.parse(whole), extra: 1 }),
      JSON.stringify({ ...JSON.parse(whole), chart: { ...chart, svg: 'javascript:alert(1)' } }),
    ];
    for (const corrupt of corruptions) {
      await writeFile(file, corrupt);
      expect(await cache.get(key)).toBeUndefined();
      expect(await readdir(where)).not.toContain(`${key}.json`);
    }
  });

  it('does not use a folder others may write', async () => {
    const where = await folder();
    const first = new ChartDiskCache(where);
    await first.put(await first.key('a'), chart); // creates the folder
    await chmod(where, 0o777);
    const cache = new ChartDiskCache(where);
    const key = await cache.key('b');
    await cache.put(key, chart);
    expect(await cache.get(key)).toBeUndefined();
    expect(await readdir(where)).toHaveLength(1);
  });

  it('keeps within its bounds, the least recently used going first', async () => {
    const where = await folder();
    const cache = new ChartDiskCache(where, { entries: 10, bytes: 1e9 });
    const keys: string[] = [];
    for (let i = 0; i < 5; i++) {
      const key = await cache.key(i);
      keys.push(key);
      await cache.put(key, chart);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // Entry 0 used again: it stays; the next oldest go.
    expect(await cache.get(keys[0]!)).toEqual(chart);
    await new ChartDiskCache(where, { entries: 4, bytes: 1e9 }).put(await cache.key(5), chart);
    // Six entries over a bound of four: down to three, the newest used.
    const left = (await readdir(where)).sort();
    expect(left).toEqual([keys[0], keys[4], await cache.key(5)].map((k) => `${k}.json`).sort());
  });

  it('is switched off by PROFILE_REPORT_CHART_CACHE=off, and placed by it or XDG_CACHE_HOME otherwise', () => {
    expect(ChartDiskCache.fromEnvironment({ PROFILE_REPORT_CHART_CACHE: 'off' })).toBeUndefined();
    expect(ChartDiskCache.fromEnvironment({ PROFILE_REPORT_CHART_CACHE: '/x/charts' })?.['where']).toBe('/x/charts');
    expect(ChartDiskCache.fromEnvironment({ XDG_CACHE_HOME: '/c' })?.['where']).toBe('/c/profile-report/charts');
  });

  it('lets a renderer in a later run take a chart drawn by an earlier one, without drawing it', async () => {
    const where = await folder();
    const first = new ChartRenderer(undefined, new ChartDiskCache(where));
    const drawn = await first.renderChecked(bars);
    expect(first.drawnCount).toBe(1);
    const later = new ChartRenderer(undefined, new ChartDiskCache(where));
    expect(await later.renderChecked(bars)).toEqual(drawn);
    expect(later.drawnCount).toBe(0);
    // Another spec is drawn, not taken.
    await later.renderChecked({ ...bars, width: 210 });
    expect(later.drawnCount).toBe(1);
  });
});
