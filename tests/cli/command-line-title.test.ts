import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { editionFactsFromBytes } from '../../src/edition/read-edition.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

describe('the title of a report of people named on the command line', () => {
  it('is in the report language: build a.yaml b.yaml --lang zh-CN is titled in Chinese, not "… compared"', async () => {
    const project = await tempProject();
    const profiles = ['data/profiles/zeng-yan.yaml', 'data/profiles/luo-fuli.yaml'];
    const run = await runCli(['build', ...profiles, '--lang', 'zh-CN', '--format', 'html', '--quiet'], {
      cwd: project,
    });
    expect(run.code, run.stderr).toBe(0);
    const html = await readFile(path.join(project, 'out', 'zeng-yan-luo-fuli.html'), 'utf8');
    expect(html).toContain('<title>曾妍和罗福莉对比</title>');
    expect(html).toContain('<h1 id="section-cover-title" dir="auto">曾妍和罗福莉对比</h1>');
    expect(html).toContain('<div class="running-text" aria-hidden="true">曾妍和罗福莉对比 ');
    // The facts the report carries, read as a later edition reads them, bear the same title.
    const facts = await editionFactsFromBytes('report.html', Buffer.from(html, 'utf8'));
    expect(facts.title).toBe('曾妍和罗福莉对比');
  });
});
