import { lstat, readlink, realpath } from 'node:fs/promises';
import path from 'node:path';
import { isInside } from '../load/real-path.js';

export type WriteTarget = { ok: true; path: string; within?: string } | { ok: false; message: string };

/**
 * Where replacing `file` should write. A plain file is replaced where it is. A symbolic link is
 * written through, to the file it leads to, when that file is inside `root` (the project):
 * replacing the link itself would leave the linked file without the change and the link gone.
 * A link that leads out of the project is refused: a shared project must not be able to aim a
 * write at someone's files. The write is then confined to `root` as well, so the link swapped
 * after this check changes nothing.
 */
export async function writeTarget(file: string, shown: string, root: string): Promise<WriteTarget> {
  const info = await lstat(file).catch(() => undefined);
  if (!info?.isSymbolicLink()) return { ok: true, path: file };
  const points = await readlink(file).catch(() => '?');
  const real = await realpath(file).catch(() => undefined);
  if (real === undefined)
    return { ok: false, message: `${shown} is a symbolic link to ${points}, which does not exist` };
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  if (!isInside(realRoot, real)) {
    return {
      ok: false,
      message: `${shown} is a symbolic link to ${real}, outside the project folder (${realRoot}); a file is written through a link only inside the project: name that file itself to write to it`,
    };
  }
  return { ok: true, path: real, within: root };
}
