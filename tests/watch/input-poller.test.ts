import { execFileSync } from 'node:child_process';
import { mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputPoller } from '../../src/watch/input-poller.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits for a condition, however slow the machine, up to 10 s. */
async function waitFor(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 10_000; waited += 10) await sleep(10);
}

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
      // As an editor saves: the new file written beside it, then renamed over it in one step.
      await writeFile(`${file}.tmp`, 'name: x\n');
      await rename(`${file}.tmp`, file);
      await waitFor(() => changes.length > 0);
      await sleep(100);
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
