import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveReport } from '../../src/derive/derive-report.js';
import { coAuthors } from '../../src/derive/author-names.js';
import { connectionsView } from '../../src/derive/connections.js';
import { careerYears, monthsApart, mQuotient } from '../../src/derive/footprint.js';
import { freshSince, staleFacts } from '../../src/derive/stale-facts.js';
import { SourceIndex } from '../../src/derive/source-index.js';
import { subjects } from '../../src/derive/subject.js';
import { builtInLocale } from '../../src/i18n/locale.js';
import { profileSchema } from '../../src/schema/profile-schema.js';
import type { Profile } from '../../src/schema/profile-schema.js';
import { validateProfile } from '../../src/validate/validate-document.js';
import { fixtures } from '../helpers/paths.js';
import { sampleInputs } from '../helpers/sample-inputs.js';

const en = builtInLocale('en');
const aiko = validateProfile(
  'aiko.yaml',
  readFileSync(path.join(fixtures, 'people', 'aiko-tanabe.yaml')),
  '2026-11-23',
).value!;

/** A fictional person, built from parts: each test adds what it needs. */
function person(name: string, extra: Record<string, unknown> = {}): Profile {
  return profileSchema.parse({
    person: { name, headline: `${name}, a fictional researcher`, source: 's' },
    sources: [{ id: 's', title: `About ${name}`, date: '2026-10-01' }],
    ...extra,
  }) as Profile;
}

const impact = (asOf: string, h: number, citations: number, byYear?: { year: number; citations: number }[]) => ({
  impact: { citations, hIndex: h, asOf, source: 's', ...(byYear ? { byYear } : {}) },
});
const paper = (id: string, year: number, venue: string, authors?: string, extra: Record<string, unknown> = {}) => ({
  id,
  title: `Paper ${id}`,
  year,
  venue,
  authorship: 'co-author',
  summary: 'A paper.',
  source: 's',
  ...(authors ? { authors } : {}),
  ...extra,
});

describe('research footprint', () => {
  it('m-quotient: the h-index per year since the first paper', () => {
    expect(careerYears(2016, '2026-11-01')).toBe(10);
    expect(mQuotient(20, 2016, '2026-11-01')).toBe(2);
    // A first paper this year still counts as one year, not a division by zero.
    expect(careerYears(2026, '2026-03')).toBe(1);
    expect(mQuotient(3, 2026, '2026-03')).toBe(3);
  });

  it('months apart, whichever date comes first', () => {
    expect(monthsApart('2026-11-01', '2026-07-01')).toBe(4);
    expect(monthsApart('2026-07-01', '2026-11-01')).toBe(4);
    expect(monthsApart('2026-08-15', '2026-11-14')).toBe(2);
    expect(monthsApart('2026', '2026-04')).toBe(3);
  });

  it('two people: raw and fair figures, dated and sourced, a chart on one axis, and the at-a-glance row', () => {
    const { spec } = sampleInputs();
    const a = person('Mira Castellanos', {
      ...impact('2026-11-01', 20, 5000, [
        { year: 2024, citations: 900 },
        { year: 2025, citations: 1400 },
      ]),
      papers: [paper('p1', 2016, 'ICML 2016')],
    });
    const b = person('Tomas Lindqvist', {
      ...impact('2026-10-15', 9, 800, [{ year: 2025, citations: 300 }]),
      papers: [paper('q1', 2020, 'NeurIPS 2020'), paper('q2', 2022, 'ICLR 2022')],
    });
    const { view, charts } = deriveReport(spec, [a, b]);
    const fp = view.papers.footprint!;
    expect(
      fp.rows.map((r) => [r.citations, r.hIndex, r.citationsPerYear, r.mQuotient, r.papersPerYear, r.asOf]),
    ).toEqual([
      ['5,000', '20', '500', '2', '0.1', 'as of 1 Nov 2026, About Mira Castellanos'],
      ['800', '9', '133.33', '1.5', '0.33', 'as of 15 Oct 2026, About Tomas Lindqvist'],
    ]);
    expect(fp.apart).toBeUndefined();
    const chart = charts.find((c) => c.id === 'citations-per-year')!;
    expect(chart.config.data.labels).toEqual(['2024', '2025']);
    expect(chart.config.data.datasets.map((d) => d['data'])).toEqual([
      [900, 1400],
      [0, 300],
    ]);
    const row = view.glance.rows.find((r) => r.label === 'Citations')!;
    expect(row.cells.map((c) => c.text)).toEqual([
      '5,000 citations, h-index 20 (as of 1 Nov 2026, About Mira Castellanos)',
      '800 citations, h-index 9 (as of 15 Oct 2026, About Tomas Lindqvist)',
    ]);
    expect(row.cells[0]!.sources).toHaveLength(1);
  });

  it('says when the figures are not from the same moment (more than three months apart)', () => {
    const { spec } = sampleInputs();
    const a = person('Mira Castellanos', impact('2026-11-01', 20, 5000));
    const b = person('Tomas Lindqvist', impact('2026-05-20', 9, 800));
    const { view } = deriveReport(spec, [a, b]);
    expect(view.papers.footprint!.apart).toBe(
      'These figures are not from the same moment: their dates are up to 5 months apart, and citations grow with time.',
    );
  });

  it('one person, and eight with one lacking a footprint: named, not drawn as zero', () => {
    const { spec } = sampleInputs();
    const one = deriveReport({ ...spec, sections: spec.sections.filter((s) => s !== 'connections') }, [
      person('Mira Castellanos', impact('2026-11-01', 3, 40, [{ year: 2026, citations: 40 }])),
    ]);
    expect(one.view.papers.footprint!.rows).toHaveLength(1);
    const eight = Array.from({ length: 8 }, (_, i) =>
      person(
        `Person Number${String.fromCharCode(65 + i)}`,
        i === 7 ? {} : impact('2026-11-01', i + 1, 100 * (i + 1), [{ year: 2025, citations: 10 * (i + 1) }]),
      ),
    );
    const { view, charts } = deriveReport(spec, eight);
    expect(view.papers.footprint!.rows).toHaveLength(7);
    expect(view.papers.footprint!.missing).toBe('No research footprint is given for Person NumberH.');
    const chart = charts.find((c) => c.id === 'citations-per-year')!;
    expect(chart.config.data.datasets).toHaveLength(7);
    expect(chart.note).toBe('Not drawn, as no citations per year are given: Person NumberH.');
  });

  it('no one with a footprint: no footprint part, no chart, no row', () => {
    const { spec, profiles } = sampleInputs();
    const { view, charts } = deriveReport(spec, profiles);
    expect(view.papers.footprint).toBeUndefined();
    expect(charts.find((c) => c.id === 'citations-per-year')).toBeUndefined();
    expect(view.glance.rows.find((r) => r.label === 'Citations')).toBeUndefined();
  });

  it('in Chinese', () => {
    const { spec } = sampleInputs();
    const a = person('Mira Castellanos', impact('2026-11-01', 20, 5000));
    const { view } = deriveReport({ ...spec, language: 'zh-CN' }, [a, aiko], builtInLocale('zh-CN'));
    expect(view.papers.footprint!.title).toBe('学术影响');
    expect(view.papers.footprint!.rows[0]!.asOf).toBe('截至2026年11月1日，About Mira Castellanos');
  });
});

