import { createHash } from 'node:crypto';
import { limits } from '../limits.js';
import { readInputFile } from '../load/read-input-file.js';
import { identity } from './input-poller.js';

/**
 * What a file holds, to tell a save that changed it from a file event that did not: the hash of
 * its bytes, through any symbolic link. Not its identity (inode, size, time): a file system
 * that keeps times to the second gives two saves of the same length one identity, and a
 * symbolic link's own identity stays put when the file it names changes. A file that cannot be
 * read as a regular file (missing, a folder, a FIFO: the non-blocking read refuses it without
 * waiting) or is larger than any input the build accepts is known by its identity and why.
 */
export async function contentKey(file: string): Promise<string> {
  const read = await readInputFile(file, limits.portraitBytes);
  if (read.ok) return `sha256 ${createHash('sha256').update(read.bytes).digest('hex')}`;
  return `${await identity(file)} (${read.problem.message})`;
}
