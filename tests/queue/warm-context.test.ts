import { describe, expect, it } from 'vitest';
import { BuildContext } from '../../src/build-context.js';
import { WarmContext } from '../../src/queue/warm-context.js';

/** Closed contexts refuse to start Chromium: how a test sees that one was closed, without starting one. */
const isClosed = async (context: BuildContext): Promise<boolean> =>
  context.browser.browser().then(
    () => false,
    (error: unknown) => /closed/.test(String(error)),
  );

describe('one warm context for a worker', () => {
  it('is shared by jobs, replaced after `restartAfter` jobs, and the old one closes only when its last job is done', async () => {
    const made: BuildContext[] = [];
    const warm = new WarmContext(() => {
      made.push(new BuildContext());
      return made.at(-1)!;
    }, 2);
    const a = warm.acquire();
    const b = warm.acquire();
    expect(b.context).toBe(a.context);
    const c = warm.acquire(); // the third job: a fresh context, while a and b still build
    expect(c.context).not.toBe(a.context);
    expect(warm.restartCount).toBe(1);
    await a.release();
    expect(made.length).toBe(2);
    await b.release();
    expect(await isClosed(made[0]!)).toBe(true);
    await c.release();
    await c.release(); // twice is once
    expect(warm.acquire().context).toBe(made[1]);
    await warm.close();
    expect(await isClosed(made[1]!)).toBe(true);
  });
});
