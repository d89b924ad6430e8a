import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/derive/chart-spec.js';
import { deriveReport } from '../../src/derive/derive-report.js';
import type { Language } from '../../src/i18n/languages.js';
import { builtInLocale } from '../../src/i18n/locale.js';
import { loadInputs } from '../../src/load/load-inputs.js';
import { readInputFile } from '../../src/load/read-input-file.js';
import { englishChartWords } from '../helpers/english-labels.js';
import { repoRoot } from '../helpers/paths.js';

/** Every string a chart's configuration holds: axis titles, category and direct labels. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v));
  if (value && typeof value === 'object') return Object.values(value).flatMap((v) => strings(v));
  return [];
}

/**
 * The words a chart shows that the tool wrote: title, alt, notes, table caption and headings,
 * the kind and date columns of the timeline's table, and every string drawn on the canvas.
 * User text inside our sentences is isolated (U+2068 … U+2069) and left out: a profile may be
 * written in English whatever the report's language.
 */
function toolText(chart: ChartSpec): string {
  const table = chart.table.rows.flatMap((row) => (chart.id === 'timeline' ? [row[1] ?? '', row[3] ?? ''] : []));
  const texts = [
    chart.title,
    chart.alt,
    chart.note ?? '',
    chart.empty ?? '',
    chart.table.caption,
    ...chart.table.headers,
    ...table,
    ...strings(chart.config),
  ];
  return texts.join('\n').replace(/\u2068[^\u2068\u2069]*\u2069/g, ' ');
}

function englishIn(language: Language, charts: readonly ChartSpec[]): string[] {
  const text = charts.map(toolText).join('\n');
  return englishChartWords(language).filter((words) =>
    new RegExp(`(?<!\\p{L})${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(text),
  );
}

/** The charts of a spec as a build derives them, with the profiles' translations, in `language`. */
async function chartsOf(specFile: string, language?: Language): Promise<readonly ChartSpec[]> {
  const inputs = await loadInputs({ cwd: repoRoot, spec: specFile, today: '2026-11-23' }, readInputFile);
  const spec = language ? { ...inputs.spec, language } : inputs.spec;
  return deriveReport(
    spec,
    inputs.profiles.map((p) => p.localised ?? p.profile),
  ).charts;
}

const arabicFixture = 'tests/fixtures/i18n/report.ar.yaml';

describe('charts in the report’s language', () => {
  it('the Chinese edition of the sample: no English word of ours in any chart', async () => {
    const charts = await chartsOf('data/report.zh-CN.yaml');
    expect(englishIn('zh-CN', charts)).toEqual([]);
    // The check bites: the English sample's charts are full of those words.
    expect(englishIn('zh-CN', await chartsOf('data/report.yaml'))).toContain('Career timeline');
    const timeline = charts.find((c) => c.id === 'timeline')!;
    expect(timeline.title).toBe('职业时间线');
    expect(timeline.lang).toBe('zh-CN');
    // Dates in the locale's own form, as the page writes them.
    expect(timeline.table.rows.map((r) => r[3])).toContain('2021年9月—2023年');
    expect(strings(timeline.config)).toContain('2021年9月—2023年');
  });

  it('the sample in Arabic and the Arabic fixture: no English word of ours in any chart', async () => {
    expect(englishIn('ar', await chartsOf('data/report.yaml', 'ar'))).toEqual([]);
    expect(englishIn('ar', await chartsOf(arabicFixture))).toEqual([]);
  });

  it('Arabic: our words on the canvas read right to left, user text inside them isolated', async () => {
    const ar = builtInLocale('ar');
    const balance = (await chartsOf(arabicFixture)).find((c) => c.id.startsWith('balance-'))!;
    const scales = balance.config.options['scales'];
    const axisTitle = strings(scales).find((s) =>
      s.includes(ar.t('chart.balance.axis', { left: '', right: '' }).trim().split(' ')[0]!),
    );
    expect(axisTitle?.startsWith('\u2067')).toBe(true);
    expect(axisTitle?.endsWith('\u2069')).toBe(true);
    // Each pole is its own isolate inside the right-to-left title.
    expect(axisTitle?.match(/\u2068/g)?.length).toBe(2);
  });

  it('every shipped language words the timeline with its own messages', async () => {
    for (const language of ['de', 'fr', 'es', 'ja', 'ko', 'zh-TW'] as const) {
      const charts = await chartsOf('data/report.yaml', language);
      expect(charts[0]!.title, language).toBe(builtInLocale(language).t('chart.timeline.title'));
      expect(charts[0]!.table.headers[0], language).toBe(builtInLocale(language).t('chart.timeline.person'));
    }
  });
});
