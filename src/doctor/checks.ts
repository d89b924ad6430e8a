import { randomBytes } from 'node:crypto';
import { mkdir, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { firstLine } from '../errors.js';
import { BrowserSession } from '../print/browser-session.js';
import { findChromium } from '../print/find-chromium.js';

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  /** The one command (or step) that fixes it, when not ok. */
  readonly fix?: string;
}

const debianNeeds = 'build-essential libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev';

export function checkNode(version = process.versions.node): Promise<CheckResult> {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const ok = major > 20 || (major === 20 && minor >= 19);
  return Promise.resolve({
    name: 'Node.js',
    ok,
    detail: `version ${version}${ok ? '' : ', older than 20.19'}`,
    ...(ok ? {} : { fix: 'install Node.js 20.19 or newer (https://nodejs.org or your package manager)' }),
  });
}

/**
 * Found, and actually starts: a browser that is present but cannot launch is no use. When
 * PUPPETEER_EXECUTABLE_PATH is set, it alone is used, so a failure is that variable's fault and
 * installing Chromium would not help.
 */
export async function checkChromium(env: NodeJS.ProcessEnv = process.env): Promise<CheckResult> {
  const fromEnv = env['PUPPETEER_EXECUTABLE_PATH'];
  const fixVariable = `PUPPETEER_EXECUTABLE_PATH is wrong: point it at a Chrome or Chromium binary (export PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium), or unset it to use the system's Chromium`;
  let executable: string;
  try {
    executable = findChromium(env);
  } catch (error) {
    return {
      name: 'Chromium',
      ok: false,
      detail: (error as Error).message.split(';')[0]!,
      fix: fromEnv
        ? fixVariable
        : 'apt-get install chromium   (or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium)',
    };
  }
  const session = new BrowserSession({ executablePath: executable });
  try {
    const browser = await session.browser();
    const version = await browser.version();
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    return {
      name: 'Chromium',
      ok: true,
      detail: `${version} at ${executable} launches${root ? " (as root, so without Chromium's sandbox)" : ''}`,
    };
  } catch (error) {
    const fix = fromEnv
      ? fixVariable
      : 'apt-get install --reinstall chromium   (or point PUPPETEER_EXECUTABLE_PATH at a working browser)';
    return { name: 'Chromium', ok: false, detail: `${executable} does not start: ${firstLine(error)}`, fix };
  } finally {
    await session.close();
  }
}

export async function checkCanvas(): Promise<CheckResult> {
  try {
    const canvas = await import('canvas');
    const svg = canvas.createCanvas(10, 10, 'svg');
    svg.getContext('2d').fillRect(0, 0, 5, 5);
    svg.toBuffer();
    // The versions are exported at run time but not declared in the module's types.
    const versions = canvas as unknown as { cairoVersion?: string; pangoVersion?: string };
    return {
      name: 'canvas (charts)',
      ok: true,
      detail: `node-canvas with Cairo ${versions.cairoVersion ?? '?'}, Pango ${versions.pangoVersion ?? '?'}`,
    };
  } catch (error) {
    return {
      name: 'canvas (charts)',
      ok: false,
      detail: `the canvas module does not load: ${firstLine(error)}`,
      fix: `apt-get install ${debianNeeds} && npm rebuild canvas`,
    };
  }
}

/**
 * Whether a build could write `dir`, changing nothing: a folder that does not exist yet is
 * judged by the nearest one that does (where the build would create it). The test is a probe
 * folder made and removed at once, because as root `access()` says yes even where nothing can
 * be written (such as /proc).
 */
export async function checkWritable(dir: string, shown: string): Promise<CheckResult> {
  const existing = await nearestExisting(dir);
  const probe = path.join(existing, `.profile-report-doctor-${randomBytes(4).toString('hex')}`);
  const pending = existing === dir ? '' : ` (it does not exist yet; a build creates it in ${existing})`;
  try {
    await mkdir(probe);
    await rmdir(probe);
    return { name: 'output folder', ok: true, detail: `${shown} is writable${pending}` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    const detail =
      existing === dir
        ? `${shown} is not writable (${code})`
        : `${shown} does not exist, and ${existing}, where a build would create it, is not writable (${code})`;
    return { name: 'output folder', ok: false, detail, fix: `chmod u+w ${existing}   (or build with --out DIR)` };
  }
}

async function nearestExisting(dir: string): Promise<string> {
  for (let current = dir; ; current = path.dirname(current)) {
    const found = await stat(current).then(
      (s) => s.isDirectory(),
      () => false,
    );
    if (found || path.dirname(current) === current) return current;
  }
}
