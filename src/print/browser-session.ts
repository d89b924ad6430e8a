import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import type { Browser, Page } from 'puppeteer-core';
import { RenderError, firstLine } from '../errors.js';
import { limits } from '../limits.js';
import { makeChromiumFolders, removeOrphanedProfiles } from './chromium-folders.js';
import { findChromium } from './find-chromium.js';
import { launchWithMemoryLimit } from './memory-limit.js';
import { PagePool } from './page-pool.js';

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
  private closing: Promise<void> | undefined;
  /** warmUp callers waiting for Chromium's process to start. */
  private spawnWaiters: (() => void)[] = [];
  private stopping = false;
  private noticed = false;
  /** Each Chromium's prepared pages; a relaunched Chromium starts a new pool. */
  private readonly pools = new WeakMap<Browser, PagePool>();

  private readonly notices: string[] = [];
  private noticeHandler: ((message: string) => void) | undefined;

  constructor(private readonly options: BrowserOptions = {}) {
    this.noticeHandler = options.onNotice;
  }

  /** Where notices go; notices given before a handler was set are passed on now. */
  onNotice(handler: (message: string) => void): void {
    this.noticeHandler = handler;
    for (const message of this.notices.splice(0)) handler(message);
  }

  private notice(message: string): void {
    if (this.noticeHandler) this.noticeHandler(message);
    else this.notices.push(message);
  }

  /**
   * Starts Chromium and prepares a page, without waiting for them; the first print picks them
   * up. Resolves once Chromium's process has been started (or failed to start), so a caller can
   * let it get going before loading anything else on this thread.
   */
  warmUp(): Promise<void> {
    const started = new Promise<void>((resolve) => this.spawnWaiters.push(resolve));
    this.browser()
      .then((browser) => this.poolOf(browser)?.warmUp())
      .catch(() => undefined)
      .finally(() => this.spawned());
    if (this.current?.connected) this.spawned();
    return started;
  }

  /** A page ready to print (see PagePool); give it back with release. */
  async page(onBlockedRequest?: (url: string) => void): Promise<Page> {
    const browser = await this.browser();
    const pool = this.poolOf(browser);
    if (!pool) throw new RenderError('Chromium went away before printing could start');
    return pool.take(onBlockedRequest);
  }

  /** Gives a page back after a successful print; a page from a failed one is closed instead. */
  async release(page: Page, healthy: boolean): Promise<void> {
    const pool = this.pools.get(page.browser());
    if (pool) await pool.give(page, healthy && !this.stopping);
    else await page.close().catch(() => undefined);
  }

  private spawned(): void {
    for (const resolve of this.spawnWaiters.splice(0)) resolve();
  }

  private poolOf(browser: Browser): PagePool | undefined {
    return this.pools.get(browser);
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
    killGroup(browser?.process());
    await browser?.close().catch(() => undefined);
    await this.removeProfile();
    this.stopping = false;
  }

  /**
   * Closes Chromium and removes its folders. Every caller (a signal's handler, the command's
   * own `finally`) waits for the same closing: a second call that returned at once used to remove
   * the profile folder while Chromium, still shutting down, wrote its last files into it.
   */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    this.closed = true;
    this.stopping = true;
    const browser = await this.launching?.catch(() => undefined);
    this.launching = undefined;
    if (browser) {
      // A page still being made when Chromium closes leaves Puppeteer waiting (and the process
      // alive) for its full target timeout; let it finish first, which takes a moment.
      await Promise.race([this.pools.get(browser)?.settled(), delay(2000)]);
      const child = browser.process();
      if (child && child.exitCode === null && child.signalCode === null) {
        // Chromium's own shutdown (Browser.close) took about 100 ms of every build, writing out
        // a profile that is removed next. Nothing of it is wanted, so the whole process group
        // is stopped at once instead, as after a hung render, which takes a few milliseconds.
        const exited = once(child, 'exit').catch(() => undefined);
        killGroup(child);
        await Promise.race([exited, delay(5000)]);
      } else {
        await Promise.race([browser.close().catch(() => undefined), delay(5000)]);
      }
    }
    await this.removeProfile();
  }

  private async launch(): Promise<Browser> {
    const executablePath = this.options.executablePath ?? findChromium();
    const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
    if (isRoot && !this.noticed)
      this.notice("running as root, so Chromium's sandbox is off (--no-sandbox); run as a normal user to keep it");
    this.noticed = true;
    await this.removeProfile(); // left by a Chromium that crashed
    await removeOrphanedProfiles();
    const { profileDir, chromiumTmp } = await makeChromiumFolders();
    this.dirs.push(...new Set([profileDir, chromiumTmp]));
    const { launch, defaultArgs } = await import('puppeteer-core');
    // Closed while the folders were made (a signal during start-up): start nothing.
    if (this.closed) {
      await this.removeProfile();
      throw new RenderError('the browser session was closed while Chromium was starting');
    }
    try {
      const chromiumArgs = [
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
      ];
      const launched = launch({
        ...launchWithMemoryLimit(executablePath, chromiumArgs, limits.chromiumMemoryMb, defaultArgs, {
          userDataDir: profileDir,
        }),
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
      });
      // Puppeteer has spawned Chromium by now; it only waits for it to answer.
      this.spawned();
      const browser = await launched;
      // Puppeteer drops its 'error' listeners from the pipe when it closes the connection; an
      // ECONNRESET after that (Chromium killed while closing) would crash this process
      // (puppeteer issue 4374). The stream is dead either way; the error is the 'disconnected'.
      for (const stream of browser.process()?.stdio ?? []) stream?.on('error', () => undefined);
      this.current = browser;
      this.pools.set(browser, new PagePool(browser));
      browser.on('disconnected', () => {
        // Gone without our asking (crashed, killed): the next print launches a new one.
        if (this.current === browser && !this.stopping) this.launching = undefined;
      });
      return browser;
    } catch (error) {
      await this.removeProfile();
      throw new RenderError(`Chromium (${executablePath}) did not start: ${firstLine(error)}`, {
        cause: error,
      });
    }
  }

  private async removeProfile(): Promise<void> {
    const dirs = this.dirs;
    this.dirs = [];
    await Promise.all(
      dirs.map((dir) => rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined)),
    );
  }
}

/**
 * Kills Chromium with every process it started. Puppeteer starts it as the leader of its own
 * process group; a renderer that is stuck (paused, or spinning) does not notice its parent's
 * death and would outlive it, holding our pipes open, so the whole group goes.
 */
function killGroup(child: ChildProcess | null | undefined): void {
  if (!child?.pid) return;
  try {
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
