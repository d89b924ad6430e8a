/** Why a write failed, in plain words; the writer's own errors (outside, changed, locked) carry theirs. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EROFS':
      return 'the file system is read-only';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ENOENT':
      return 'the folder does not exist and cannot be created there';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EISDIR':
      return 'a folder is in the way of the output file';
    case 'EOUTSIDE':
    case 'ECHANGED':
    case 'ELOCKED':
      return (error as Error).message;
    default:
      return code ?? (error as Error).message;
  }
}
