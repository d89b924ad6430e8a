import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { galleryReports } from '../helpers/gallery-reports.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';
import { writeWorldProject } from '../helpers/world-people.js';

const run = promisify(execFile);

describe('every glyph of the page from the fonts the report ships', () => {
  it('prints exponents (1 × 10⁻⁶) in Source Sans 3, with no system font in the PDF', async () => {
    const report = galleryReports.find((r) => r.name === 'tiny-values')!;
    const project = await tempProject({ withSample: false });
    const spec = await writeWorldProject(project, report.people, { ...report.options, name: report.name });
    const result = await runCli(['build', path.relative(project, spec), '--strict', '--timeout', '300'], {
      cwd: project,
    });
    expect(result.code, result.stderr).toBe(0);
    const pdf = path.join(project, 'out', `${report.name}.pdf`);
    const { stdout: text } = await run('pdftotext', [pdf, '-']);
    expect(text).toContain('10⁻⁶');
    const { stdout: fonts } = await run('pdffonts', [pdf]);
    const names = fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(names.filter((n) => !/^(SourceSans3|SourceSerif4|NotoSans)/.test(n))).toEqual([]);
  }, 300_000);
});
