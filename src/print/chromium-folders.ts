import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RenderError } from '../errors.js';
import { isAlive } from '../process-alive.js';

const profilePrefix = 'profile-report-chromium-';
// What Chromium appends to its TMPDIR for its singleton socket (six random characters).
const socketSuffix = '/org.chromium.Chromium.a1b2c3/SingletonSocket';

export interface ChromiumFolders {
  /** Chromium's user data folder. */
  readonly profileDir: string;
  /** Its TMPDIR: the profile folder itself, unless that path is too long for a socket. */
  readonly chromiumTmp: string;
}

/**
 * The profile folder, and where Chromium keeps its own temporary files (shared memory, with
 * --disable-dev-shm-usage): inside that same folder, so removing it removes everything even
 * after a crash. Chromium also puts a Unix socket there, and socket paths must stay under 108
 * bytes, so under a deep TMPDIR (macOS's is about 50 characters) they go to a short folder in
 * /tmp instead. Both names carry our process id, for removeOrphanedProfiles.
 */
export async function makeChromiumFolders(): Promise<ChromiumFolders> {
  const base = os.tmpdir();
  let profileDir: string;
  try {
    profileDir = await mkdtemp(path.join(base, `${profilePrefix}${process.pid}-`));
  } catch (error) {
    throw new RenderError(
      `cannot create a temporary folder for Chromium in ${base} (${(error as NodeJS.ErrnoException).code ?? String(error)}); set TMPDIR to a writable folder`,
      { cause: error },
    );
  }
  if (profileDir.length + socketSuffix.length < 104) return { profileDir, chromiumTmp: profileDir };
  try {
    return { profileDir, chromiumTmp: await mkdtemp(path.join('/tmp', `${profilePrefix}${process.pid}-`)) };
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true }).catch(() => undefined);
    throw new RenderError(
      `cannot create a temporary folder for Chromium in /tmp (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      { cause: error },
    );
  }
}

/**
 * A process killed outright (SIGKILL, power loss) cannot remove its Chromium folders. They carry
 * their owner's process id, so the next run removes those whose owner is gone.
 */
export async function removeOrphanedProfiles(): Promise<void> {
  await removeProfilesOf((pid) => pid !== process.pid && !isAlive(pid));
}

/**
 * Every folder this process made for Chromium, whatever became of the session that made it:
 * the CLI's last sweep before it exits (it runs one session). A Chromium interrupted while it
 * starts can still write into its profile folder after the session removed it. Not for a
 * library, where other sessions of the process may still be running.
 */
export async function removeOwnProfiles(): Promise<void> {
  await removeProfilesOf((pid) => pid === process.pid);
}

async function removeProfilesOf(owned: (pid: number) => boolean): Promise<void> {
  for (const base of new Set([os.tmpdir(), '/tmp'])) {
    const names = await readdir(base).catch(() => [] as string[]);
    await Promise.all(
      names.map(async (name) => {
        const pid = Number(new RegExp(`^${profilePrefix}(\\d+)-`).exec(name)?.[1]);
        if (!pid || !owned(pid)) return;
        await rm(path.join(base, name), { recursive: true, force: true }).catch(() => undefined);
      }),
    );
  }
}
