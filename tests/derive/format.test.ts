import { describe, expect, it } from 'vitest';
import { dateToYear, formatDate, formatPeriod, formatQuantity, listText, slug } from '../../src/derive/format.js';
import { venueName } from '../../src/derive/charts/papers-charts.js';
import { stanceText } from '../../src/derive/charts/balance-charts.js';
import { wrapLabel } from '../../src/derive/chart-spec.js';

describe('formatting', () => {
  it('shows dates as precisely as they were written', () => {
    expect(formatDate('2021')).toBe('2021');
    expect(formatDate('2021-09')).toBe('Sep 2021');
    expect(formatDate('2025-06-11')).toBe('11 Jun 2025');
    expect(formatPeriod('2021-09', '2023')).toBe('Sep 2021 – 2023');
    expect(formatPeriod('2024', 'present')).toBe('2024 – present');
    expect(formatPeriod(undefined, undefined)).toBe('dates not given');
  });

  it('places a partial date at the middle of the period it names', () => {
    expect(dateToYear('2023')).toBe(2023.5);
    expect(dateToYear('2021-09')).toBeCloseTo(2021 + 8.5 / 12);
    expect(dateToYear('2025-06-11')).toBeGreaterThan(2025.4);
  });

  it('writes quantities with their units', () => {
    expect(formatQuantity(60, 's')).toBe('60 s');
    expect(formatQuantity(57.5, '% of DeepSeek 67B')).toBe('57.5% of DeepSeek 67B');
    expect(formatQuantity(5.76, '× DeepSeek 67B')).toBe('5.76× DeepSeek 67B');
    expect(formatQuantity(8, 'rank')).toBe('No. 8');
    expect(formatQuantity(1234567, undefined)).toBe('1,234,567');
  });

  it('groups venues without their year', () => {
    expect(venueName('ICML 2022')).toBe('ICML');
    expect(venueName('NAACL 2024 (long papers)')).toBe('NAACL');
    expect(venueName('arXiv preprint')).toBe('arXiv preprint');
    expect(venueName('2021')).toBe('2021');
  });

  it('puts a position into words', () => {
    expect(stanceText(50, ['Dynamism', 'Stability'])).toBe('Balanced: 50 on a scale from 0 (Dynamism) to 100 (Stability)');
    expect(stanceText(10, ['A', 'B']).startsWith('Strongly toward a')).toBe(true);
    expect(stanceText(70, ['A', 'B']).startsWith('Toward b')).toBe(true);
  });

  it('small helpers', () => {
    expect(listText(['a', 'b', 'c'])).toBe('a, b and c');
    expect(slug('Zeng Yan 曾妍')).toBe('zeng-yan');
    expect(slug('曾妍', 'x')).toBe('x');
    expect(wrapLabel('Seedance 1.5 Pro', 12)).toEqual(['Seedance 1.5', 'Pro']);
    expect(wrapLabel('Short')).toBe('Short');
  });
});
