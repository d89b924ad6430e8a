import { constants } from 'node:fs';
import { open, readlink, realpath, stat } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';

// Flags Node leaves undefined where the system has none (Windows), whatever its typing says.
const folderFlags = constants.O_RDONLY | ((constants.O_DIRECTORY as number | undefined) ?? 0);
/** For a folder made by this process: a symbolic link planted in its place is refused. */
const madeFolderFlags = folderFlags | ((constants.O_NOFOLLOW as number | undefined) ?? 0);

/**
 * An open folder, and names inside it that stay inside it. A path such as `out/report.html` is
 * resolved again by every call that uses it, so a symbolic link swapped along it between a
 * check and a write sends the write elsewhere. Through the open descriptor (`/proc/self/fd/N/x`
 * on Linux, the kernel's `openat` in all but name) every later read, write and rename lands in
 * the folder that was opened and checked, whatever its path points to by then.
 *
 * Where there is no /proc, names are built on the folder's real path at opening: the same
 * folder unless a link is planted along that path, which only a race with another user can do.
 */
export class FolderHandle {
  private constructor(
    private readonly handle: FileHandle,
    /** How the folder was named, for messages. */
    readonly shown: string,
    /** `/proc/self/fd/N`, or the real path where there is no /proc. */
    private readonly base: string,
  ) {}

  /** Opens `folder`, following symbolic links (an output folder may be one). */
  static async open(folder: string, shown = folder, flags = folderFlags): Promise<FolderHandle> {
    const handle = await open(folder, flags);
    try {
      if (!(await handle.stat()).isDirectory())
        throw Object.assign(new Error(`${shown} is not a folder`), { code: 'ENOTDIR' });
      const viaProc = `/proc/self/fd/${handle.fd}`;
      if (
        await readlink(viaProc).then(
          (target) => path.isAbsolute(target),
          () => false,
        )
      )
        return new FolderHandle(handle, shown, viaProc);
      const real = await realpath(folder);
      const [opened, named] = await Promise.all([handle.stat(), stat(real)]);
      if (opened.dev !== named.dev || opened.ino !== named.ino)
        throw Object.assign(new Error(`${shown} changed while it was being opened`), { code: 'ECHANGED' });
      return new FolderHandle(handle, shown, real);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** A path to `name` (a plain name or `a/b`) inside this very folder. */
  at(name = '.'): string {
    return name === '.' ? this.base : `${this.base}/${name}`;
  }

  /** Opens the sub-folder `name`, made by this process: a symbolic link there is refused (ENOTDIR or ELOOP). */
  child(name: string): Promise<FolderHandle> {
    return FolderHandle.open(this.at(name), path.join(this.shown, name), madeFolderFlags);
  }

  /** Where the folder really is now (the kernel's name for it). */
  async realPath(): Promise<string> {
    return this.base.startsWith('/proc/') ? await readlink(this.base) : this.base;
  }

  /** `text` with the descriptor's path replaced by the folder's name, for messages. */
  describe(text: string): string {
    return text.replace(new RegExp(`${this.base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![0-9])`, 'g'), this.shown);
  }

  /** Flushes the folder's entries (names made, renamed, removed) to the disk. */
  async sync(): Promise<void> {
    await this.handle.sync().catch(() => undefined);
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined);
  }
}
