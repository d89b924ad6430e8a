import { mkdtemp, rm } from 'node:fs/promises';
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
  private profileDir: string | undefined;
  private closed = false;
  private crashed: string | undefined;

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

  /** Why the last browser went away, if it did not close normally. */
  get lastCrash(): string | undefined {
    return this.crashed;
  }

  /** Kills Chromium at once (a hung render). The next browser() call launches a fresh one. */
  async kill(): Promise<void> {
    const launching = this.launching;
    this.launching = undefined;
    const browser = await launching?.catch(() => undefined);
    browser?.process()?.kill('SIGKILL');
    await browser?.close().catch(() => undefined);
    await this.removeProfile();
  }

  async close(): Promise<void> {
    this.closed = true;
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
    if (isRoot) this.options.onNotice?.("running as root, so Chromium's sandbox is off (--no-sandbox); run as a normal user to keep it");
    await this.removeProfile(); // left by a Chromium that crashed
    this.profileDir = await mkdtemp(path.join(os.tmpdir(), 'profile-report-chromium-'));
    const { launch } = await import('puppeteer-core');
    try {
      const browser = await launch({
        executablePath,
        headless: true,
        userDataDir: this.profileDir,
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
      this.crashed = undefined;
      browser.on('disconnected', () => {
        const child = browser.process();
        if (!this.closed && this.launching) {
          this.crashed = `Chromium exited unexpectedly${child?.signalCode ? ` (signal ${child.signalCode})` : child?.exitCode != null ? ` (exit code ${child.exitCode})` : ''}`;
          this.launching = undefined;
        }
      });
      return browser;
    } catch (error) {
      await this.removeProfile();
      throw new RenderError(`Chromium (${executablePath}) did not start: ${(error as Error).message.split('\n')[0]}`, { cause: error });
    }
  }

  private async removeProfile(): Promise<void> {
    const dir = this.profileDir;
    this.profileDir = undefined;
    if (dir) await rm(dir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
