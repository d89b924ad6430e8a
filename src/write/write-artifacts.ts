import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { RenderError } from '../errors.js';
import { ensureDir } from './ensure-dir.js';

export interface Artifact {
  readonly path: string;
  readonly bytes: Uint8Array;
}

/** The file operations used, replaceable so tests can make the disk fail at any step. */
export interface WriteIo {
  readonly open: typeof fs.open;
  readonly rename: typeof fs.rename;
  readonly unlink: typeof fs.unlink;
}

const nodeIo: WriteIo = { open: fs.open, rename: fs.rename, unlink: fs.unlink };

export interface WrittenArtifact {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * Writes outputs so that a reader only ever sees a whole old file or a whole new one. Each goes
 * to a temporary file in the same folder, is flushed to disk, and only when every file of the
 * build is written are they renamed into place. On any failure (full disk, read-only folder,
 * a crash before the renames) the previous outputs stay as they were and no temporary file is
 * left behind.
 */
export async function writeArtifacts(artifacts: readonly Artifact[], io: WriteIo = nodeIo): Promise<WrittenArtifact[]> {
  const { open, rename, unlink } = io;
  const temps: { temp: string; target: string }[] = [];
  try {
    for (const artifact of artifacts) {
      const dir = path.dirname(artifact.path);
      await ensureDir(dir);
      const temp = path.join(dir, `.${path.basename(artifact.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
      temps.push({ temp, target: artifact.path });
      const handle = await open(temp, 'wx', 0o644);
      try {
        await handle.writeFile(artifact.bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
    }
    for (const { temp, target } of temps) await rename(temp, target);
    await syncDirs(new Set(temps.map((t) => path.dirname(t.target))));
  } catch (error) {
    await Promise.all(temps.map(({ temp }) => unlink(temp).catch(() => undefined)));
    const code = (error as NodeJS.ErrnoException).code;
    const target = temps.at(-1)?.target ?? artifacts[0]?.path ?? 'the output';
    throw new RenderError(`cannot write ${target}: ${describeWriteError(code, error)}; the previous outputs are unchanged`, { cause: error });
  }
  return artifacts.map((a) => ({ path: a.path, size: a.bytes.length, sha256: createHash('sha256').update(a.bytes).digest('hex') }));
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
    default:
      return code ?? (error as Error).message;
  }
}
