import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LateFolders } from '../../src/watch/late-folders.js';

/** A file watcher that only records the folders it is given. */
function recordingWatcher(): { watcher: FSWatcher; added: string[] } {
  const added: string[] = [];
  const watcher = { add: (dirs: string[]) => added.push(...dirs) } as unknown as FSWatcher;
  return { watcher, added };
}

describe('LateFolders', () => {
  let dir: string;
  let late: LateFolders | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'late-folders-'));
  });
  afterEach(async () => {
    late?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('reports the wanted files of a folder added late that were saved since the build began, once each', async () => {
    await mkdir(path.join(dir, 'partials'));
    const old = path.join(dir, 'old.css');
    await writeFile(old, 'h1 {}');
    const past = new Date(Date.now() - 60_000);
    await utimes(old, past, past);
    const since = Date.now() - 10;
    const saved = path.join(dir, 'partials', 'new.hbs');
    await writeFile(saved, '<p></p>');
    await writeFile(path.join(dir, 'notes.txt'), 'not an input');
    const seen: string[] = [];
    late = new LateFolders(
      (file) => /\.(css|hbs)$/.test(file),
      (file) => seen.push(file),
    );
    const { watcher, added } = recordingWatcher();
    late.add(watcher, [dir, dir], since);
    expect(added).toEqual([dir]);
    await new Promise((resolve) => setTimeout(resolve, 1300));
    expect(seen).toEqual([saved]);
  });

  it('reports nothing once stopped', async () => {
    const since = Date.now() - 10;
    await writeFile(path.join(dir, 'a.css'), 'h1 {}');
    const seen: string[] = [];
    late = new LateFolders(
      () => true,
      (file) => seen.push(file),
    );
    late.add(recordingWatcher().watcher, [dir], since);
    late.stop();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(seen).toEqual([]);
  });
});
