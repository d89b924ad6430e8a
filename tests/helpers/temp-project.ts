import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { repoRoot } from './paths.js';

const made: string[] = [];

// Removed when the test file is done, so folders made in beforeAll live through its tests.
afterAll(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A throwaway project folder holding a copy of the sample data (and nothing else). */
export async function tempProject(options: { withSample?: boolean } = {}): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'profile-report-test-'));
  made.push(dir);
  if (options.withSample !== false) await cp(path.join(repoRoot, 'data'), path.join(dir, 'data'), { recursive: true });
  return dir;
}

/** Every file under `dir`, relative, sorted: to check that nothing was written. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}
