import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/print/browser-session.js';
import { chromiumProcesses, chromiumProfileDirs } from '../helpers/leftovers.js';

describe('BrowserSession', () => {
  let tmp: string;
  const previousTmp = process.env['TMPDIR'];

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'profile-report-session-'));
    process.env['TMPDIR'] = tmp;
  });

  afterAll(() => {
    if (previousTmp === undefined) delete process.env['TMPDIR'];
    else process.env['TMPDIR'] = previousTmp;
  });

  it('warmUp starts a fresh Chromium after the last one was killed, and close leaves nothing', async () => {
    const session = new BrowserSession();
    try {
      await session.warmUp();
      const first = (await session.browser()).process()?.pid;
      await session.kill();
      // As a watch rebuild after a timeout does: the next warm-up launches again, at once.
      await session.warmUp();
      expect(await chromiumProcesses(tmp)).not.toEqual([]);
      const second = (await session.browser()).process()?.pid;
      expect(second).toBeDefined();
      expect(second).not.toBe(first);
    } finally {
      await session.close();
    }
    expect(await chromiumProcesses(tmp)).toEqual([]);
    expect(await chromiumProfileDirs(tmp)).toEqual([]);
  }, 60_000);
});
