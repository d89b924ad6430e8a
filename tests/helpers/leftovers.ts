import { execFile } from 'node:child_process';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

/**
 * A private temporary folder for one CLI run (give it as TMPDIR): Chromium's profile folder is
 * made there, so a test can check that its own run left nothing, whatever else runs in parallel.
 */
export async function privateTmp(project: string): Promise<string> {
  const dir = path.join(project, '.tmp');
  await mkdir(dir, { recursive: true });
  return dir;
}

/** Temporary Chromium profile folders left in `tmp`. */
export async function chromiumProfileDirs(tmp: string): Promise<string[]> {
  return (await readdir(tmp)).filter((name) => name.startsWith('profile-report-chromium-')).sort();
}

/** Chromium processes still running with a profile folder inside `tmp`. */
export async function chromiumProcesses(tmp: string): Promise<string[]> {
  try {
    const { stdout } = await promisify(execFile)('pgrep', ['-af', `${tmp}/profile-report-chromium-`]);
    return stdout.split('\n').filter((line) => line.trim() && !line.includes('pgrep'));
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

/**
 * Resolves once no Chromium of `tmp` runs (killed from outside, say); fails after `ms`. A
 * process that is not our child sends no event when it dies, so this asks, briefly and often.
 */
export async function noChromiumLeft(tmp: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while ((await chromiumProcesses(tmp)).length > 0) {
    if (Date.now() > deadline) throw new Error(`Chromium still runs ${ms} ms after it was killed`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
