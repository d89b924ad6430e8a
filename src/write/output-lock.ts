import { RenderError } from '../errors.js';
import { randomBytes } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import type { FolderHandle } from '../load/folder-handle.js';
import { readInputFile } from '../load/read-input-file.js';
import { isAlive } from '../process-alive.js';
import { temporaryName } from './temporary-names.js';
import type { WriteIo } from './write-io.js';

/**
 * An advisory lock on one set of outputs (`.report.lock` beside report.html and report.pdf),
 * so two builds writing the same files take turns and each leaves a whole pair; nothing else
 * would stop spec A's HTML from landing beside spec B's PDF.
 *
 * The lock file is made complete under a temporary name and then hard-linked into place, which
 * fails if the lock exists: it never exists half-written. It names its holder by process id and
 * start time, so a lock whose holder is gone, or whose id now belongs to a process started
 * later, is taken over. A live holder is waited for, up to `waitMs`, then the write fails
 * saying who holds which file.
 */
export interface OutputLock {
  /** Whether the lock file is still this one: checked before the outputs are replaced. */
  held(): Promise<boolean>;
  release(): Promise<void>;
}

/** How long a build waits for another one writing the same outputs. Writing takes milliseconds; a holder this slow is stuck. */
export const lockWaitMs = 30_000;

const holderSchema = z.strictObject({ pid: z.number().int().positive(), start: z.string().max(32).optional() });
type Holder = z.infer<typeof holderSchema>;

/** Another build held the outputs' lock too long: the outputs were not made (exit code 3). */
export class LockTimeoutError extends RenderError {
  override readonly name: string = 'LockTimeoutError';
  readonly code = 'ELOCKED';
}

function lockName(stem: string): string {
  return `.${stem}.lock`;
}

export async function lockOutputs(
  folder: FolderHandle,
  stem: string,
  io: WriteIo,
  waitMs = lockWaitMs,
): Promise<OutputLock> {
  const lock = folder.at(lockName(stem));
  const suffix = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const mine = folder.at(temporaryName(`${stem}.lock`, suffix, 'tmp'));
  const me: Holder = { pid: process.pid, ...(await startOf(process.pid).then((start) => (start ? { start } : {}))) };
  const handle = await io.open(mine, 'wx', 0o644);
  try {
    await handle.writeFile(JSON.stringify(me));
  } finally {
    await handle.close();
  }
  try {
    const deadline = Date.now() + waitMs;
    let pause = 10;
    let holder: Holder | undefined;
    for (;;) {
      const taken = await io.link(mine, lock).then(
        () => true,
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'EEXIST') return false;
          throw error;
        },
      );
      if (taken) break;
      holder = await readHolder(lock);
      if (holder === undefined || !(await holderRuns(holder))) {
        await takeOver(
          lock,
          holder,
          folder.at(temporaryName(`${stem}.lock`, `${process.pid}.${randomBytes(4).toString('hex')}`, 'tmp')),
          io,
        );
        continue;
      }
      if (Date.now() >= deadline) {
        throw new LockTimeoutError(
          `another build (process ${holder.pid}) is writing these outputs and still holds ${folder.shown}/${lockName(stem)} after ${waitMs / 1000} s of waiting; if no build is running, remove that file`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 250);
    }
  } finally {
    await io.unlink(mine).catch(() => undefined);
  }
  const ours = await stat(lock);
  const isOurs = async (): Promise<boolean> => {
    const now = await stat(lock).catch(() => undefined);
    return now !== undefined && now.ino === ours.ino && now.dev === ours.dev;
  };
  return {
    held: isOurs,
    release: async () => {
      if (await isOurs()) await io.unlink(lock).catch(() => undefined);
    },
  };
}

/**
 * Removes a lock whose holder is gone. Two builds may both see it stale: each moves the lock
 * aside first (only one move can take it), and a build that finds it moved a fresh lock, taken
 * meanwhile by a third, puts that one back.
 */
async function takeOver(lock: string, stale: Holder | undefined, aside: string, io: WriteIo): Promise<void> {
  const moved = await io.rename(lock, aside).then(
    () => true,
    () => false,
  );
  if (!moved) return;
  const found = await readHolder(aside);
  const same = found?.pid === stale?.pid && found?.start === stale?.start;
  if (!same && found !== undefined && (await holderRuns(found))) await io.link(aside, lock).catch(() => undefined);
  await io.unlink(aside).catch(() => undefined);
}

async function readHolder(file: string): Promise<Holder | undefined> {
  const read = await readInputFile(file, 1024);
  if (!read.ok) return undefined;
  try {
    const parsed = holderSchema.safeParse(JSON.parse(Buffer.from(read.bytes).toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

async function holderRuns(holder: Holder): Promise<boolean> {
  if (!isAlive(holder.pid)) return false;
  if (holder.start === undefined) return true;
  const start = await startOf(holder.pid);
  return start === undefined || start === holder.start;
}

/**
 * When a process started, in clock ticks since boot (field 22 of /proc/PID/stat), so that a
 * process id reused by a later process is not taken for the holder. Undefined without /proc.
 */
async function startOf(pid: number): Promise<string | undefined> {
  const text = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  // The command name (field 2) is in parentheses and may hold spaces or parentheses itself.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const start = fields[22 - 3];
  return start !== undefined && /^\d+$/.test(start) ? start : undefined;
}
