import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Canary } from '../helpers/canary.js';
import { hostilePayloads, hostileProfile } from '../helpers/hostile-profile.js';
import { chromiumProcesses, chromiumProfileDirs, privateTmp } from '../helpers/leftovers.js';
import { readPdf } from '../helpers/read-pdf.js';
import type { PdfFacts } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';
import { readerHtml } from '../helpers/reader-view.js';

const squash = (s: string): string => s.replace(/\s+/g, '');

describe('hostile profiles: nothing fetched, nothing run, every payload shown as text', () => {
  const canary = new Canary();
  let project: string;
  let tmp: string;
  let payloads: string[];
  const html: string[] = [];
  const pdfs: PdfFacts[] = [];
  let exitCode: number | null;
  let stderr: string;

  beforeAll(async () => {
    await canary.start();
    payloads = hostilePayloads(canary.origin);
    project = await tempProject({ withSample: false });
    tmp = await privateTmp(project);
    await mkdir(path.join(project, 'data', 'profiles'), { recursive: true });
    // Eight people per report at most: the payloads go into two reports built as one batch.
    const groups = [payloads.slice(0, 7), payloads.slice(7)];
    for (const [g, group] of groups.entries()) {
      const files = [];
      for (const [i, payload] of group.entries()) {
        const file = `profiles/g${g}-p${i}.yaml`;
        await writeFile(path.join(project, 'data', file), hostileProfile(payload, canary.origin));
        files.push(file);
      }
      const spec = {
        title: group[0],
        subtitle: group[1],
        author: group.at(-1),
        subject: group[2],
        keywords: group.slice(0, 3),
        profiles: files,
        buildDate: '2026-11-23',
        output: { dir: '../out', name: `group-${g}` },
      };
      await writeFile(path.join(project, 'data', `group-${g}.yaml`), stringify(spec, { lineWidth: 0 }));
    }
    const result = await runCli(['build', 'data/group-0.yaml', 'data/group-1.yaml'], {
      cwd: project,
      env: { TMPDIR: tmp },
    });
    exitCode = result.code;
    stderr = result.stderr;
    for (const g of [0, 1]) {
      html.push(await readFile(path.join(project, 'out', `group-${g}.html`), 'utf8'));
      pdfs.push(await readPdf(path.join(project, 'out', `group-${g}.pdf`)));
    }
  }, 120_000);

  afterAll(async () => {
    await canary.stop();
  });

  it('builds', () => {
    expect(exitCode, stderr).toBe(0);
  });

  it('makes no request at all: the canary on 127.0.0.1 was never contacted', () => {
    expect(canary.hits).toEqual([]);
  });

  it('shows every payload as escaped text in the HTML, never as markup', () => {
    // The page as a reader gets it: without the facts block (JSON, where `<` is \u003c) and the
    // break hints the layout adds to long words.
    const all = html.map(readerHtml).join('\n');
    for (const payload of payloads) {
      // As the HTML serialiser writes text: &, < and > escaped, quotes as they are.
      expect(all, payload).toContain(payload.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
      if (payload.includes('<')) expect(all.includes(payload), payload).toBe(false);
    }
    expect(all).not.toMatch(/<(script|iframe|object|base|link|svg)[\s>]/i);
    expect(all).not.toMatch(/<meta http-equiv="refresh/i);
  });

  it('shows every payload as text in the PDF', () => {
    const text = squash(pdfs.map((p) => p.text).join('\n'));
    for (const payload of payloads) expect(text, payload).toContain(squash(payload));
  });

  it('ran no script and read no file', () => {
    for (const out of [...html, ...pdfs.map((p) => p.text)]) {
      expect(out).not.toContain('PWNED');
      expect(out).not.toMatch(/root:x?:0:0/);
    }
    expect(pdfs[0]!.info['Title']).toBe(payloads[0]);
  });

  it('keeps the running header a literal string, whatever the title holds', () => {
    const page2 = pdfs[1]!.pageTexts[1]!;
    expect(squash(page2)).toContain(squash(payloads[7]!).slice(0, 40));
  });

  it('leaves no Chromium and no profile folder behind', async () => {
    expect(await chromiumProcesses(tmp)).toEqual([]);
    expect(await chromiumProfileDirs(tmp)).toEqual([]);
  });
});

describe('the canary itself', () => {
  it('does see a page that is allowed to fetch (so zero hits above means something)', async () => {
    const canary = await new Canary().start();
    const { launch } = await import('puppeteer-core');
    const browser = await launch({
      executablePath: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium',
      args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
    });
    try {
      const page = await browser.newPage();
      await page.setContent(`<img src="http://${canary.origin}/control">`, { waitUntil: 'load' });
      await canary.hit(1);
      expect(canary.hits).toEqual(['GET /control HTTP/1.1']);
    } finally {
      await browser.close();
      await canary.stop();
    }
  }, 30_000);
});
