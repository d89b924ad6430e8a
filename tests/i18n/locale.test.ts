import { describe, expect, it } from 'vitest';
import { Locale } from '../../src/i18n/locale.js';

describe('Locale (en)', () => {
  const en = new Locale('en');

  it('writes dates as precisely as they are given', () => {
    expect(en.date('2025')).toBe('2025');
    expect(en.date('2021-09')).toBe('Sep 2021');
    expect(en.date('2025-06-11')).toBe('11 Jun 2025');
    expect(en.longDate('2026-11-23')).toBe('23 November 2026');
  });

  it('writes periods, open ends and missing dates', () => {
    expect(en.period('2021-09', '2023')).toBe('Sep 2021 – 2023');
    expect(en.period('2021-09', 'present')).toBe('Sep 2021 – present');
    expect(en.period('2021', undefined)).toBe('from 2021');
    expect(en.period(undefined, 'present')).toBe('until now');
    expect(en.period(undefined, undefined)).toBe('dates not given');
  });

  it('writes lists, plurals and summaries', () => {
    expect(en.list(['A'])).toBe('A');
    expect(en.list(['A', 'B'])).toBe('A and B');
    expect(en.list(['A', 'B', 'C'])).toBe('A, B and C');
    expect(en.count('count.papers', 1)).toBe('1 paper');
    expect(en.count('count.papers', 1200)).toBe('1,200 papers');
    expect(en.summary(['a', 'b', 'c', 'd', 'e'])).toBe('a; b; c and 2 more');
  });

  it('writes quantities with the profile’s unit', () => {
    expect(en.quantity(57.5, '% of DeepSeek 67B')).toBe('57.5% of DeepSeek 67B');
    expect(en.quantity(5.76, '× DeepSeek 67B')).toBe('5.76× DeepSeek 67B');
    expect(en.quantity(8, 'rank')).toBe('No. 8');
    expect(en.quantity(60, 's')).toBe('60 s');
    expect(en.quantity(1e15, 'tokens')).toBe('1 × 10¹⁵ tokens');
  });

  it('fails loudly on a key that no catalogue holds (a bug, not a user error)', () => {
    expect(() => en.t('no.such.key')).toThrow(/no message "no.such.key"/);
  });
});
