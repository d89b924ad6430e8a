import { readdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { isAlive } from '../process-alive.js';

/** `.report.pdf.<pid>.<8 hex>.tmp` (a new file) or `.old` (the previous file's second name). */
const pattern = /^\.(.+)\.(\d+)\.([0-9a-f]{8})\.(tmp|old)$/;

export function temporaryName(target: string, suffix: string, kind: 'tmp' | 'old'): string {
  return path.join(path.dirname(target), `.${path.basename(target)}.${suffix}.${kind}`);
}

/**
 * Cleans up after a build that was killed outright (kill -9, power loss) while writing: its
 * temporaries carry its process id, and when that process is gone they are removed. A second
 * name of a previous output whose target is missing means the kill came mid-swap, so it is
 * put back rather than removed: the previous output survives.
 */
export async function removeStaleTemporaries(dir: string): Promise<void> {
  const names = await readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    const match = pattern.exec(name);
    if (!match) continue;
    const pid = Number(match[2]);
    if (pid === process.pid || isAlive(pid)) continue;
    const file = path.join(dir, name);
    const target = path.join(dir, match[1]!);
    if (match[4] === 'old' && !(await stat(target).catch(() => undefined))) await rename(file, target).catch(() => undefined);
    else await unlink(file).catch(() => undefined);
  }
}
