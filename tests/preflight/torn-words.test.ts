import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tornWordWarnings } from '../../src/preflight/torn-words.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/**
 * A template folder whose CSS tears words in one medium: any letter may end a line, and no
 * hyphen is drawn.
 */
async function tearingTemplates(project: string, media: 'print' | 'screen' = 'print'): Promise<void> {
  await mkdir(path.join(project, 'look'));
  await writeFile(
    path.join(project, 'look', 'extra.css'),
    `@media ${media} {\n  td, dd, p, li, h2 { word-break: break-all !important; hyphens: none !important; }\n  .papers-table th:nth-child(2) { width: 20% !important; }\n}\n`,
  );
}

describe('the preflight measures the laid-out page for torn words', () => {
  it('names each word broken across lines without a hyphen, with its section; --strict refuses', async () => {
    const project = await tempProject();
    await tearingTemplates(project);
    const result = await runCli(['build', '--templates', 'look'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /warning: words are broken across lines without a hyphen: (the (word|name) "[^"|]+\|[^"|]+" \(in "[^"]+"\)(, | and \d+ more))+/,
    );
    expect(result.stderr).toMatch(/\(in "At a glance"\)/);

    const strict = await tempProject();
    await tearingTemplates(strict);
    const refused = await runCli(['build', '--templates', 'look', '--strict'], { cwd: strict });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/words are broken across lines without a hyphen: .* \(--strict\)/);
    expect(refused.stderr).toContain('nothing was written');
    expect((await listFiles(strict)).filter((f) => f.startsWith('out/'))).toEqual([]);
  }, 180_000);

  it('measures the page as it prints: words torn only on screen are no warning', async () => {
    const project = await tempProject();
    await tearingTemplates(project, 'screen');
    const result = await runCli(['build', '--templates', 'look', '--strict'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('broken across lines');
  }, 180_000);

  it('names a few torn words and counts the rest', () => {
    const torn = Array.from({ length: 15 }, (_, i) => ({ word: `wo|rd${i}`, section: 'in "Papers"', name: i === 0 }));
    const [warning] = tornWordWarnings(torn);
    expect(warning).toMatch(
      /^words are broken across lines without a hyphen: the name "wo\|rd0" \(in "Papers"\), the word "wo\|rd1"/,
    );
    expect(warning).toContain('and 3 more');
    expect(tornWordWarnings([])).toEqual([]);
  });
});
