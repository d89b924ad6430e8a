import { chown, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/derive/chart-spec.js';
import { ChartFonts } from '../../src/render/chart-fonts.js';
import { FontLibrary } from '../../src/render/font-library.js';

const spec = (text: string): ChartSpec =>
  ({
    id: 'c',
    title: text,
    alt: text,
    width: 100,
    height: 100,
    config: { type: 'bar', data: { labels: [text], datasets: [] } },
    table: { caption: text, columns: [], rows: [] },
  }) as unknown as ChartSpec;

const fontFiles = async (dir: string): Promise<string[]> =>
  (await readdir(dir)).filter((f) => f.endsWith('.ttf')).sort();

describe('ChartFonts', () => {
  it('prepares the same slices for charts drawn at once, in two renderers sharing a cache, without a clash', async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'chart-fonts-'));
    const library = await FontLibrary.load();
    const a = new ChartFonts(library, base);
    const b = new ChartFonts(library, base);
    const texts = ['Zeng Yan 曾妍', 'Luo Fuli 罗福莉', 'Zeng Yan 曾妍 and Luo Fuli 罗福莉'];
    const prepared = await Promise.all([
      ...texts.map((t) => a.prepare(spec(t))),
      ...texts.map((t) => b.prepare(spec(t))),
    ]);
    expect(new Set(prepared.map((p) => p.family)).size).toBe(1);
    const shared = path.join(base, `profile-report-fonts-${process.getuid?.() ?? 'user'}`);
    const files = await fontFiles(shared);
    expect(files.length).toBeGreaterThan(0);
    // Nothing half-written is left, and the names carry the slice's version.
    expect((await readdir(shared)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const f of files) expect(f).toMatch(/-[0-9a-f]{12}\.ttf$/);
  });

  it('does not trust a cache folder that another user made first, nor one that others may write', async () => {
    const uid = process.getuid?.();
    if (uid === undefined) return;
    for (const plant of ['other-owner', 'group-writable'] as const) {
      if (plant === 'other-owner' && uid !== 0) continue; // only root can give a folder away
      const base = await mkdtemp(path.join(tmpdir(), 'chart-fonts-'));
      const shared = path.join(base, `profile-report-fonts-${uid}`);
      await mkdir(shared, { mode: 0o777 });
      const library = await FontLibrary.load();
      // A planted font under every name a slice could take would draw other letters.
      await writeFile(path.join(shared, 'planted.ttf'), 'not a font, but big enough');
      if (plant === 'other-owner') await chown(shared, 65534, 65534);
      else await import('node:fs/promises').then((fs) => fs.chmod(shared, 0o777));
      await new ChartFonts(library, base).prepare(spec('Zeng Yan 曾妍'));
      expect(await fontFiles(shared), plant).toEqual(['planted.ttf']);
      const own = (await readdir(base)).filter((f) => f !== path.basename(shared));
      expect(own, plant).toHaveLength(1);
      expect((await fontFiles(path.join(base, own[0]!))).length, plant).toBeGreaterThan(0);
    }
  });
});

describe('ChartFonts on a full disk', () => {
  it('a font cut short by a full disk is removed, and the next build writes it whole', async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'chart-fonts-'));
    const library = await FontLibrary.load();
    const { writeFile: realWrite } = await import('node:fs/promises');
    const diskFull = (async (file: string, data: Uint8Array, options: object) => {
      await realWrite(file, data.subarray(0, data.length / 2), options);
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }) as typeof realWrite;
    await expect(new ChartFonts(library, base, diskFull).prepare(spec('Zeng Yan 曾妍'))).rejects.toThrow('ENOSPC');
    const shared = path.join(base, `profile-report-fonts-${process.getuid?.() ?? 'user'}`);
    expect(await readdir(shared)).toEqual([]);
    await new ChartFonts(library, base).prepare(spec('Zeng Yan 曾妍'));
    expect((await fontFiles(shared)).length).toBeGreaterThan(0);
    expect((await readdir(shared)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('partial fonts left by processes that are gone are removed; those of a running one stay', async () => {
    const base = await mkdtemp(path.join(tmpdir(), 'chart-fonts-'));
    const shared = path.join(base, `profile-report-fonts-${process.getuid?.() ?? 'user'}`);
    await mkdir(shared, { mode: 0o700 });
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    await writeFile(path.join(shared, `a-0123456789ab.ttf.${dead}-0badcafe.tmp`), 'half a font');
    await writeFile(path.join(shared, `b-0123456789ab.ttf.${process.ppid}-0badcafe.tmp`), 'a font being written');
    await new ChartFonts(await FontLibrary.load(), base).prepare(spec('Zeng Yan'));
    expect((await readdir(shared)).filter((f) => f.endsWith('.tmp'))).toEqual([
      `b-0123456789ab.ttf.${process.ppid}-0badcafe.tmp`,
    ]);
  });
});
