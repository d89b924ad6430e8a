import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

describe('template overrides', () => {
  it('the README example: one partial and extra.css override, the rest falls back', async () => {
    const project = await tempProject();
    const result = await runCli(
      ['build', '--templates', path.join(repoRoot, 'examples', 'restyle'), '--format', 'html', '--quiet'],
      { cwd: project },
    );
    expect(result.code, result.stderr).toBe(0);
    // Read without the soft hyphens the renderer writes at hyphenation points.
    const html = (await readFile(path.join(project, 'out', 'report.html'), 'utf8')).replace(/\u00AD/g, '');
    expect(html).toContain('Hiring committee briefing · 23 November 2026');
    expect(html).toContain('Confidential: for the hiring committee only.');
    expect(html).toContain('/* extra.css */');
    expect(html).toContain('--link: #8a1538;');
    // Built-in partials still render the rest.
    expect(html).toContain('<h1 id="section-timeline-title">Timeline</h1>');
  });

  it("warns about a file that overrides nothing, from the spec's templates key", async () => {
    const project = await tempProject();
    await mkdir(path.join(project, 'look', 'partials'), { recursive: true });
    await writeFile(path.join(project, 'look', 'partials', 'cover-page.hbs'), '<p>typo</p>');
    const spec = path.join(project, 'data', 'report.yaml');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('output:', 'templates: ../look\noutput:'));
    const result = await runCli(['build', '--format', 'html'], { cwd: project });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /warning: .*look\/partials\/cover-page\.hbs overrides nothing \(a typo\?\); a template folder may hold .*partials\/cover\.hbs/,
    );
  });

  it('refuses a template folder outside the project, from a spec', async () => {
    const project = await tempProject();
    const spec = path.join(project, 'data', 'report.yaml');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('output:', 'templates: /etc\noutput:'));
    const result = await runCli(['build'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/data\/report\.yaml:\d+:\d+ {2}templates {2}`\/etc` is an absolute path/);
  });

  it('refuses a template that would add a script, with exit 3 and nothing written', async () => {
    const project = await tempProject();
    await mkdir(path.join(project, 'bad', 'partials'), { recursive: true });
    await writeFile(
      path.join(project, 'bad', 'partials', 'sources.hbs'),
      '<section><h1>Sources</h1><scr{{!x}}ipt>alert(1)</script></section>',
    );
    const result = await runCli(['build', '--templates', 'bad'], { cwd: project });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(/bad\/partials\/sources\.hbs:1:\d+ {2}<scr\{\{!x\}\}ipt> is not allowed in a report/);
    expect(await listFiles(project)).not.toContain('out/report.html');
  });
});
