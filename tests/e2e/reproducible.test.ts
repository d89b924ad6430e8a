import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { galleryReports } from '../helpers/gallery-reports.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';
import { writeWorldProject } from '../helpers/world-people.js';

/** The SVG of every chart in a page, decoded, in order. */
const charts = (html: string): string[] =>
  [...html.matchAll(/data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)/g)].map((m) =>
    Buffer.from(m[1]!, 'base64').toString('utf8'),
  );

describe('the same inputs give the same bytes', () => {
  it('builds a five-person report in five scripts twice, in fresh processes, to identical HTML and PDF', async () => {
    const report = galleryReports.find((r) => r.name === 'five-scripts')!;
    const project = await tempProject({ withSample: false });
    const spec = path.relative(
      project,
      await writeWorldProject(project, report.people, { ...report.options, name: report.name }),
    );
    const outputs: { html: string; pdf: Buffer }[] = [];
    for (const run of ['first', 'second']) {
      // The first build starts with no chart font cache at all; the second finds it warm.
      const tmp = path.join(project, `tmp-${run}`);
      await mkdir(tmp);
      const result = await runCli(['build', spec, '--out', `out-${run}`, '--quiet', '--timeout', '300'], {
        cwd: project,
        env: { TMPDIR: run === 'first' ? tmp : (process.env['TMPDIR'] ?? '/tmp') },
      });
      expect(result.code, result.stderr).toBe(0);
      outputs.push({
        html: await readFile(path.join(project, `out-${run}`, `${report.name}.html`), 'utf8'),
        pdf: await readFile(path.join(project, `out-${run}`, `${report.name}.pdf`)),
      });
    }
    const [first, second] = outputs as [{ html: string; pdf: Buffer }, { html: string; pdf: Buffer }];
    // Chart by chart first, so a failure says which one differs.
    expect(charts(second.html)).toEqual(charts(first.html));
    expect(second.html === first.html).toBe(true);
    expect(second.pdf.equals(first.pdf)).toBe(true);
  }, 300_000);
});
