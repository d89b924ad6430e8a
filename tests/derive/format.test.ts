import { describe, expect, it } from 'vitest';
import { builtInLocale } from '../../src/i18n/locale.js';
import { dateToYear, slug } from '../../src/derive/format.js';
import { venueName } from '../../src/derive/charts/papers-charts.js';
import { stanceText } from '../../src/derive/stance.js';
import { wrapLabel } from '../../src/derive/chart-spec.js';
import { fit } from '../../src/derive/charts/chart-text.js';

describe('formatting', () => {
  it('places a partial date at the middle of the period it names', () => {
    expect(dateToYear('2023')).toBe(2023.5);
    expect(dateToYear('2021-09')).toBeCloseTo(2021 + 8.5 / 12);
    expect(dateToYear('2025-06-11')).toBeGreaterThan(2025.4);
  });

  it('groups venues without their year', () => {
    expect(venueName('ICML 2022')).toBe('ICML');
    expect(venueName('NAACL 2024 (long papers)')).toBe('NAACL');
    expect(venueName('arXiv preprint')).toBe('arXiv preprint');
    expect(venueName('2021')).toBe('2021');
  });

  it('puts a position into words', () => {
    const en = builtInLocale('en');
    expect(stanceText(en, 50, ['Dynamism', 'Stability'])).toBe(
      'Balanced: 50 on a scale from 0 (Dynamism) to 100 (Stability)',
    );
    expect(stanceText(en, 10, ['A', 'B']).startsWith('Strongly toward a')).toBe(true);
    expect(stanceText(en, 70, ['A', 'B']).startsWith('Toward b')).toBe(true);
  });

  it('small helpers', () => {
    expect(slug('Zeng Yan 曾妍')).toBe('zeng-yan');
    expect(slug('曾妍', 'x')).toBe('x');
    expect(slug('Zoë Çelik')).toBe('zoe-celik');
    expect(slug('Zoë Çelik 曾妍', { keep: 'letters' })).toBe('zoe-celik-曾妍');
    expect(slug('Иван Петров', { keep: 'letters', max: 4 })).toBe('иван');
    expect(wrapLabel('Seedance 1.5 Pro', 12)).toEqual(['Seedance 1.5', 'Pro']);
    expect(wrapLabel('Short')).toBe('Short');
  });
});

describe('fit', () => {
  it('does not count directional isolates, and closes one it cuts open', () => {
    expect(fit('\u2068abc\u2069', 3)).toBe('\u2068abc\u2069');
    expect(fit('12 \u2068abcdef\u2069', 5)).toBe('12 \u2068a…\u2069');
    expect(fit('Ünïcödé 🙂 text', 9)).toBe('Ünïcödé…');
  });
});
