import path from 'node:path';

/**
 * Resolves `relative` against `baseDir` and accepts it only inside `root`. A shared report spec
 * must not be able to read `/etc/passwd` as a profile or write its output over someone's files.
 * Pure: symlinks are checked by the caller that opens the file, if it cares.
 */
export function resolveInside(
  root: string,
  baseDir: string,
  relative: string,
): { ok: true; path: string } | { ok: false; message: string } {
  if (path.isAbsolute(relative)) {
    return { ok: false, message: `\`${relative}\` is an absolute path; write it relative to the report spec` };
  }
  const resolved = path.resolve(baseDir, relative);
  const fromRoot = path.relative(root, resolved);
  if (fromRoot === '..' || fromRoot.startsWith(`..${path.sep}`) || path.isAbsolute(fromRoot)) {
    return {
      ok: false,
      message: `\`${relative}\` leads outside the project folder (${root}); paths in a report spec must stay inside it`,
    };
  }
  return { ok: true, path: resolved };
}

/** A path as users should see it in messages: relative to where they ran the command. */
export function displayPath(cwd: string, absolute: string): string {
  const relative = path.relative(cwd, absolute);
  return relative === '' ? '.' : relative.startsWith('..') ? absolute : relative;
}
