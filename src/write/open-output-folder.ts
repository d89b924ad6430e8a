import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import { FolderHandle } from '../load/folder-handle.js';
import { folderOutside } from '../load/real-path.js';
import type { WriteIo } from './write-io.js';
import { errorCode } from './error-code.js';

/** At most this many folders are created for one output folder (a path from user input). */
const maxDepth = 64;

/**
 * Opens the output folder, creating what is missing, and returns it open: every later write
 * goes through that handle. With `within`, the folder must really be inside it: the nearest
 * existing folder is opened and checked before anything is created, and each missing level is
 * then created and opened inside the one before without following links, so neither a link
 * along the path nor one swapped in while this runs can make a folder, or a file, appear
 * outside.
 *
 * Errors keep their codes (ENOTDIR, EACCES...); a folder outside `within` is EOUTSIDE with the
 * message naming the link that leads out.
 */
export async function openOutputFolder(dir: string, within: string | undefined, io: WriteIo): Promise<FolderHandle> {
  const missing: string[] = [];
  let existing = path.resolve(dir);
  let folder: FolderHandle | undefined;
  while (!folder) {
    try {
      folder = await FolderHandle.open(existing);
    } catch (error) {
      const parent = path.dirname(existing);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === existing || missing.length >= maxDepth)
        throw error;
      missing.unshift(path.basename(existing));
      existing = parent;
    }
  }
  try {
    if (within !== undefined) {
      const root = await realpath(within).catch(() => path.resolve(within));
      const outside = await folderOutside(existing, await folder.realPath(), root);
      if (outside) throw Object.assign(new Error(outside), { code: 'EOUTSIDE' });
    }
    for (const name of missing) {
      await io.mkdir(folder.at(name)).catch((error: unknown) => {
        if (errorCode(error) !== 'EEXIST') throw error;
      });
      const parent: FolderHandle = folder;
      const child = await parent.child(name).catch(async (error: unknown) => {
        // A link made in its place between the mkdir and the open is refused, not followed.
        const link =
          (errorCode(error) === 'ELOOP' || errorCode(error) === 'ENOTDIR') &&
          (await lstat(parent.at(name)).then(
            (info) => info.isSymbolicLink(),
            () => false,
          ));
        throw link
          ? Object.assign(
              new Error(
                `${path.join(parent.shown, name)} changed while it was being written (a symbolic link took the folder's place)`,
              ),
              { code: 'ECHANGED' },
            )
          : error;
      });
      await folder.close();
      folder = child;
    }
    return folder;
  } catch (error) {
    await folder.close();
    throw error;
  }
}
