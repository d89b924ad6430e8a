import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import type { Problem } from '../errors.js';
import { formatBytes, limits } from '../limits.js';
import { confinementProblem } from './real-path.js';

export type ReadResult = { ok: true; bytes: Uint8Array } | { ok: false; problem: Problem };

/**
 * Reads a file for the pipeline; swappable so the whole pipeline can run from memory.
 * `within`, when given, is a folder the file's real path (after every symbolic link) must lie in.
 */
export type FileReader = (path: string, maxBytes?: number, within?: string) => Promise<ReadResult>;

/*
 * O_NONBLOCK: opening a FIFO for reading waits for a writer, forever if none comes, and no
 * timeout or signal handler can interrupt a blocked open. Non-blocking, it returns at once and
 * fstat then refuses it. Regular files read the same either way.
 */
const openFlags = constants.O_RDONLY | constants.O_NONBLOCK | (constants.O_NOCTTY ?? 0);

/**
 * Reads at most `maxBytes` (+1, to tell "too big" from "exactly at the limit") of a regular
 * file. FIFOs, sockets, devices and folders are refused after a non-blocking open, before any
 * read, so none can hang a build. With `within`, the file actually opened (not the path as
 * written, which a symbolic link can redirect, even between a check and the open) must lie
 * inside that folder.
 */
export const readInputFile: FileReader = async (path, maxBytes = limits.fileBytes, within) => {
  const fail = (message: string): ReadResult => ({
    ok: false,
    problem: { file: path, path: '', message, severity: 'error' },
  });
  let handle: FileHandle;
  try {
    handle = await open(path, openFlags);
  } catch (error) {
    return fail(describeOpenError(error));
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) return fail('this is a folder, not a file');
    if (stat.isFIFO()) return fail('this is a named pipe (FIFO), not a regular file');
    if (stat.isSocket()) return fail('this is a socket, not a regular file');
    if (!stat.isFile()) return fail('this is a device or other special file, not a regular file');
    if (within !== undefined) {
      const outside = await confinementProblem(handle, path, within);
      if (outside) return fail(outside);
    }
    if (stat.size > maxBytes)
      return fail(`the file is ${formatBytes(stat.size)}; the limit is ${formatBytes(maxBytes)}`);
    const buffer = Buffer.alloc(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) return fail(`the file is larger than the limit of ${formatBytes(maxBytes)}`);
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return fail(describeOpenError(error));
  } finally {
    await handle.close();
  }
};

function describeOpenError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: the file cannot be read';
    case 'EISDIR':
      return 'this is a folder, not a file';
    case 'ELOOP':
      return 'a loop of symbolic links';
    case 'ENXIO':
      return 'this is a socket or device, not a regular file';
    default:
      return `the file cannot be read (${code ?? String(error)})`;
  }
}

/** A reader over files held in memory, for the library API and tests. */
export function memoryReader(files: ReadonlyMap<string, string | Uint8Array>): FileReader {
  return async (path, maxBytes = limits.fileBytes) => {
    const content = files.get(path);
    if (content === undefined)
      return {
        ok: false,
        problem: { file: path, path: '', message: 'no such file', severity: 'error' },
      };
    const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
    if (bytes.length > maxBytes) {
      return {
        ok: false,
        problem: {
          file: path,
          path: '',
          message: `the file is ${formatBytes(bytes.length)}; the limit is ${formatBytes(maxBytes)}`,
          severity: 'error',
        },
      };
    }
    return { ok: true, bytes };
  };
}
