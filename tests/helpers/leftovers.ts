import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import { promisify } from 'node:util';

/** Temporary Chromium profile folders this tool creates (and must remove). */
export async function chromiumProfileDirs(): Promise<string[]> {
  return (await readdir(os.tmpdir())).filter((name) => name.startsWith('profile-report-chromium-')).sort();
}

/** Chromium processes started with one of our profile folders. */
export async function chromiumProcesses(): Promise<string[]> {
  try {
    const { stdout } = await promisify(execFile)('pgrep', ['-af', 'profile-report-chromium-']);
    return stdout.split('\n').filter((line) => line.trim() && !line.includes('pgrep'));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}
