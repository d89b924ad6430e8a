import { lstat, readlink, realpath, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where a file really is, and whether that is inside a folder. Paths are checked after every
 * symbolic link is resolved: a shared project can hold `partials/cite.hbs -> /etc/passwd` or an
 * output folder linked to someone's home, and a check on the text of the path sees neither.
 */

export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}

/**
 * The real path of an open file. On Linux the kernel names the file behind the descriptor, so
 * a link swapped between a check and the open cannot fool it; elsewhere the path is resolved
 * and must still be the same file (device and inode) as the one opened.
 */
async function realPathOfOpenFile(handle: FileHandle, file: string): Promise<string | undefined> {
  const viaProc = await readlink(`/proc/self/fd/${handle.fd}`).catch(() => undefined);
  if (viaProc && path.isAbsolute(viaProc)) return viaProc;
  const resolved = await realpath(file).catch(() => undefined);
  if (!resolved) return undefined;
  const [opened, named] = await Promise.all([handle.stat(), stat(resolved).catch(() => undefined)]);
  return named && named.dev === opened.dev && named.ino === opened.ino ? resolved : undefined;
}

/** A message when the open file lies outside `within`, else undefined. */
export async function confinementProblem(
  handle: FileHandle,
  file: string,
  within: string,
): Promise<string | undefined> {
  const root = await realpath(within).catch(() => path.resolve(within));
  const real = await realPathOfOpenFile(handle, file);
  if (real === undefined) return 'the file changed while it was being opened; try again';
  if (isInside(root, real)) return undefined;
  const shown = await throughDescriptor(file);
  return outsideMessage(shown, real, root, await firstLinkOut(shown, root));
}

/** A folder's real path (from its open descriptor) checked against `root`: a message when outside. */
export async function folderOutside(shown: string, real: string, root: string): Promise<string | undefined> {
  if (isInside(root, real)) return undefined;
  return outsideMessage(shown, real, root, await firstLinkOut(shown, root));
}

/**
 * A name inside a folder opened by descriptor (`/proc/self/fd/N/x`, see folder-handle.ts) as a
 * path under the folder's real path, so a message, and the search for the link that leads out,
 * speak of the user's folders rather than of /proc.
 */
async function throughDescriptor(file: string): Promise<string> {
  const prefix = '/proc/self/fd/';
  if (!file.startsWith(prefix)) return file;
  const rest = file.slice(prefix.length);
  const slash = rest.indexOf('/');
  const fd = slash === -1 ? rest : rest.slice(0, slash);
  if (!/^\d+$/.test(fd)) return file;
  const folder = await readlink(`${prefix}${fd}`).catch(() => undefined);
  return folder === undefined ? file : path.join(folder, slash === -1 ? '' : rest.slice(slash + 1));
}

/**
 * A folder's real path (every link along it resolved, below `root`), refused when it lies
 * outside `root`. A folder that does not exist yet
 * (an output folder) is judged by its nearest existing ancestor, since that is where it will be
 * created.
 */
export async function realFolderInside(
  folder: string,
  root: string,
): Promise<{ ok: true; path: string } | { ok: false; message: string }> {
  const realRoot = await realpath(root).catch(() => path.resolve(root));
  let existing = path.resolve(folder);
  const missing: string[] = [];
  for (;;) {
    const real = await realpath(existing).catch(() => undefined);
    if (real !== undefined) {
      const full = path.join(real, ...missing.reverse());
      // Named from the root as given, so messages keep the user's own spelling of it.
      if (isInside(realRoot, full))
        return { ok: true, path: path.join(path.resolve(root), path.relative(realRoot, full)) };
      return { ok: false, message: outsideMessage(folder, full, realRoot, await firstLinkOut(folder, realRoot)) };
    }
    const parent = path.dirname(existing);
    if (parent === existing) return { ok: true, path: path.resolve(folder) };
    missing.push(path.basename(existing));
    existing = parent;
  }
}

/** The first symbolic link along `file` whose target leaves `root`, to name it in the error. */
async function firstLinkOut(file: string, root: string): Promise<{ link: string; target: string } | undefined> {
  const absolute = path.resolve(file);
  const parts = absolute.split(path.sep).filter(Boolean);
  let current = path.parse(absolute).root;
  for (const part of parts) {
    current = path.join(current, part);
    const info = await lstat(current).catch(() => undefined);
    if (!info) return undefined;
    if (info.isSymbolicLink()) {
      const target = await readlink(current).catch(() => '?');
      const real = await realpath(current).catch(() => path.resolve(path.dirname(current), target));
      if (!isInside(root, real)) return { link: current, target };
    }
  }
  return undefined;
}

function outsideMessage(
  file: string,
  real: string,
  root: string,
  link: { link: string; target: string } | undefined,
): string {
  const via = link ? `the symbolic link ${link.link} points to ${link.target}` : `it resolves to ${real}`;
  return `${file} leads outside the project folder (${root}): ${via}; inputs and outputs must stay inside it`;
}
