import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { launch } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { failedCommand } from '../helpers/failed-command.js';
import { fixtures } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

const run = promisify(execFile);
const require = createRequire(import.meta.url);
const vnuJar = path.join(path.dirname(require.resolve('vnu-jar/package.json')), 'build', 'dist', 'vnu.jar');

/** Tools nobody here wrote check what we claim: valid HTML, accessibility, a sound PDF. */
describe('external validators', () => {
  let project: string;
  // Folder and file name of each report: a report of profiles named on the command line is named after the people.
  const reports = { sample: 'out/report', three: 'three/zeng-yan-luo-fuli-aiko-tanabe' } as const;

  beforeAll(async () => {
    project = await tempProject();
    expect((await runCli(['build', '--quiet'], { cwd: project })).code).toBe(0);
    const aiko = path.join(fixtures, 'people', 'aiko-tanabe.yaml');
    expect(
      (
        await runCli(
          ['build', '--quiet', '--out', 'three', 'data/profiles/zeng-yan.yaml', 'data/profiles/luo-fuli.yaml', aiko],
          { cwd: project },
        )
      ).code,
    ).toBe(0);
  }, 90_000);

  it.each(Object.entries(reports))(
    '%s: the Nu Html Checker (vnu) finds no errors',
    async (_, dir) => {
      const file = path.join(project, `${dir}.html`);
      // vnu prints its findings as JSON on stderr and exits 1 when there are errors.
      const { stderr } = await run('java', ['-jar', vnuJar, '--errors-only', '--format', 'json', file]).catch(
        failedCommand,
      );
      const messages = (JSON.parse(stderr) as { messages: { type: string; message: string; lastLine?: number }[] })
        .messages;
      expect(messages.filter((m) => m.type === 'error')).toEqual([]);
    },
    60_000,
  );

  it.each(Object.entries(reports))(
    '%s: axe-core in Chromium reports no serious or critical violations, desktop and phone',
    async (_, dir) => {
      const html = await readFile(path.join(project, `${dir}.html`), 'utf8');
      const axeSource = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
      const browser = await launch({
        executablePath: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium',
        args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
      });
      try {
        for (const viewport of [
          { width: 1280, height: 900 },
          { width: 390, height: 844, isMobile: true },
        ]) {
          const page = await browser.newPage();
          // The report's CSP forbids scripts; the checker's own script is let in for this test only.
          await page.setBypassCSP(true);
          await page.setViewport(viewport);
          await page.setContent(html, { waitUntil: 'load' });
          await page.addScriptTag({ content: axeSource });
          const violations = await page.evaluate(async () => {
            const result = await (
              globalThis as unknown as {
                axe: {
                  run: (
                    ctx: unknown,
                    opts: unknown,
                  ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
                };
              }
            ).axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] });
            return result.violations.map((v) => ({
              id: v.id,
              impact: v.impact,
              nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
            }));
          });
          expect(
            violations.filter((v) => v.impact === 'serious' || v.impact === 'critical'),
            `${viewport.width}px`,
          ).toEqual([]);
          await page.close();
        }
      } finally {
        await browser.close();
      }
    },
    60_000,
  );

  it.each(Object.entries(reports))('%s: qpdf --check passes on the PDF', async (_, dir) => {
    const { stdout } = await run('qpdf', ['--check', path.join(project, `${dir}.pdf`)]);
    expect(stdout).toContain('No syntax or stream encoding errors found');
  });
});
