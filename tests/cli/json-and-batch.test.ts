import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSummarySchema, validateSummarySchema } from '../../src/cli/json-summary.js';
import { fixtures, repoRoot } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

describe('--json', () => {
  it('build --json: a summary that fits its schema, and nothing else on stdout or stderr', async () => {
    const project = await tempProject();
    const result = await runCli(['build', '--json'], { cwd: project });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const summary = buildSummarySchema.parse(JSON.parse(result.stdout));
    expect(summary.ok).toBe(true);
    const report = summary.reports[0]!;
    expect(report.artifacts.map((a) => [a.format, a.path])).toEqual([
      ['html', 'out/report.html'],
      ['pdf', 'out/report.pdf'],
    ]);
    expect(report.artifacts[1]!.bytes).toBe((await readFile(path.join(project, 'out', 'report.pdf'))).length);
    expect(Object.keys(report.timings)).toEqual([
      'load',
      'templates',
      'derive',
      'charts',
      'html',
      'pdf',
      'preflight',
      'write',
      'total',
    ]);
  }, 60_000);

  it('validate --json: every problem with file, line, column, path and message', async () => {
    const result = await runCli(
      [
        'validate',
        '--json',
        path.join(fixtures, 'invalid', 'typo-key.yaml'),
        path.join(fixtures, 'invalid', 'bad-date.yaml'),
      ],
      { cwd: fixtures },
    );
    expect(result.code).toBe(1);
    const summary = validateSummarySchema.parse(JSON.parse(result.stdout));
    expect(summary.files).toEqual(['invalid/typo-key.yaml', 'invalid/bad-date.yaml']);
    expect(summary.problems).toHaveLength(5);
    // Files in the order given, each file's problems top to bottom.
    expect(summary.problems.map((p) => p.file)).toEqual([
      'invalid/typo-key.yaml',
      'invalid/typo-key.yaml',
      'invalid/bad-date.yaml',
      'invalid/bad-date.yaml',
      'invalid/bad-date.yaml',
    ]);
    const { message, ...where } = summary.problems[2]!;
    expect(where).toEqual({
      file: 'invalid/bad-date.yaml',
      line: 7,
      column: 12,
      path: 'career[0].start',
      severity: 'error',
    });
    expect(message).toContain('found the text "2021-13"');
  });

  it('--quiet: no progress at all on success', async () => {
    const project = await tempProject();
    const result = await runCli(['build', '--quiet', '--format', 'html'], { cwd: project });
    expect([result.code, result.stdout, result.stderr]).toEqual([0, '', '']);
  });
});

describe('batch', () => {
  it('builds several specs with one Chromium; a bad one does not stop the others, and the exit code says so', async () => {
    const project = await tempProject();
    const spec = await readFile(path.join(project, 'data', 'report.yaml'), 'utf8');
    for (const name of ['one', 'two', 'three'])
      await writeFile(path.join(project, 'data', `${name}.yaml`), spec.replace('name: report', `name: ${name}`));
    await writeFile(
      path.join(project, 'data', 'bad.yaml'),
      spec.replace('name: report', 'name: bad').replace('  - profiles/luo-fuli.yaml', '  - profiles/nobody.yaml'),
    );
    const result = await runCli(
      ['build', '--json', 'data/one.yaml', 'data/bad.yaml', 'data/two.yaml', 'data/three.yaml'],
      { cwd: project },
    );
    expect(result.code).toBe(1);
    const summary = buildSummarySchema.parse(JSON.parse(result.stdout));
    expect(summary.reports.map((r) => [r.spec, r.ok, r.exitCode])).toEqual([
      ['data/one.yaml', true, 0],
      ['data/bad.yaml', false, 1],
      ['data/two.yaml', true, 0],
      ['data/three.yaml', true, 0],
    ]);
    expect(summary.reports[1]!.problems).toEqual([
      expect.objectContaining({
        file: 'data/bad.yaml',
        path: 'profiles[1]',
        message:
          'the profile `profiles/nobody.yaml` does not exist (looked for data/profiles/nobody.yaml); the folder holds luo-fuli.yaml, zeng-yan.yaml',
      }),
    ]);
    expect((await readdir(path.join(project, 'out'))).sort()).toEqual([
      'one.html',
      'one.pdf',
      'three.html',
      'three.pdf',
      'two.html',
      'two.pdf',
    ]);
  }, 90_000);

  it('refuses to mix report specs and profiles, or --out with several specs', async () => {
    const mixed = await runCli(['build', 'data/report.yaml', 'data/profiles/zeng-yan.yaml'], { cwd: repoRoot });
    expect(mixed.code).toBe(2);
    const out = await runCli(['build', '--out', 'x', 'data/report.yaml', 'data/report.yaml'], { cwd: repoRoot });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('--out cannot be used with several report specs');
  });
});
