import { copyFile, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';
import { piwowarFile, withImpact } from './impact-fixtures.js';
import { recordsDir } from './records/helpers.js';

// The footprint import through the real CLI; the import itself is tested in process in
// impact-import.test.ts.
describe('profile-report import author.json --into P.yaml (the CLI)', () => {
  it('--dry-run shows the footprint replaced in the diff and writes nothing; --json says what changed; then it is written', async () => {
    const dir = await tempProject();
    const target = path.join(dir, 'p.yaml');
    const profile = withImpact('  citations: 800\n  asOf: 2020-05-20\n  source: scholar');
    await writeFile(target, profile);
    await copyFile(path.join(recordsDir, piwowarFile), path.join(dir, 'author.json'));

    const dry = await runCli(['import', 'author.json', '--into', 'p.yaml', '--dry-run'], { cwd: dir });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('-  citations: 800\n');
    expect(dry.stdout).toContain('+  citations: 2691\n');
    expect(dry.stdout).toContain('+    - { year: 2012, citations: 99, works: 2 }\n');
    expect(dry.stderr).toContain('impact: citations 800 → 2691, as of 2020-05-20 → 2022-03-09 (from author.json)');
    expect(dry.stderr).not.toContain('left out');
    expect(await readFile(target, 'utf8')).toBe(profile);

    const json = await runCli(['import', 'author.json', '--into', 'p.yaml', '--dry-run', '--json'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    const summary = JSON.parse(json.stdout) as { impact: unknown; leftOut: unknown[] };
    expect(summary.impact).toEqual({
      action: 'replaced',
      file: 'author.json',
      citations: 2691,
      asOf: '2022-03-09',
      before: { citations: 800, asOf: '2020-05-20' },
      older: [],
    });
    expect(summary.leftOut).toEqual([]);

    const written = await runCli(['import', 'author.json', '--into', 'p.yaml'], { cwd: dir });
    expect(written.code, written.stderr).toBe(0);
    expect(await readFile(target, 'utf8')).toContain('impact:\n  citations: 2691\n');
    // Importing the same record again finds the profile's footprint as new: kept, and said.
    const again = await runCli(['import', 'author.json', '--into', 'p.yaml', '--json'], { cwd: dir });
    expect((JSON.parse(again.stdout) as { impact: { action: string } }).impact.action).toBe('kept');
    const validate = await runCli(['validate', 'p.yaml'], { cwd: dir });
    expect(validate.code, validate.stderr).toBe(0);
  }, 60_000);
});
