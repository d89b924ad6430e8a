import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { RenderError } from '../errors.js';
import { ensureDir } from './ensure-dir.js';
import { removeStaleTemporaries, temporaryName } from './stale-temporaries.js';

export interface Artifact {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** The file operations used, replaceable so tests can make the disk fail at any step. */
export interface WriteIo {
  readonly open: typeof fs.open;
  readonly rename: typeof fs.rename;
  readonly unlink: typeof fs.unlink;
  readonly link: typeof fs.link;
}

const nodeIo: WriteIo = { open: fs.open, rename: fs.rename, unlink: fs.unlink, link: fs.link };

export interface WrittenArtifact {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

interface Slot {
  readonly target: string;
  readonly temp: string;
  /** A second name for the previous output, kept until every new file is in place. */
  readonly backup: string;
  hasBackup: boolean;
  placed: boolean;
}

/**
 * Replaces a build's outputs (the HTML and the PDF) as one: a reader sees the old pair or the
 * new pair, never one of each, and "the previous outputs are unchanged" is true whenever it is
 * said. Each new file is written to a temporary file beside its target and flushed; each old
 * file gets a second name (a hard link); then the new files are renamed into place. If any
 * step fails, the files already replaced get their old contents back from those second names.
 * Temporaries carry the process id, so ones left by a process that was killed outright are
 * removed (or, for a second name whose target is gone, put back) by the next run.
 */
export async function writeArtifacts(artifacts: readonly Artifact[], io: WriteIo = nodeIo): Promise<WrittenArtifact[]> {
  const slots: Slot[] = [];
  let failedOn = artifacts[0]?.path ?? 'the output';
  try {
    for (const dir of new Set(artifacts.map((a) => path.dirname(a.path)))) {
      await ensureDir(dir);
      await removeStaleTemporaries(dir);
    }
    for (const artifact of artifacts) {
      failedOn = artifact.path;
      const suffix = `${process.pid}.${randomBytes(4).toString('hex')}`;
      const slot: Slot = { target: artifact.path, temp: temporaryName(artifact.path, suffix, 'tmp'), backup: temporaryName(artifact.path, suffix, 'old'), hasBackup: false, placed: false };
      slots.push(slot);
      const handle = await io.open(slot.temp, 'wx', 0o644);
      try {
        await handle.writeFile(artifact.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    for (const slot of slots) {
      failedOn = slot.target;
      slot.hasBackup = await keepOld(slot, io);
    }
    for (const slot of slots) {
      failedOn = slot.target;
      await io.rename(slot.temp, slot.target);
      slot.placed = true;
    }
  } catch (error) {
    await restore(slots, io);
    const code = (error as NodeJS.ErrnoException).code;
    throw new RenderError(`cannot write ${failedOn}: ${describeWriteError(code, error)}; the previous outputs are unchanged`, { cause: error });
  }
  await Promise.all(slots.filter((s) => s.hasBackup).map((s) => io.unlink(s.backup).catch(() => undefined)));
  await syncDirs(new Set(slots.map((s) => path.dirname(s.target))));
  return artifacts.map((a) => ({ path: a.path, size: a.bytes.length, sha256: createHash('sha256').update(a.bytes).digest('hex') }));
}

/** Gives the current output a second name; false when there is none yet. A folder in its place fails here, before anything is replaced. */
async function keepOld(slot: Slot, io: WriteIo): Promise<boolean> {
  const info = await fs.lstat(slot.target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) return false;
  if (info.isDirectory()) throw Object.assign(new Error(`${slot.target} is a folder`), { code: 'EISDIR' });
  await io.link(slot.target, slot.backup);
  return true;
}

/** Undoes a partial replacement: old files back in place, no temporary left. */
async function restore(slots: readonly Slot[], io: WriteIo): Promise<void> {
  for (const slot of slots) {
    if (slot.placed) {
      if (slot.hasBackup) await io.rename(slot.backup, slot.target).catch(() => undefined);
      else await io.unlink(slot.target).catch(() => undefined);
    } else if (slot.hasBackup) {
      await io.unlink(slot.backup).catch(() => undefined);
    }
    await io.unlink(slot.temp).catch(() => undefined);
  }
}

async function syncDirs(dirs: Set<string>): Promise<void> {
  for (const dir of dirs) {
    const handle = await fs.open(dir, 'r').catch(() => undefined);
    await handle?.sync().catch(() => undefined);
    await handle?.close();
  }
}

function describeWriteError(code: string | undefined, error: unknown): string {
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'the folder does not exist and cannot be created there';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'a folder is in the way of the output file';
    default:
      return code ?? (error as Error).message;
  }
}
