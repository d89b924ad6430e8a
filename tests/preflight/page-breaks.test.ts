import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/** A project with a template folder whose extra CSS forces a bad page break. */
async function projectWith(css: string): Promise<string> {
  const project = await tempProject();
  await mkdir(path.join(project, 'look'));
  await writeFile(path.join(project, 'look', 'extra.css'), css);
  return project;
}

/** Lets rows, cards and entries break inside, a line at a time. */
const splitting =
  'tr, .card, li, .person-card, .contents { break-inside: auto !important; }\np, li, dd, td { orphans: 1 !important; widows: 1 !important; }\n';
/** Puts a page break right after the first source, which is cut to one line. */
const stranding =
  '.source-list li:first-child { break-after: page !important; }\n.source-list li:first-child > :not(.source-title) { display: none !important; }\n';

describe('the preflight reads the printed pages for cut blocks and stranded headings', () => {
  it('names each card, entry and table row cut across pages, by its text and pages; --strict refuses', async () => {
    const project = await projectWith(splitting);
    const result = await runCli(['build', '--templates', 'look'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /warning: blocks are cut across pages of the PDF: .*the card "[^"]+" on pages (\d+)–(\d+)/,
    );
    expect(result.stderr).toMatch(/the table row "2022 X-VLM[^"]*" on pages \d+–\d+/);

    const strict = await projectWith(splitting);
    const refused = await runCli(['build', '--templates', 'look', '--strict'], { cwd: strict });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/blocks are cut across pages of the PDF: .* \(--strict\)/);
    expect(refused.stderr).toContain('nothing was written');
    expect((await listFiles(strict)).filter((f) => f.startsWith('out/'))).toEqual([]);
  }, 180_000);

  it('names a heading that keeps fewer than three lines of what it heads on its page; --strict refuses', async () => {
    const project = await projectWith(stranding);
    const result = await runCli(['build', '--templates', 'look'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /warning: the heading "Sources" on page \d+ of the PDF keeps one line of what it heads, and the rest is on the next page/,
    );

    const strict = await projectWith(stranding);
    const refused = await runCli(['build', '--templates', 'look', '--strict'], { cwd: strict });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/the heading "Sources" .* \(--strict\)/);
    expect((await listFiles(strict)).filter((f) => f.startsWith('out/'))).toEqual([]);
  }, 180_000);

  it('finds nothing to say about the sample as the built-in templates lay it out', async () => {
    const project = await tempProject();
    const result = await runCli(['build'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/warning/);
  }, 120_000);
});
