import { readFile, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { launch } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LiveCli } from '../helpers/spawn-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/**
 * The live preview, in a real headless Chromium: open the page, save an edit, see the new text
 * without reloading by hand; an invalid edit shows its problems over the last good report.
 */
describe('profile-report watch --serve', () => {
  let project: string;
  // Undefined when beforeAll failed before starting them; afterAll stops only what started.
  let watch: LiveCli | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let url: string;
  let profile: string;
  let original: string;

  beforeAll(async () => {
    project = await tempProject();
    profile = path.join(project, 'data', 'profiles', 'zeng-yan.yaml');
    original = await readFile(profile, 'utf8');
    watch = new LiveCli(['watch', '--serve', '--port', '0', '--json'], project);
    const serving = await watch.next<{ event: string; url: string }>(60_000);
    expect(serving.event).toBe('serve');
    url = serving.url;
    expect(await watch.next<{ ok: boolean }>(120_000)).toMatchObject({ ok: true });
    const root = typeof process.getuid === 'function' && process.getuid() === 0;
    browser = await launch({
      executablePath: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium',
      headless: true,
      pipe: true,
      args: root ? ['--no-sandbox'] : [],
    });
    page = await browser.newPage();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await watch?.stop('SIGTERM');
  });

  it('serves the report on 127.0.0.1, with a reload script that the file on disk does not have', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await page.goto(url);
    expect(await page.evaluate('document.body.innerText')).toContain('Zeng Yan');
    const served = await page.content();
    expect(served).toContain('<script nonce=');
    const onDisk = await readFile(path.join(project, 'out', 'report.html'), 'utf8');
    // The file's one script element is the report's facts: inert JSON, never the update script.
    expect(onDisk.match(/<script[^>]*>/gi)).toEqual(['<script type="application/json" id="profile-report-facts">']);
  }, 180_000);

  it('shows a saved edit without a manual reload, and writes it to disk', async () => {
    const saved = performance.now();
    await writeFile(profile, original.replace(/^ {2}headline: .*$/m, '  headline: Preview headline one'));
    await page.waitForFunction("document.body.innerText.replaceAll('\\u00AD', '').includes('Preview headline one')", {
      timeout: 60_000,
    });
    const shownMs = performance.now() - saved;
    console.log(`watch --serve: saved edit visible in the page after ${Math.round(shownMs)} ms`);
    const built = await watch!.next<{ ok: boolean; artifacts: { path: string }[] }>(120_000);
    expect(built.ok).toBe(true);
    expect((await readFile(path.join(project, 'out', 'report.html'), 'utf8')).replaceAll('\u00AD', '')).toContain(
      'Preview headline one',
    );
  }, 180_000);

  it('shows the problems of an invalid edit over the last good report, with file:line:col, and keeps the outputs', async () => {
    const before = await readFile(path.join(project, 'out', 'report.html'));
    await writeFile(
      profile,
      original
        .replace(/^ {2}headline: .*$/m, '  headline: Preview headline one')
        .replace(/^ {2}birthYear: .*$/m, '  birthYear: nineteen'),
    );
    await page.waitForSelector('#profile-report-problems', { timeout: 60_000 });
    const overlay = String(await page.evaluate("document.getElementById('profile-report-problems').innerText"));
    expect(overlay).toMatch(/data\/profiles\/zeng-yan\.yaml:\d+:\d+ {2}person\.birthYear {2}expected a number/);
    expect(String(await page.evaluate('document.body.innerText')).replaceAll('\u00AD', '')).toContain(
      'Preview headline one',
    );
    expect(await watch!.next<{ ok: boolean }>(120_000)).toMatchObject({ ok: false });
    expect(await readFile(path.join(project, 'out', 'report.html'))).toEqual(before);
  }, 180_000);

  it('clears the overlay when the edit is fixed', async () => {
    await writeFile(profile, original.replace(/^ {2}headline: .*$/m, '  headline: Preview headline two'));
    await page.waitForFunction(
      "document.body.innerText.replaceAll('\\u00AD', '').includes('Preview headline two') && !document.getElementById('profile-report-problems')",
      { timeout: 60_000 },
    );
    expect(await watch!.next<{ ok: boolean }>(120_000)).toMatchObject({ ok: true });
  }, 180_000);

  it('refuses a request that names another host (a rebound DNS name)', async () => {
    const { port } = new URL(url);
    const status = await new Promise<number | undefined>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: Number(port), path: '/', headers: { host: 'attacker.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });
});
