import { lstat } from 'node:fs/promises';
import { z } from 'zod';
import type { FolderHandle } from '../load/folder-handle.js';
import { readInputFile } from '../load/read-input-file.js';
import { stemOf, temporaryName } from './temporary-names.js';
import type { WriteIo } from './write-io.js';

/**
 * The journal of a replacement: written, flushed and renamed into place after every new file
 * is written and flushed and before the first rename onto an output, removed once the last is
 * done. Its presence is the decision. A writer killed while the journal exists left temporaries
 * that are all complete, so the next writer finishes the renames: the pair ends all new. A
 * writer killed before it left only temporaries: the pair is all old. When a rename fails
 * while the writer runs, the journal is first renamed from `.journal` to `.undo` (a rename
 * needs no free space, so it works on a full disk too), so that a kill while undoing is undone
 * too, never half-finished the other way.
 */
const fileName = z
  .string()
  .min(1)
  .max(255)
  .refine((name) => name !== '.' && name !== '..' && !/[/\\\0]/.test(name), 'a plain file name');

const journalSchema = z.strictObject({
  /** Each output: its name in the folder, and whether a previous file had a second name. */
  files: z
    .array(z.strictObject({ target: fileName, previous: z.boolean() }))
    .min(1)
    .max(16),
});

export type Journal = z.infer<typeof journalSchema>;

/** A journal is a few hundred bytes; anything bigger is not one of ours. */
const journalBytes = 64 * 1024;

/** `replace`: finish putting the new files in place; `undo`: put the previous ones back. */
export type JournalState = 'replace' | 'undo';

export function journalName(stem: string, suffix: string, state: JournalState): string {
  return temporaryName(stem, suffix, state === 'replace' ? 'journal' : 'undo');
}

/** Puts the journal in place atomically (a flushed temporary renamed), then flushes the folder, so the decision is on disk before any output is touched. */
export async function writeJournal(
  folder: FolderHandle,
  stem: string,
  suffix: string,
  journal: Journal,
  io: WriteIo,
): Promise<void> {
  const temp = folder.at(temporaryName(`${stem}.journal`, suffix, 'tmp'));
  try {
    const handle = await io.open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(journal));
      await handle.sync();
    } finally {
      await handle.close();
    }
    await io.rename(temp, folder.at(journalName(stem, suffix, 'replace')));
  } catch (error) {
    await io.unlink(temp).catch(() => undefined);
    throw error;
  }
  await folder.sync();
}

/** Turns the decision around: from here on, the next run puts the previous files back. */
export async function markUndo(folder: FolderHandle, stem: string, suffix: string, io: WriteIo): Promise<void> {
  await io.rename(folder.at(journalName(stem, suffix, 'replace')), folder.at(journalName(stem, suffix, 'undo')));
  await folder.sync();
}

/**
 * Completes what a journal records, from whatever point the writer reached: every step is
 * skipped when already done, so a replay that is itself killed can be replayed again. A journal
 * that cannot be read as one (damaged, or planted in a shared project) is removed unreplayed:
 * its files are then cleaned as leftovers of a replacement never decided.
 */
export async function replayJournal(
  folder: FolderHandle,
  stem: string,
  suffix: string,
  state: JournalState,
  io: WriteIo,
  known?: Journal,
): Promise<void> {
  const name = journalName(stem, suffix, state);
  const journal = known ?? (await readJournal(folder.at(name), stem));
  if (journal) {
    const files = await Promise.all(
      journal.files.map(async (file) => {
        const temp = folder.at(temporaryName(file.target, suffix, 'tmp'));
        return {
          ...file,
          name: file.target,
          temp,
          backup: folder.at(temporaryName(file.target, suffix, 'old')),
          target: folder.at(file.target),
          placed: !(await exists(temp)),
        };
      }),
    );
    if (state === 'replace') {
      // Every rename before any second name goes: until the last, an undo needs them all.
      for (const file of files) {
        if (file.placed) continue;
        await io.rename(file.temp, file.target).catch((error: unknown) => {
          throw Object.assign(error as Error, { target: file.name });
        });
      }
      for (const file of files) if (file.previous) await io.unlink(file.backup).catch(() => undefined);
    } else {
      for (const file of files) {
        if (!file.placed) {
          await io.unlink(file.temp).catch(() => undefined);
          if (file.previous) await io.unlink(file.backup).catch(() => undefined);
        } else if (file.previous) {
          if (await exists(file.backup)) await io.rename(file.backup, file.target);
        } else {
          await io.unlink(file.target).catch(() => undefined);
        }
      }
    }
    await folder.sync();
  }
  await io.unlink(folder.at(name)).catch(() => undefined);
  await folder.sync();
}

async function readJournal(file: string, stem: string): Promise<Journal | undefined> {
  const read = await readInputFile(file, journalBytes);
  if (!read.ok) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(read.bytes).toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = journalSchema.safeParse(value);
  if (!parsed.success) return undefined;
  // The journal `.report.<suffix>.journal` speaks only of report.*: the lock held is report's.
  return parsed.data.files.every((f) => stemOf(f.target) === stem) ? parsed.data : undefined;
}

async function exists(file: string): Promise<boolean> {
  return lstat(file).then(
    () => true,
    () => false,
  );
}
