import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentKey } from '../../src/watch/content-key.js';

describe('contentKey', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'content-key-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is the same for the same bytes whatever the file time, and differs for other bytes of the same length', async () => {
    const file = path.join(dir, 'a.yaml');
    const second = new Date('2026-01-01T00:00:00Z');
    await writeFile(file, 'year: 2023\n');
    await utimes(file, second, second);
    const first = await contentKey(file);
    await writeFile(file, 'year: 2023\n');
    expect(await contentKey(file)).toBe(first);
    // One digit changed and the time put back: what a file system that keeps times to the
    // second shows of two saves in one second. The identity is the same, the key is not.
    await writeFile(file, 'year: 2024\n');
    await utimes(file, second, second);
    expect(await contentKey(file)).not.toBe(first);
  });

  it('follows a symbolic link to the file it names', async () => {
    const file = path.join(dir, 'target.yaml');
    const link = path.join(dir, 'link.yaml');
    await writeFile(file, 'a: 1\n');
    await symlink(file, link);
    const before = await contentKey(link);
    await writeFile(file, 'a: 2\n');
    expect(await contentKey(link)).not.toBe(before);
  });

  it('names a missing file, a folder and a FIFO without reading or waiting', async () => {
    const fifo = path.join(dir, 'pipe.yaml');
    execFileSync('mkfifo', [fifo]);
    expect(await contentKey(path.join(dir, 'none.yaml'))).toBe('missing (no such file)');
    expect(await contentKey(dir)).toMatch(/^dir \d+ .*\(this is a folder, not a file\)$/);
    expect(await contentKey(fifo)).toMatch(/^special \d+ .*\(this is a named pipe \(FIFO\), not a regular file\)$/);
  });
});