describe('what connects them', () => {
  const view = (people: Profile[]) => {
    const subs = subjects(people, en);
    return connectionsView(subs, new SourceIndex(people, (n) => `source ${n}`), en, '2026-11-23');
  };

  it('splits author lists into names, without et al. or affiliations', () => {
    expect(coAuthors('Fuli Luo, Wei Wang, et al. (Alibaba Group)')).toEqual(['Fuli Luo', 'Wei Wang']);
    expect(coAuthors('Zhang, Wei; Li, Hang and Ada Lovelace*')).toEqual(['Zhang, Wei', 'Li, Hang', 'Ada Lovelace']);
  });

  it('a shared co-author in any form, an institution overlapping and not, a joint paper and a shared venue', () => {
    const a = person('Mira Castellanos', {
      education: [{ degree: 'PhD', institution: 'Example University', start: 2012, end: 2016, source: 's' }],
      career: [{ organisation: 'Acme Labs', start: 2017, end: 2020, source: 's' }],
      papers: [
        paper('joint', 2021, 'ICML 2021', 'Mira Castellanos, Tomas Lindqvist', { arxiv: '2101.00001' }),
        paper('m2', 2019, 'NeurIPS 2019', 'Mira Castellanos, Wei Zhang'),
      ],
    });
    const b = person('Tomas Lindqvist', {
      education: [{ degree: 'MSc', institution: 'Example University', start: 2014, end: 2016, source: 's' }],
      career: [{ organisation: 'ACME Labs', start: 2021, end: 'present', source: 's' }],
      papers: [
        paper('joint-b', 2021, 'ICML 2021', 'M. Castellanos, T. Lindqvist', {
          arxiv: '2101.00001',
          title: 'Joint title, as B spells it',
        }),
        paper('t2', 2023, 'NeurIPS 2023', 'Zhang, Wei; Tomas Lindqvist'),
      ],
    });
    const lines = view([a, b]).pairs[0]!.lines.map((l) => l.text);
    expect(lines).toEqual([
      'Wrote Paper joint (2021) together',
      'Both wrote with Wei Zhang',
      'Both at Example University: together in 2014–2016',
      'Both at Acme Labs: at different times',
      'Both published at NeurIPS: Mira Castellanos 1 paper, Tomas Lindqvist 1 paper',
    ]);
    // Every line cites facts from both profiles.
    for (const l of view([a, b]).pairs[0]!.lines) expect(l.sources.length).toBeGreaterThan(0);
    expect(view([a, b]).sharedInstitutions).toBe(
      'Institutions they share: Example University and Acme Labs (see What connects them).',
    );
  });

  it('the same person is not their own shared co-author', () => {
    const a = person('Mira Castellanos', { papers: [paper('m1', 2019, 'X', 'Mira Castellanos, Tomas Lindqvist')] });
    const b = person('Tomas Lindqvist', { papers: [paper('t1', 2020, 'Y', 'Castellanos, Mira; Lindqvist, Tomas')] });
    expect(view([a, b]).pairs[0]!.lines.map((l) => l.text)).toEqual([]);
  });

  it('people who share nothing: one line says so', () => {
    const v = view([person('Mira Castellanos'), person('Tomas Lindqvist')]);
    expect(v.none).toBe(
      'Nothing in the profiles connects Mira Castellanos and Tomas Lindqvist: no joint paper, co-author, institution, venue or model.',
    );
  });

  it('is in the sample (nothing connects the two there, and it says so), after balance points', () => {
    const { spec, profiles } = sampleInputs();
    const { view: v } = deriveReport(spec, profiles);
    expect(v.sections.map((s) => s.name)).toContain('connections');
    expect(v.connections!.none).toMatch(/^Nothing in the profiles connects Zeng Yan and Luo Fuli/);
  });

  it('a one-person report leaves it out, with a warning', () => {
    const { spec, profiles } = sampleInputs();
    const { view: v, warnings } = deriveReport(spec, [profiles[0]!]);
    expect(v.sections.map((s) => s.name)).not.toContain('connections');
    expect(warnings).toContain(
      'the connections section needs two or more people, so this one-person report leaves it out',
    );
  });
});

