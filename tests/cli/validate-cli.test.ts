import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtures, repoRoot } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

describe('profile-report validate (real process)', () => {
  it('passes on the sample: exit 0', async () => {
    const result = await runCli(['validate'], { cwd: repoRoot });
    expect(result.stderr).toBe('3 files checked: no problems.\n');
    expect(result.code).toBe(0);
  });

  it('fails on every invalid fixture with exit 1, file:line:col lines, no stack trace, nothing written', async () => {
    const project = await tempProject({ withSample: false });
    const invalid = (await readdir(path.join(fixtures, 'invalid'))).map((f) => path.join(fixtures, 'invalid', f));
    const result = await runCli(['validate', ...invalid], { cwd: project });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    const problemLines = lines.slice(0, -1);
    expect(problemLines.length).toBeGreaterThanOrEqual(invalid.length);
    for (const line of problemLines) expect(line).toMatch(/^\/\S+\.yaml:\d+:\d+ {2}\S+ {2}\S/);
    // Every file is reported, all at once.
    for (const file of invalid) expect(result.stderr).toContain(file);
    expect(lines.at(-1)).toMatch(new RegExp(`^${invalid.length} files checked: \\d+ errors\\.$`));
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await listFiles(project)).toEqual([]);
  });

  it('reports a broken profile of a report spec with the spec-relative file name', async () => {
    const project = await tempProject();
    const profile = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    await writeFile(profile, (await readFile(profile, 'utf8')).replace('education:', 'educaton:'));
    const before = await listFiles(project);
    const result = await runCli(['validate'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('data/profiles/luo-fuli.yaml:');
    expect(result.stderr).toContain('educaton  unknown field `educaton`; did you mean `education`?');
    expect(await listFiles(project)).toEqual(before);
  });

  it('refuses a report spec that points outside the project folder', async () => {
    const project = await tempProject();
    const spec = path.join(project, 'data', 'report.yaml');
    await writeFile(
      spec,
      (await readFile(spec, 'utf8')).replace('  - profiles/luo-fuli.yaml', '  - ../../../etc/passwd'),
    );
    const result = await runCli(['validate'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^data\/report\.yaml:10:5 {2}profiles\[1\] {2}`\.\.\/\.\.\/\.\.\/etc\/passwd` leads outside the project folder/m,
    );
    expect(result.stderr).not.toContain('root:');
  });

  it('exits 2 on bad usage', async () => {
    for (const args of [[], ['frobnicate'], ['validate', '--no-such-flag']]) {
      const result = await runCli(args, { cwd: repoRoot });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^usage error: /);
    }
  });

  it('exits 1 for a file that does not exist', async () => {
    const result = await runCli(['validate', 'nope.yaml'], { cwd: repoRoot });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('nope.yaml  (file)  no such file');
  });
});

describe('profile-report schema', () => {
  it('prints the JSON Schema that is committed under data/', async () => {
    const result = await runCli(['schema'], { cwd: repoRoot });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(await readFile(path.join(repoRoot, 'data', 'profile.schema.json'), 'utf8'));
  });
});
