import * as fs from 'node:fs/promises';

/**
 * Every call that changes the disk while writing outputs, replaceable so tests can make the
 * disk fail at any step, or stop the process there, and check what a reader finds.
 */
export interface WriteIo {
  readonly open: typeof fs.open;
  readonly rename: typeof fs.rename;
  readonly unlink: typeof fs.unlink;
  readonly link: typeof fs.link;
  readonly mkdir: typeof fs.mkdir;
}

export const nodeIo: WriteIo = { open: fs.open, rename: fs.rename, unlink: fs.unlink, link: fs.link, mkdir: fs.mkdir };
