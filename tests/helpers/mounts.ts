import { execFile } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Mounts a tmpfs (root only); false where mounting is not permitted. */
export async function mountTmpfs(dir: string, options: string): Promise<boolean> {
  await mkdir(dir, { recursive: true });
  try {
    await run('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir]);
    return true;
  } catch {
    return false;
  }
}

export async function remount(dir: string, options: string): Promise<void> {
  await run('mount', ['-o', `remount,${options}`, dir]);
}

export async function unmount(dir: string): Promise<void> {
  await run('umount', ['-l', dir]).catch(() => undefined);
}

/** Whether this machine lets the tests mount file systems (root on Linux, not in a locked container). */
export async function canMount(probe: string): Promise<boolean> {
  const ok = await mountTmpfs(probe, 'size=64k');
  if (ok) await unmount(probe);
  return ok;
}
