import { copyFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, memoryReader } from '../../../src/index.js';
import { repoRoot } from '../../helpers/paths.js';
import { runCli } from '../../helpers/run-cli.js';
import { listFiles, tempProject } from '../../helpers/temp-project.js';
import { importRecords, recordsDir } from './helpers.js';

/** One imported profile per format and kind of file, each started with `import --new`. */
const people: readonly { name: string; slug: string; files: string[]; skipBad?: boolean }[] = [
  { name: 'Javier Ferrando', slug: 'javier-ferrando', files: ['alfolio-ferrando-2025.bib'] },
  {
    name: 'Nutan Limaye',
    slug: 'nutan-limaye',
    files: ['dblp-limaye-withcrossref.bib', 'dblp-limaye-standard.bib'],
    skipBad: true,
  },
  { name: 'Carlos Gómez-Rodríguez', slug: 'carlos-gomez-rodriguez', files: ['dblp-KuriyozovMAG19.bib'] },
  {
    name: 'Daniel S. Himmelstein',
    slug: 'daniel-s-himmelstein',
    files: [
      'manubot-crossref-deep-review.json',
      'manubot-datacite-thesis.json',
      'manubot-pubmed-scihub-study.json',
      'manubot-greycite-meta-review.json',
      'manubot-input-bibliography.json',
    ],
    skipBad: true,
  },
  { name: 'Alberto Accomazzi', slug: 'alberto-accomazzi', files: ['orcid-accomazzi-record.json'] },
  {
    name: 'Three releasecandidate1',
    slug: 'three-releasecandidate1',
    files: ['orcid-record-full-3.0.json', 'orcid-work-full-3.0.json'],
    skipBad: true,
  },
  {
    name: 'Heather A. Piwowar',
    slug: 'heather-a-piwowar',
    files: ['openalex-piwowar-works-page.json', 'openalex-author-by-orcid-2022.json', 'openalex-work-by-doi-2022.json'],
  },
  { name: 'Richard Hendriks', slug: 'richard-hendriks', files: ['jsonresume-sample.resume.json'] },
  { name: 'Roee Shapira', slug: 'roee-shapira', files: ['jsonresume-5c077m4n.json'] },
];

const spec = (profiles: readonly string[]) => `title: Imported records
author: profile-report tests
profiles: [${profiles.map((p) => `profiles/${p}.yaml`).join(', ')}]
sections: [cover, at-a-glance, timeline, education, papers, models, balance-points, sources]
page: A4
buildDate: 2026-11-25
output: { dir: ../out, name: report }
`;

describe('reports build from imported records with no warning', () => {
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
      const built = await buildReport({ cwd: root, read: memoryReader(sources), formats: ['html'] });
      expect(built.problems).toEqual([]);
      expect(built.html).toContain(name.replace(/&/g, '&amp;'));
    },
  );

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
