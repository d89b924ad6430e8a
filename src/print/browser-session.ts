import { once } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'puppeteer-core';
import { RenderError } from '../errors.js';
import { findChromium } from './find-chromium.js';

export interface BrowserOptions {
  readonly executablePath?: string;
  /** Told once, when running as root turns Chromium's sandbox off. */
  readonly onNotice?: (message: string) => void;
}

/**
 * One Chromium for the whole process, launched on first use (or early, with warmUp, so its
 * start overlaps the rest of the build) and reused by every print: watch rebuilds and batch
 * reports share it. It gets its own temporary profile folder, removed on close, and is launched
 * with everything that talks to the network switched off. If it dies, the next print relaunches.
 */
export class BrowserSession {
  private launching: Promise<Browser> | undefined;
  private current: Browser | undefined;
  /** Folders to remove when this Chromium is gone: its profile, and its temporary files. */
  private dirs: string[] = [];
  private closed = false;
  private stopping = false;
  private noticed = false;

  constructor(private readonly options: BrowserOptions = {}) {}

  /** Starts Chromium now without waiting; a later browser() call picks it up. */
  warmUp(): void {
    this.browser().catch(() => undefined);
  }

  browser(): Promise<Browser> {
    if (this.closed) return Promise.reject(new RenderError('the browser session is closed'));
    this.launching ??= this.launch().catch((error: unknown) => {
      this.launching = undefined;
      throw error;
    });
    return this.launching;
  }

  /**
   * After a failed print: why Chromium went away, if it did and we did not stop it. Waits a
   * moment for the exit status, which can arrive after the print's own error.
   */
  async crashReason(): Promise<string | undefined> {
    const browser = this.current;
    const child = browser?.process();
    if (!browser || !child || this.stopping) return undefined;
    const running = (): boolean => child.exitCode === null && child.signalCode === null;
    if (browser.connected && running()) return undefined;
    if (running()) await Promise.race([once(child, 'exit'), delay(1000)]);
    if (running()) return 'Chromium stopped answering';
    return `Chromium exited unexpectedly (${child.signalCode ? `signal ${child.signalCode}` : `exit code ${child.exitCode}`})`;
  }

  /** Kills Chromium at once (a hung render). The next browser() call launches a fresh one. */
  async kill(): Promise<void> {
    this.stopping = true;
    const launching = this.launching;
    this.launching = undefined;
    const browser = await launching?.catch(() => undefined);
    browser?.process()?.kill('SIGKILL');
    await browser?.close().catch(() => undefined);
    await this.removeProfile();
    this.stopping = false;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopping = true;
    const browser = await this.launching?.catch(() => undefined);
    this.launching = undefined;
    if (browser) {
      await Promise.race([browser.close().catch(() => undefined), delay(5000)]);
      const child = browser.process();
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    await this.removeProfile();
  }

  private async launch(): Promise<Browser> {
    const executablePath = this.options.executablePath ?? findChromium();
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (isRoot && !this.noticed) this.options.onNotice?.("running as root, so Chromium's sandbox is off (--no-sandbox); run as a normal user to keep it");
    this.noticed = true;
    await this.removeProfile(); // left by a Chromium that crashed
    await removeOrphanedProfiles();
    const { profileDir, chromiumTmp } = await this.makeDirs();
    const { launch } = await import('puppeteer-core');
    try {
      const browser = await launch({
        executablePath,
        headless: true,
        // A pipe, not a debugging port: no other local process can drive this Chromium, and it
        // exits when its pipe closes, even if this process is killed outright.
        pipe: true,
        userDataDir: profileDir,
        env: { ...process.env, TMPDIR: chromiumTmp },
        // We close Chromium ourselves, on every path, including signals.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        timeout: 30_000,
        args: [
          ...(isRoot ? ['--no-sandbox'] : []),
          '--disable-gpu',
          '--disable-dev-shm-usage',
          '--no-first-run',
          '--no-default-browser-check',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--disable-default-apps',
          '--disable-extensions',
          '--disable-quic',
          '--metrics-recording-only',
          '--mute-audio',
          '--font-render-hinting=none',
          // Belt and braces under request interception: no name resolves, no proxy bypass.
          '--host-resolver-rules=MAP * ~NOTFOUND',
          '--proxy-server=127.0.0.1:9',
          '--proxy-bypass-list=<-loopback>',
        ],
      });
      // Puppeteer drops its 'error' listeners from the pipe when it closes the connection; an
      // ECONNRESET after that (Chromium killed while closing) would crash this process
      // (puppeteer issue 4374). The stream is dead either way; the error is the 'disconnected'.
      for (const stream of browser.process()?.stdio ?? []) stream?.on('error', () => undefined);
      this.current = browser;
      browser.on('disconnected', () => {
        // Gone without our asking (crashed, killed): the next print launches a new one.
        if (this.current === browser && !this.stopping) this.launching = undefined;
      });
      return browser;
    } catch (error) {
      await this.removeProfile();
      throw new RenderError(`Chromium (${executablePath}) did not start: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    }
  }

  /**
   * The profile folder, and where Chromium keeps its own temporary files (shared memory, with
   * --disable-dev-shm-usage): inside that same folder, so removing it removes everything even
   * after a crash. Chromium also puts a Unix socket there, and socket paths must stay under 108
   * bytes, so under a deep TMPDIR (macOS's is about 50 characters) they go to a short folder in
   * /tmp instead.
   */
  private async makeDirs(): Promise<{ profileDir: string; chromiumTmp: string }> {
    const base = os.tmpdir();
    let profileDir: string;
    try {
      profileDir = await mkdtemp(path.join(base, `${profilePrefix}${process.pid}-`));
    } catch (error) {
      throw new RenderError(`cannot create a temporary folder for Chromium in ${base} (${(error as NodeJS.ErrnoException).code ?? String(error)}); set TMPDIR to a writable folder`, { cause: error });
    }
    this.dirs.push(profileDir);
    if (profileDir.length + socketSuffix.length < 104) return { profileDir, chromiumTmp: profileDir };
    const chromiumTmp = await mkdtemp(path.join('/tmp', `${profilePrefix}${process.pid}-`));
    this.dirs.push(chromiumTmp);
    return { profileDir, chromiumTmp };
  }

  private async removeProfile(): Promise<void> {
    const dirs = this.dirs;
    this.dirs = [];
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined)));
  }
}

const profilePrefix = 'profile-report-chromium-';
const socketSuffix = '/org.chromium.Chromium.XXXXXX/SingletonSocket';

/**
 * A process killed outright (SIGKILL, power loss) cannot remove its Chromium folders. They carry
 * their owner's process id, so the next run removes those whose owner is gone.
 */
async function removeOrphanedProfiles(): Promise<void> {
  for (const base of new Set([os.tmpdir(), '/tmp'])) {
    const names = await readdir(base).catch(() => [] as string[]);
    await Promise.all(
      names.map(async (name) => {
        const pid = Number(new RegExp(`^${profilePrefix}(\\d+)-`).exec(name)?.[1]);
        if (!pid || pid === process.pid || isAlive(pid)) return;
        await rm(path.join(base, name), { recursive: true, force: true }).catch(() => undefined);
      }),
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
