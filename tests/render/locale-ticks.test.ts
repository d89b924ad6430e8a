import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../src/derive/chart-spec.js';
import { builtInLocale } from '../../src/i18n/locale.js';
import { withLocaleTicks } from '../../src/render/locale-ticks.js';

const config: ChartSpec['config'] = {
  type: 'bar',
  data: { datasets: [] },
  options: {
    scales: { x: { ticks: { number: 'value' } }, y: { ticks: { number: 'year' } }, rows: { display: false } },
  },
};

/** The tick callback the renderer hands Chart.js for `axis`. */
function tick(written: object, axis: string): (value: number) => string {
  const scales: unknown = Reflect.get(Reflect.get(written, 'options'), 'scales');
  const callback: unknown = Reflect.get(Reflect.get(Reflect.get(Object(scales), axis), 'ticks'), 'callback');
  if (typeof callback !== 'function') throw new Error(`no tick callback on ${axis}`);
  return (value) => {
    const label: unknown = Reflect.apply(callback, undefined, [value]);
    return String(label);
  };
}

describe('axis ticks in the report’s locale', () => {
  it('writes values as the page writes numbers, and years as years', () => {
    const de = withLocaleTicks({ config, numbers: builtInLocale('de').numberStyle });
    expect(tick(de, 'x')(1234.5)).toBe('1.234,5');
    expect(tick(de, 'x')(1e15)).toBe('1 × 10¹⁵');
    expect(tick(de, 'y')(2024)).toBe('2024');
    const fr = withLocaleTicks({ config, numbers: builtInLocale('fr').numberStyle });
    expect(tick(fr, 'x')(0.5)).toBe('0,5');
    expect(tick(withLocaleTicks({ config }), 'x')(12000)).toBe('12,000');
  });

  it('writes a negative tick with the same minus sign as the text, placed as the locale places it', () => {
    const en = builtInLocale('en');
    expect(tick(withLocaleTicks({ config, numbers: en.numberStyle }), 'x')(-15)).toBe(en.number(-15));
    expect(tick(withLocaleTicks({ config, numbers: en.numberStyle }), 'x')(-15)).toBe('\u221215');
    const ar = builtInLocale('ar');
    expect(tick(withLocaleTicks({ config, numbers: ar.numberStyle }), 'x')(-15)).toBe(ar.number(-15));
  });

  it('leaves the spec’s own configuration untouched', () => {
    const before = JSON.stringify(config);
    withLocaleTicks({ config, numbers: builtInLocale('ar').numberStyle });
    expect(JSON.stringify(config)).toBe(before);
  });
});
