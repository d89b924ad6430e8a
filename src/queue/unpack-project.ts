import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isAlive } from '../process-alive.js';
import { isInside } from '../load/real-path.js';
import type { JobPayload } from './job-payload.js';

const prefix = 'profile-report-job-';

export interface UnpackedProject {
  /** The project folder: the build's cwd. */
  readonly dir: string;
  dispose(): Promise<void>;
}

/**
 * Lays a job's files out in a new private folder, as they were placed in the submitter's
 * project, so the build runs unchanged (the loader's confinement, the template reader, the
 * messages file) and never sees the worker's own files. The paths were checked by the payload's
 * schema; each is checked again against the folder before it is written, and no file is
 * written over another (`wx`).
 */
export async function unpackProject(payload: JobPayload): Promise<UnpackedProject> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `${prefix}${process.pid}-`));
  const dispose = (): Promise<void> => rm(dir, { recursive: true, force: true, maxRetries: 3 });
  try {
    for (const [name, base64] of Object.entries(payload.files)) {
      const target = path.join(dir, ...name.split('/'));
      if (!isInside(dir, target) || target === dir)
        throw new Error(`the job's file ${name} would land outside its folder`);
      await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
      await writeFile(target, Buffer.from(base64, 'base64'), { flag: 'wx', mode: 0o600 });
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  return { dir, dispose };
}

/** Folders left by a worker killed outright (SIGKILL, a lost machine): removed at the next start. */
export async function removeOrphanedProjects(): Promise<void> {
  const base = os.tmpdir();
  const names = await readdir(base).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const pid = Number(new RegExp(`^${prefix}(\\d+)-`).exec(name)?.[1]);
      if (!pid || pid === process.pid || isAlive(pid)) return;
      await rm(path.join(base, name), { recursive: true, force: true }).catch(() => undefined);
    }),
  );
}
