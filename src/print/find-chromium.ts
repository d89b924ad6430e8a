import { accessSync, constants } from 'node:fs';
import { RenderError } from '../errors.js';

const candidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/**
 * The Chromium to print with: PUPPETEER_EXECUTABLE_PATH when set (and then only that), else the
 * first of the usual install places. Never downloads one.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env['PUPPETEER_EXECUTABLE_PATH'];
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new RenderError(
      `PUPPETEER_EXECUTABLE_PATH is ${fromEnv}, which is not an executable file; fix the path or unset it to use the system Chromium`,
    );
  }
  const found = candidates.find(isExecutable);
  if (found) return found;
  throw new RenderError(
    'no Chromium found; on Debian run `apt-get install chromium`, or set PUPPETEER_EXECUTABLE_PATH to a Chrome or Chromium binary',
  );
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
