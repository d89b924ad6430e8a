import { describe, expect, it } from 'vitest';
import { formatNumberParts, roundDecimal } from '../../src/i18n/format-number.js';
import type { NumberSymbols } from '../../src/i18n/format-number.js';

const en = { decimal: '.', group: ',', minimumGrouping: 1 };
const es = { decimal: ',', group: '.', minimumGrouping: 2 };
const text = (value: number, symbols: NumberSymbols = en): string => {
  const p = formatNumberParts(value, symbols);
  return p.kind === 'plain' ? p.text : `${p.mantissa}e${p.exponent}`;
};

describe('formatNumberParts', () => {
  it('keeps two decimals from 1 and three significant digits below 1', () => {
    expect(text(57.5)).toBe('57.5');
    expect(text(5.7612)).toBe('5.76');
    expect(text(0.125)).toBe('0.125');
    expect(text(0.0012345)).toBe('0.00123');
    expect(text(-2.5)).toBe('\u22122.5');
    expect(text(0)).toBe('0');
  });

  it('groups thousands, and Spanish leaves four digits alone', () => {
    expect(text(1234567.891)).toBe('1,234,567.89');
    expect(text(1234, es)).toBe('1234');
    expect(text(12345.5, es)).toBe('12.345,5');
  });

  it('writes the very small and the very large as a power of ten, keeping three digits', () => {
    expect(text(1e-6)).toBe('1e⁻⁶');
    expect(text(0.0001)).toBe('1e⁻⁴');
    expect(text(1e15)).toBe('1e¹⁵');
    expect(text(1.2345e300)).toBe('1.23e³⁰⁰');
    expect(text(1.5e9, es)).toBe('1,5e⁹');
    expect(text(Number.MAX_VALUE)).toBe('1.8e³⁰⁸');
  });

  it("writes a negative number with the minus sign, in the mantissa too, and with the locale's own sign", () => {
    expect(text(-0.35)).toBe('−0.35');
    expect(text(-3.1e-6)).toBe('−3.1e⁻⁶');
    expect(text(-1234.5)).toBe('−1,234.5');
    expect(text(-12.5, { ...en, minus: '\u200E\u2212' })).toBe('\u200E\u221212.5');
    expect(text(-12.5)).not.toContain('-');
  });

  it('rounds the decimal people see, half away from zero', () => {
    expect(roundDecimal('1.005', 2)).toBe('1.01');
    expect(roundDecimal('9.999', 2)).toBe('10');
    expect(roundDecimal('0.0995', 3)).toBe('0.1');
  });
});
