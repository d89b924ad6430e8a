import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/run-cli.js';
import { listFiles, tempProject } from '../../helpers/temp-project.js';
import { recordsDir } from './helpers.js';
import { people } from './imported-people.js';

// Through the real CLI and Chromium; each person's report is built in process, HTML only, in
// reports-from-records.test.ts.
describe('reports build from imported records with no warning', () => {
  it('one real build: four people imported with the CLI, compared in one PDF with --strict (any warning fails it)', async () => {
    const dir = await tempProject();
    await mkdir(path.join(dir, 'in'));
    const four = [people[0]!, people[3]!, people[4]!, people[6]!];
    for (const person of four) {
      for (const file of person.files) await copyFile(path.join(recordsDir, file), path.join(dir, 'in', file));
      const made = await runCli(
        [
          'import',
          ...person.files.map((f) => `in/${f}`),
          '--new',
          person.name,
          ...(person.skipBad ? ['--skip-bad'] : []),
        ],
        { cwd: dir },
      );
      expect(made.code, made.stderr).toBe(0);
      expect(made.stderr).toContain(`wrote data/profiles/${person.slug}.yaml`);
    }
    const build = await runCli(
      ['build', ...four.map((p) => `data/profiles/${p.slug}.yaml`), '--strict', '--quiet', '--out', 'out'],
      { cwd: dir },
    );
    expect(build.code, build.stderr).toBe(0);
    expect(build.stderr).not.toMatch(/warning/i);
    const pdf = (await listFiles(path.join(dir, 'out'))).find((f) => f.endsWith('.pdf'));
    expect(pdf).toBeDefined();
    expect((await readFile(path.join(dir, 'out', pdf!))).subarray(0, 5).toString()).toBe('%PDF-');
  }, 300_000);
});
