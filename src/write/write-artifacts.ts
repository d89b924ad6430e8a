import { createHash, randomBytes } from 'node:crypto';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { RenderError } from '../errors.js';
import { FolderHandle } from '../load/folder-handle.js';
import { describeWriteError } from './describe-write-error.js';
import { errorCode } from './error-code.js';
import { openOutputFolder } from './open-output-folder.js';
import { lockOutputs, lockWaitMs } from './output-lock.js';
import type { OutputLock } from './output-lock.js';
import { removeStaleTemporaries } from './stale-temporaries.js';
import { stemOf, temporaryName } from './temporary-names.js';
import { nodeIo } from './write-io.js';
import type { WriteIo } from './write-io.js';
import { journalName, markUndo, replayJournal, writeJournal } from './write-journal.js';
import type { Journal } from './write-journal.js';

export type { WriteIo } from './write-io.js';

export interface Artifact {
  readonly path: string;
  readonly bytes: Uint8Array;
}

export interface WriteOptions {
  /** A folder the outputs must really be in, after every symbolic link (the project, for an output folder a report spec names). @default anywhere */
  readonly within?: string;
  /** How long to wait for another writer of the same outputs. @default 30 s */
  readonly lockWaitMs?: number;
  /** The file operations, for tests that make the disk fail. @default node:fs */
  readonly io?: WriteIo;
}

export interface WrittenArtifact {
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
}

/**
 * Replaces a set of outputs (a build's HTML and PDF, or a profile) as one, in one folder:
 *
 * - The folder is opened once (created if missing) and every step goes through that open
 *   folder, so a symbolic link swapped along its path cannot send a write elsewhere; with
 *   `within`, the folder opened must be inside it.
 * - The outputs are locked (output-lock.ts): two builds writing the same files take turns.
 * - Each new file is written to a temporary beside its target, with the previous file's
 *   permissions (and owner, where allowed), and flushed; each previous file gets a second name.
 * - A journal is written (write-journal.ts): from then on the replacement is decided, and a
 *   writer killed at any point is finished by the next write to these outputs. Before it, a
 *   kill leaves the previous files untouched. The new files are then renamed into place.
 *
 * So after a failure the previous outputs are unchanged, and after a kill the next write finds
 * the pair all old or all new, never one of each.
 */
export async function writeArtifacts(
  artifacts: readonly Artifact[],
  options: WriteOptions = {},
): Promise<WrittenArtifact[]> {
  const io = options.io ?? nodeIo;
  const { dir, stem } = commonFolder(artifacts);
  let failedOn = artifacts[0]?.path ?? 'the output';
  let folder: FolderHandle | undefined;
  let lock: OutputLock | undefined;
  const suffix = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const targets = artifacts.map((a) => path.basename(a.path));
  const journal: { files: Journal['files'][number][] } = { files: [] };
  let decided = false;
  try {
    folder = await openOutputFolder(dir, options.within, io);
    lock = await lockOutputs(folder, stem, io, options.lockWaitMs ?? lockWaitMs);
    await removeStaleTemporaries(folder, stem, io);
    const open = folder;
    for (const [i, artifact] of artifacts.entries()) {
      failedOn = artifact.path;
      const previous = await previousFile(open.at(targets[i]));
      await writeTemporary(open.at(temporaryName(targets[i]!, suffix, 'tmp')), artifact.bytes, previous, io);
      if (previous) await io.link(open.at(targets[i]), open.at(temporaryName(targets[i]!, suffix, 'old')));
      journal.files.push({ target: targets[i]!, previous: previous !== undefined });
    }
    failedOn = artifacts[0]?.path ?? failedOn;
    if (!(await lock.held()))
      throw Object.assign(new Error('another build took the lock on these outputs'), { code: 'ELOCKED' });
    await writeJournal(open, stem, suffix, journal, io);
    decided = true;
    await replayJournal(open, stem, suffix, 'replace', io, journal);
  } catch (error) {
    if (folder) await undo(folder, stem, suffix, targets, journal, decided, io);
    const target = (error as { target?: unknown }).target;
    if (typeof target === 'string') failedOn = artifacts[targets.indexOf(target)]?.path ?? failedOn;
    throw new RenderError(
      `cannot write ${failedOn}: ${describeWriteError(error)}; the previous outputs are unchanged`,
      { cause: error },
    );
  } finally {
    await lock?.release();
    await folder?.close();
  }
  return artifacts.map((a) => ({
    path: a.path,
    size: a.bytes.length,
    sha256: createHash('sha256').update(a.bytes).digest('hex'),
  }));
}