describe('facts that go stale', () => {
  it('counts maxAge back from the build date', () => {
    expect(freshSince('2026-11-23', '12 months')).toBe('2025-11-23');
    expect(freshSince('2026-11-23', '2 years')).toBe('2024-11-23');
    expect(freshSince('2026-11-23', '90 days')).toBe('2026-08-25');
    expect(freshSince('2026-11-23', '1 week')).toBe('2026-11-16');
  });

  const dated = (date: string | undefined, accessed?: string) =>
    person('Mira Castellanos', {
      person: {
        name: 'Mira Castellanos',
        headline: 'Researcher',
        currentRole: 'Head of research, Acme',
        source: 'old',
      },
      career: [
        { organisation: 'Acme', start: 2020, end: 'present', source: 'old' },
        { organisation: 'Old Lab', start: 2010, end: 2015, source: 'old' },
      ],
      papers: [paper('p', 2012, 'ICML 2012')],
      models: [
        {
          id: 'm',
          name: 'Model M',
          organisation: 'Acme',
          role: 'Lead',
          metrics: [{ label: 'Score', value: 60, source: 'old' }],
          source: 's',
        },
      ],
      sources: [
        { id: 'old', title: 'An old interview', ...(date ? { date } : {}), ...(accessed ? { accessed } : {}) },
        { id: 's', title: 'Fresh', date: '2026-10-01' },
      ],
    });

  it('flags what changes with time and is sourced too long ago; never facts of history', () => {
    const found = staleFacts([dated('2024-05-02')], '2026-11-23', '12 months');
    expect(found.map((f) => f.path)).toEqual([
      'person.headline',
      'person.currentRole',
      'career[0]',
      'models[0].metrics[0]',
    ]);
    expect(found.every((f) => f.newest === '2024-05-02')).toBe(true);
  });

  it('a recent `accessed` date keeps a fact fresh; no maxAge, no check', () => {
    expect(staleFacts([dated('2024-05-02', '2026-09')], '2026-11-23', '12 months')).toEqual([]);
    const { spec } = sampleInputs();
    const { warnings } = deriveReport(spec, [dated('2024-05-02'), person('Tomas Lindqvist')]);
    expect(warnings.filter((w) => w.includes('out of date'))).toEqual([]);
  });

  it('an undated source cannot show a fact fresh', () => {
    expect(staleFacts([dated(undefined)], '2026-11-23', '12 months').map((f) => f.newest)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('warns naming the fact and its source, and marks it "as of" in the report', () => {
    const { spec } = sampleInputs();
    const { view, warnings } = deriveReport({ ...spec, maxAge: '12 months' }, [
      dated('2024-05-02'),
      person('Tomas Lindqvist'),
    ]);
    expect(warnings).toContain(
      'Mira Castellanos: person.currentRole: the current role “Head of research, Acme” may be out of date: its newest source (old) is from 2024-05-02, more than 12 months before the build date 2026-11-23; check it and give the source an `accessed` date',
    );
    expect(view.people[0]!.currentRoleAsOf).toBe('as of May 2024');
    expect(view.people[1]!.currentRoleAsOf).toBeUndefined();
    expect(view.glance.rows.find((r) => r.label === 'Now')!.cells[0]!.text).toBe(
      'Head of research, Acme (as of May 2024)',
    );
    expect(view.models.people[0]!.items[0]!.metrics[0]!.asOf).toBe('as of May 2024');
  });
});
