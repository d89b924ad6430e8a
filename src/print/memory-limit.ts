import { existsSync } from 'node:fs';
import type { LaunchOptions } from 'puppeteer-core';

/**
 * How Chromium is started so that no process of it can allocate more than `mb` MiB: through
 * `/bin/sh`, which sets the data-segment limit (RLIMIT_DATA, `ulimit -d`) and then execs
 * Chromium in its place (same process, same pipes), with the arguments Puppeteer would give it.
 *
 * Why this limit: RLIMIT_DATA is what Chromium's own sandbox uses to bound a renderer (sandbox
 * kDataSizeLimit, 4 GiB and up), because since Linux 4.7 it counts every private writable
 * mapping (malloc, PartitionAlloc, Skia's and layout's buffers) but not the address space V8
 * only reserves, so Chromium runs under it. Running as root (no sandbox), that limit is off, and
 * one renderer printing a 2,000-page report grew to 4.5 GiB. `--js-flags=--max-old-space-size`
 * bounds only V8's heap (the page runs no script), `--renderer-process-limit` only the number of
 * renderers; no switch bounds a renderer's layout and painting, and a cgroup needs privileges
 * a build does not have. A renderer that reaches the limit fails to allocate and crashes; the
 * print then fails with a message naming the limit (print-pdf.ts).
 *
 * Where there is no /bin/sh (not Linux), Chromium is started as it is, without the limit.
 */
export function launchWithMemoryLimit(
  executablePath: string,
  chromiumArgs: readonly string[],
  mb: number,
  defaultArgs: (options: LaunchOptions) => string[],
  options: { readonly userDataDir: string },
): Pick<LaunchOptions, 'executablePath' | 'args' | 'ignoreDefaultArgs'> {
  if (process.platform !== 'linux' || !existsSync('/bin/sh')) return { executablePath, args: [...chromiumArgs] };
  const args = defaultArgs({ headless: true, userDataDir: options.userDataDir, args: [...chromiumArgs] });
  return {
    executablePath: '/bin/sh',
    // Puppeteer adds --remote-debugging-pipe after these; "$@" passes it on.
    ignoreDefaultArgs: true,
    args: ['-c', `ulimit -d ${Math.round(mb * 1024)} && exec "$0" "$@"`, executablePath, ...args],
  };
}
