import { readFileSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RenderError, UserError } from '../../src/errors.js';
import { limits } from '../../src/limits.js';
import { BrowserSession } from '../../src/print/browser-session.js';
import { printPdf } from '../../src/print/print-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/** The processes Chromium started (renderers, zygote...), read from /proc: children of children of its browser process. */
function chromiumChildren(root: number): { pid: number; cmdline: string }[] {
  const kids = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      kids.set(parent, [...(kids.get(parent) ?? []), Number(entry)]);
    } catch {
      // Gone while listing.
    }
  }
  const out: { pid: number; cmdline: string }[] = [];
  const walk = (pid: number): void => {
    for (const kid of kids.get(pid) ?? []) {
      try {
        out.push({ pid: kid, cmdline: readFileSync(`/proc/${kid}/cmdline`, 'utf8') });
      } catch {
        // Gone while listing.
      }
      walk(kid);
    }
  };
  walk(root);
  return out;
}

const paragraphs = (n: number): string =>
  `<!doctype html><html><body>${Array.from({ length: n }, (_, i) => `<p>Paragraph ${i + 1}: ${'a line of text '.repeat(30)}</p>`).join('')}</body></html>`;

const session = new BrowserSession();
const cap = limits.pdfPages;
afterEach(() => {
  (limits as { pdfPages: number }).pdfPages = cap;
});
afterAll(() => session.close());

describe('printing has a page bound and a memory bound', () => {
  it('refuses, before printing, a page laid out longer than the page cap, with the numbers', async () => {
    const error = await printPdf(session, paragraphs(5000), { page: 'A4' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^the report would print at least (\\d+) pages, more than the ${cap} a PDF may have \\(limits.pdfPages\\)`,
      ),
    );
    expect(Number(/at least (\d+)/.exec((error as Error).message)![1])).toBeGreaterThan(cap);
  }, 120_000);

  it('refuses a PDF that came out longer than the cap, though its layout looked short enough', async () => {
    (limits as { pdfPages: number }).pdfPages = 2;
    // Three short blocks, one per page: a layout a few lines tall that prints three pages.
    const html =
      '<!doctype html><html><body><p style="break-after: page">one</p><p style="break-after: page">two</p><p>three</p></body></html>';
    await expect(printPdf(session, html, { page: 'A4' })).rejects.toThrow(
      /^the report printed 3 pages, more than the 2 a PDF may have \(limits.pdfPages\)/,
    );
  }, 60_000);

  it('starts every Chromium process under the memory limit, and names it when the renderer dies while printing', async () => {
    const browser = await session.browser();
    const root = browser.process()!.pid!;
    let killed = 0;
    // A request the page makes while it loads (refused, as every request is) is the moment to
    // kill its renderer, as running out of memory would.
    const html =
      '<!doctype html><html><body><p>Before.</p><img src="https://example.org/beacon.png" alt=""><p>After.</p></body></html>';
    const error = await printPdf(session, html, {
      page: 'A4',
      onBlockedRequest: () => {
        for (const { pid, cmdline } of chromiumChildren(root)) {
          if (!cmdline.includes('--type=renderer')) continue;
          const limit = /Max data size\s+(\d+)/.exec(readFileSync(`/proc/${pid}/limits`, 'utf8'))?.[1];
          expect(Number(limit)).toBe(limits.chromiumMemoryMb * 1024 * 1024);
          process.kill(pid, 'SIGKILL');
          killed++;
        }
      },
    }).catch((e: unknown) => e);
    expect(killed).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(RenderError);
    expect((error as Error).message).toMatch(
      /^Chromium's page renderer crashed while printing; each Chromium process may use at most 4096 MiB \(limits.chromiumMemoryMb\)/,
    );
  }, 60_000);
});

describe('profile-report build of a report too long to print', () => {
  it('exits 1 with the page count and the cap, having written nothing', async () => {
    const project = await tempProject();
    await mkdir(path.join(project, 'huge'));
    // Every letter 300 px tall: the sample's ten pages become thousands.
    await writeFile(path.join(project, 'huge', 'extra.css'), '* { font-size: 300px !important; }\n');
    const result = await runCli(['build', '--templates', 'huge'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /the report would print at least \d{4} pages, more than the 450 a PDF may have \(limits.pdfPages\)/,
    );
    expect((await listFiles(project)).filter((f) => f.startsWith('out/'))).toEqual([]);
  }, 120_000);
});
