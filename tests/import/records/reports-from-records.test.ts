import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildContext, buildReport, memoryReader } from '../../../src/index.js';
import { repoRoot } from '../../helpers/paths.js';
import { importRecords } from './helpers.js';
import { people } from './imported-people.js';

const spec = (profiles: readonly string[]) => `title: Imported records
author: profile-report tests
profiles: [${profiles.map((p) => `profiles/${p}.yaml`).join(', ')}]
sections: [cover, at-a-glance, timeline, education, papers, models, balance-points, sources]
page: A4
buildDate: 2026-11-25
output: { dir: ../out, name: report }
`;

describe('reports build from imported records with no warning', () => {
  // One context for all, as a batch build has: the fonts and the chart canvas are loaded once.
  // HTML only, so Chromium is never started.
  const context = new BuildContext();
  afterAll(() => context.close());

  it.each(people)(
    '$name ($files.0, …) beside the sample profile: HTML in memory, no warning',
    async ({ name, slug, files, skipBad }) => {
      const result = await importRecords(name, files, { skipBad: skipBad ?? false });
      expect(result.ok).toBe(true);
      const root = '/virtual';
      const sources = new Map<string, string>([
        [`${root}/data/report.yaml`, spec([slug, 'zeng-yan'])],
        [`${root}/data/profiles/${slug}.yaml`, result.text],
        [
          `${root}/data/profiles/zeng-yan.yaml`,
          await readFile(path.join(repoRoot, 'data', 'profiles', 'zeng-yan.yaml'), 'utf8'),
        ],
      ]);
      const built = await buildReport({ cwd: root, read: memoryReader(sources), formats: ['html'], context });
      expect(built.warnings).toEqual([]);
      expect(built.html).toContain(name.replace(/&/g, '&amp;'));
    },
  );
});
