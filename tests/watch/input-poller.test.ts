import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InputPoller } from '../../src/watch/input-poller.js';

// The poller's clock is faked; its reads of the disk are real, and counted, so a test knows
// when a poll has finished instead of guessing how long one takes.
vi.mock('node:fs/promises', async (original) => {
  const real = await original<typeof import('node:fs/promises')>();
  return { ...real, lstat: vi.fn(real.lstat) };
});
const lstat = vi.mocked(fs.lstat);

const everyMs = 20;

/** One poll: the interval passes, the poller reads the file, and everything it then does is done. */
async function poll(): Promise<void> {
  const before = lstat.mock.calls.length;
  await vi.advanceTimersByTimeAsync(everyMs);
  expect(lstat.mock.calls.length).toBeGreaterThan(before);
  await Promise.allSettled(lstat.mock.results.slice(before).map((r): unknown => r.value));
  // What the poller does with the answer runs in microtasks, all done before the next I/O phase.
  await new Promise((resolve) => setImmediate(resolve));
}

describe('InputPoller', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(tmpdir(), 'input-poller-'));
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
  });
  afterEach(async () => {
    vi.useRealTimers();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('says when a blamed file is swapped (a FIFO for a regular file), and nothing while it stays the same', async () => {
    const file = path.join(dir, 'p.yaml');
    execFileSync('mkfifo', [file]);
    const changes: string[] = [];
    const poller = new InputPoller((f) => changes.push(f), everyMs);
    try {
      await poller.watch([file]);
      await poll();
      await poll();
      expect(changes).toEqual([]);
      // As an editor saves: the new file written beside it, then renamed over it in one step.
      await fs.writeFile(`${file}.tmp`, 'name: x\n');
      await fs.rename(`${file}.tmp`, file);
      await poll();
      expect(changes).toEqual([file]);
      // Said once: the next polls see the new file as it now is.
      await poll();
      await poll();
      expect(changes).toEqual([file]);
      poller.stop();
      expect(vi.getTimerCount()).toBe(0);
      await fs.writeFile(file, 'name: y, longer\n');
      const reads = lstat.mock.calls.length;
      await vi.advanceTimersByTimeAsync(everyMs * 5);
      expect(lstat.mock.calls.length).toBe(reads);
      expect(changes).toEqual([file]);
    } finally {
      poller.stop();
    }
  });

  it('watching no file at all stops polling', async () => {
    const poller = new InputPoller(() => undefined, everyMs);
    await poller.watch([path.join(dir, 'gone.yaml')]);
    expect(vi.getTimerCount()).toBe(1);
    await poller.watch([]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
