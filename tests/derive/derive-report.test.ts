import { afterEach, describe, expect, it, vi } from 'vitest';
import { deriveReport } from '../../src/derive/derive-report.js';
import { deepFreeze, sampleInputs } from '../helpers/sample-inputs.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('deriveReport', () => {
  it('is pure: frozen inputs, the same output whatever the clock says', () => {
    const { spec, profiles } = sampleInputs();
    deepFreeze(spec);
    deepFreeze(profiles);
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2001-01-01T00:00:00Z'));
    const first = deriveReport(spec, profiles);
    vi.setSystemTime(new Date('2099-12-31T23:59:59Z'));
    const second = deriveReport(spec, profiles);
    expect(second).toEqual(first);
    expect(first.view.buildDate).toBe('23 November 2026');
  });

  it('keeps one colour per person across the text and every chart', () => {
    const { spec, profiles } = sampleInputs();
    const { view, charts } = deriveReport(spec, profiles);
    const colours = view.people.map((p) => p.colour);
    expect(new Set(colours).size).toBe(2);
    const perYear = charts.find((c) => c.id === 'papers-per-year')!;
    expect(perYear.config.data.datasets.map((d) => d['borderColor'])).toEqual(colours);
    const balance = charts.filter((c) => c.id.startsWith('balance-'));
    expect(balance.map((c) => c.config.data.datasets[1]!['backgroundColor'])).toEqual(colours);
  });

  it('numbers sources once across profiles: the shared article is one entry', () => {
    const { spec, profiles } = sampleInputs();
    const { view } = deriveReport(spec, profiles);
    const article = view.sources.filter((s) => s.title.startsWith('Luo Fuli of ByteDance'));
    expect(article).toHaveLength(1);
    expect(article[0]!.citedBy).toBe('Cited for Zeng Yan and Luo Fuli.');
    expect(view.people[0]!.sources).toEqual([{ number: 1, href: '#source-1', label: 'source 1' }]);
  });

  it('never puts two different metrics on one axis', () => {
    const { spec, profiles } = sampleInputs();
    const { charts } = deriveReport(spec, profiles);
    for (const chart of charts.filter((c) => c.id.startsWith('metric-'))) {
      expect(chart.config.data.datasets).toHaveLength(1);
    }
    const titles = charts.filter((c) => c.id.startsWith('metric-')).map((c) => c.title);
    expect(titles).toContain('Generation speed (higher is better): Seedance 2.0 (Zeng Yan) against Seedance 1.5 Pro');
    expect(titles).toContain(
      'Computing-power cost (lower is better): ARL-Tangram (Luo Fuli) against Without ARL-Tangram',
    );
  });

  it('compares three people: shared trade-offs share a picture, reversed poles are flipped', () => {
    const { spec, profiles } = sampleInputs(['tests/fixtures/people/aiko-tanabe.yaml']);
    const { view, charts } = deriveReport(spec, profiles);
    expect(view.people.map((p) => p.name)).toEqual(['Zeng Yan', 'Luo Fuli', 'Aiko Tanabe']);
    const cost = view.balance.find((b) => b.tradeoff === 'Performance vs cost')!;
    expect(cost.people.map((p) => [p.person.name, p.stance.split(':')[0]])).toEqual([
      ['Luo Fuli', 'Balanced'],
      ['Aiko Tanabe', 'Toward cost'],
    ]);
    // Aiko wrote [Cost, Performance] at 30: on Luo Fuli's [Performance, Cost] scale that is 70.
    expect(cost.chart.table.rows).toEqual([
      ['Luo Fuli', '50'],
      ['Aiko Tanabe', '70'],
    ]);
    // Total parameters in B, given by two people's models, become one comparable chart.
    expect(charts.some((c) => c.title === 'Total parameters')).toBe(true);
    expect(view.timeline.undated).toEqual([
      'DeepSeek (Luo Fuli)',
      'Visiting lecturer, Example University (Aiko Tanabe)',
    ]);
  });

  it('draws only the charts of the sections the spec includes', () => {
    const { spec, profiles } = sampleInputs();
    const { charts, view } = deriveReport({ ...spec, sections: ['cover', 'papers'] }, profiles);
    expect(charts.map((c) => c.id)).toEqual(['papers-per-year', 'papers-by-venue']);
    expect(view.sections.map((s) => s.name)).toEqual(['cover', 'papers']);
  });
});

describe('a report of profiles named on the command line', () => {
  it('is titled after the people, in the report language, as its reader reads their names', async () => {
    const { builtInLocale } = await import('../../src/i18n/locale.js');
    const { spec, profiles } = sampleInputs();
    expect(
      deriveReport({ ...spec, language: 'zh-CN' }, profiles, builtInLocale('zh-CN'), { titleFromPeople: true }).view
        .title,
    ).toBe('曾妍和罗福莉对比');
    expect(deriveReport(spec, profiles, builtInLocale('en'), { titleFromPeople: true }).view.title).toBe(
      'Zeng Yan and Luo Fuli compared',
    );
    expect(deriveReport(spec, [profiles[0]!], builtInLocale('en'), { titleFromPeople: true }).view.title).toBe(
      'Zeng Yan: a profile',
    );
    expect(deriveReport(spec, profiles).view.title).toBe(spec.title);
  });
});
