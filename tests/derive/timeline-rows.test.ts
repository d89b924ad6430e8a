import { describe, expect, it } from 'vitest';
import { careerRows } from '../../src/derive/charts/timeline-rows.js';
import { builtInLocale } from '../../src/i18n/locale.js';
import type { CareerEntry } from '../../src/schema/profile-schema.js';

const en = builtInLocale('en');
const role = (organisation: string, start?: string, end?: string): CareerEntry => ({
  organisation,
  ...(start ? { start } : {}),
  ...(end ? { end } : {}),
  source: 'a',
});

describe('careerRows', () => {
  it('detailed: one row per dated role, named on the axis, with its period by the bar', () => {
    const { rows, hidden } = careerRows(
      'Ada',
      [role('Lab', '2020-01', '2021-01'), role('Firm', '2021'), role('Undated')],
      2026,
      24,
      true,
      en,
    );
    expect(hidden).toBe(0);
    expect(rows.map((r) => r.label)).toEqual([
      ['Ada', 'Lab'],
      ['Ada', 'Firm'],
    ]);
    expect(rows[1]!.spans[0]!.label).toBe('2021, end not given');
  });

  it('compact: roles that follow each other share a lane; overlapping ones open another', () => {
    const career = [
      role('A', '2010', '2012'),
      role('B', '2012', '2014'),
      role('C', '2013', '2016'),
      role('D', '2016', 'present'),
    ];
    const { rows, hidden } = careerRows('Ada', career, 2026, 24, false, en);
    expect(hidden).toBe(0);
    expect(rows.map((r) => r.label[1])).toEqual(['career', 'career (2)']);
    expect(rows.map((r) => r.spans.map((s) => s.label))).toEqual([['A', 'B', 'D'], ['C']]);
  });

  it('compact: forty consecutive roles are one lane', () => {
    const career = Array.from({ length: 40 }, (_, i) => role(`Role ${i}`, String(1980 + i), String(1981 + i)));
    expect(careerRows('Ada', career, 2026, 24, false, en).rows).toHaveLength(1);
  });

  it('compact: lanes past the budget are dropped and their roles counted', () => {
    // Five roles over the same years need five lanes; a budget of two keeps two.
    const career = Array.from({ length: 5 }, (_, i) => role(`Role ${i}`, '2020', '2022'));
    const { rows, hidden } = careerRows('Ada', career, 2026, 2, false, en);
    expect(rows).toHaveLength(2);
    expect(hidden).toBe(3);
  });
});
