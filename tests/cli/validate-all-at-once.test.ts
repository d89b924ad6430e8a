import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/** A sample project whose report spec is edited; returns the project folder. */
async function projectWithSpec(edit: (spec: string) => string): Promise<string> {
  const project = await tempProject();
  const spec = path.join(project, 'data', 'report.yaml');
  await writeFile(spec, edit(await readFile(spec, 'utf8')));
  return project;
}

const misspelt = (spec: string): string => spec.replace('  - profiles/luo-fuli.yaml', '  - profiles/luo-fuil.yaml');
const missingLine =
  'data/report.yaml:10:5  profiles[1]  the profile `profiles/luo-fuil.yaml` does not exist (looked for data/profiles/luo-fuil.yaml); did you mean `profiles/luo-fuli.yaml`?';

describe('validate reports every problem at once', () => {
  it('a schema error in the spec and a misspelt profile path, in one run', async () => {
    const project = await projectWithSpec((s) => misspelt(s).replace('page: A4', 'page: A5'));
    const result = await runCli(['validate'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr.split('\n')).toEqual([
      missingLine,
      'data/report.yaml:12:7  page  expected one of A4, Letter, found the text "A5"; did you mean A4?',
      '3 files checked: 2 errors.',
      '',
    ]);
  }, 30_000);

  it('a schema error in the spec and one in a profile it names', async () => {
    const project = await projectWithSpec((s) => s.replace('page: A4', 'page: A5'));
    const profile = path.join(project, 'data', 'profiles', 'zeng-yan.yaml');
    await writeFile(profile, (await readFile(profile, 'utf8')).replace(/^ {4}year: (\d+)$/m, '    year: "$1x"'));
    const result = await runCli(['validate'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^data\/profiles\/zeng-yan\.yaml:\d+:\d+ {2}papers\[0\]\.year {2}/m);
    expect(result.stderr).toMatch(/^data\/report\.yaml:12:7 {2}page {2}/m);
  }, 30_000);

  it("a missing profile alone: at the spec's line and column, with the name it probably meant", async () => {
    const project = await projectWithSpec(misspelt);
    const result = await runCli(['validate'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${missingLine}\n3 files checked: 1 error.\n`);
  }, 30_000);

  it('build says the same, and writes nothing', async () => {
    const project = await projectWithSpec(misspelt);
    const before = await listFiles(project);
    const result = await runCli(['build', '--format', 'html'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`${missingLine}\n1 problem found; nothing was written.\n`);
    expect(await listFiles(project)).toEqual(before);
  }, 30_000);

  it('a folder that does not exist is named as such', async () => {
    const project = await projectWithSpec((s) => s.replace('  - profiles/luo-fuli.yaml', '  - people/luo-fuli.yaml'));
    const result = await runCli(['validate'], { cwd: project });
    expect(result.stderr).toContain(
      'data/report.yaml:10:5  profiles[1]  the profile `people/luo-fuli.yaml` does not exist (looked for data/people/luo-fuli.yaml), nor does its folder',
    );
  }, 30_000);
});
