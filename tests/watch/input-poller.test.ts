import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputPoller } from '../../src/watch/input-poller.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('InputPoller', () => {
  it('says when a blamed file is swapped (a FIFO for a regular file), and nothing while it stays the same', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'input-poller-'));
    const file = path.join(dir, 'p.yaml');
    execFileSync('mkfifo', [file]);
    const changes: string[] = [];
    const poller = new InputPoller((f) => changes.push(f), 20);
    try {
      await poller.watch([file]);
      await sleep(100);
      expect(changes).toEqual([]);
      await rm(file);
      await writeFile(file, 'name: x\n');
      await sleep(150);
      expect(changes).toEqual([file]);
      poller.stop();
      await writeFile(file, 'name: y, longer\n');
      await sleep(100);
      expect(changes).toEqual([file]);
    } finally {
      poller.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