/**
 * Finishes, or undoes, a write to these outputs that a process killed outright left half done,
 * and removes its temporaries, without writing anything new: the first thing every write does.
 * Nothing happens when the folder does not exist.
 */
export async function recoverOutputs(
  paths: readonly string[],
  options: Omit<WriteOptions, 'within'> = {},
): Promise<void> {
  const io = options.io ?? nodeIo;
  const { dir, stem } = commonFolder(paths.map((p) => ({ path: p, bytes: new Uint8Array() })));
  const folder = await FolderHandle.open(dir).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  });
  if (!folder) return;
  try {
    const lock = await lockOutputs(folder, stem, io, options.lockWaitMs ?? lockWaitMs);
    try {
      await removeStaleTemporaries(folder, stem, io);
    } finally {
      await lock.release();
    }
  } finally {
    await folder.close();
  }
}

/** The outputs' folder and stem: one lock and one journal cover them, so they must share both. */
function commonFolder(artifacts: readonly Artifact[]): { dir: string; stem: string } {
  if (artifacts.length === 0) throw new Error('writeArtifacts needs at least one file');
  const dir = path.dirname(path.resolve(artifacts[0]!.path));
  const stem = stemOf(path.basename(artifacts[0]!.path));
  for (const a of artifacts) {
    if (path.dirname(path.resolve(a.path)) !== dir || stemOf(path.basename(a.path)) !== stem) {
      throw new Error(
        `writeArtifacts replaces files of one name in one folder as one (${artifacts.map((x) => x.path).join(', ')})`,
      );
    }
  }
  return { dir, stem };
}

interface Previous {
  /** The permissions to keep; none for a symbolic link, whose own mode and owner say nothing. */
  readonly keep?: { readonly mode: number; readonly uid: number; readonly gid: number };
}

/** The file being replaced, if any. A folder in its place fails here, before anything is replaced. */
async function previousFile(target: string): Promise<Previous | undefined> {
  const info = await lstat(target).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  });
  if (!info) return undefined;
  if (info.isDirectory()) throw Object.assign(new Error(`${target} is a folder`), { code: 'EISDIR' });
  // A symbolic link is replaced, not written through: it may lead anywhere.
  if (info.isSymbolicLink()) return {};
  return { keep: { mode: info.mode & 0o777, uid: info.uid, gid: info.gid } };
}

/**
 * A new file with the previous one's permissions: a report or profile kept private (0600)
 * stays private. The mode is set after creation, since the umask applies to the one given at
 * open. The owner and group are kept where the system allows (root, or a group of ours).
 */
async function writeTemporary(
  file: string,
  bytes: Uint8Array,
  previous: Previous | undefined,
  io: WriteIo,
): Promise<void> {
  const keep = previous?.keep;
  const handle = await io.open(file, 'wx', keep?.mode ?? 0o644);
  try {
    if (keep) {
      if (keep.uid !== process.getuid?.() || keep.gid !== process.getgid?.()) {
        // Only root may give a file away; anyone may pass it to a group they are in.
        await handle.chown(keep.uid, keep.gid).catch(() => handle.chown(-1, keep.gid).catch(() => undefined));
      }
      await handle.chmod(keep.mode);
    }
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Undoes a failed write. Before the journal nothing was replaced: the temporaries and second
 * names go. After it, the journal is first turned into an undo journal and then replayed, so a
 * kill during the undo is finished by the next run the same way.
 */
async function undo(
  folder: FolderHandle,
  stem: string,
  suffix: string,
  targets: readonly string[],
  journal: Journal,
  decided: boolean,
  io: WriteIo,
): Promise<void> {
  if (decided) {
    await markUndo(folder, stem, suffix, io).catch(() => undefined);
    await replayJournal(folder, stem, suffix, 'undo', io, journal).catch(() => undefined);
    // Left only if it could not be renamed; undone, it would replace nothing.
    await io.unlink(folder.at(journalName(stem, suffix, 'replace'))).catch(() => undefined);
    return;
  }
  for (const target of targets) {
    await io.unlink(folder.at(temporaryName(target, suffix, 'tmp'))).catch(() => undefined);
    await io.unlink(folder.at(temporaryName(target, suffix, 'old'))).catch(() => undefined);
  }
}
