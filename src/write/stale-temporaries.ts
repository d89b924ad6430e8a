import { readdir, stat } from 'node:fs/promises';
import { isAlive } from '../process-alive.js';
import type { FolderHandle } from '../load/folder-handle.js';
import { parseTemporary, stemOf } from './temporary-names.js';
import type { Temporary } from './temporary-names.js';
import { replayJournal } from './write-journal.js';
import type { WriteIo } from './write-io.js';

/**
 * Finishes what a writer of the outputs named `stem` left when it was killed outright (kill -9,
 * power loss), and removes its temporaries. Called with the outputs' lock held, so no live
 * writer of `stem` is at work. A journal means the writer had decided: its replacement is
 * completed (or, if it was undoing one, the undoing is), so the pair is whole, all old or all
 * new. Without a journal nothing had been replaced: the temporaries are removed, except that a
 * previous output whose file is missing (an older version's swap) is put back. Files of
 * processes still running, and of a journal not ours to replay, are left alone.
 */
export async function removeStaleTemporaries(folder: FolderHandle, stem: string, io: WriteIo): Promise<void> {
  const dead = (t: Temporary): boolean => t.pid !== process.pid && !isAlive(t.pid);
  const listed = async (): Promise<Temporary[]> =>
    (await readdir(folder.at()).catch(() => [] as string[])).flatMap((name) => parseTemporary(name) ?? []);
  const isJournal = (t: Temporary): boolean => t.kind === 'journal' || t.kind === 'undo';
  for (const journal of (await listed()).filter((t) => isJournal(t) && t.target === stem && dead(t))) {
    await replayJournal(folder, stem, journal.suffix, journal.kind === 'journal' ? 'replace' : 'undo', io);
  }
  const remaining = await listed();
  const journals = new Set(remaining.filter(isJournal).map((t) => t.suffix));
  for (const t of remaining) {
    if (isJournal(t) || stemOf(t.target) !== stem || journals.has(t.suffix) || !dead(t)) continue;
    const file = folder.at(t.name);
    if (t.kind === 'old' && !(await stat(folder.at(t.target)).catch(() => undefined)))
      await io.rename(file, folder.at(t.target)).catch(() => undefined);
    else await io.unlink(file).catch(() => undefined);
  }
}
