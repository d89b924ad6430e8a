import { formatNumberParts } from '../i18n/format-number.js';
import type { PartialDate } from '../schema/partial-date.js';

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const longMonths = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `2021` → 2021, `2021-09` → Sep 2021, `2025-06-11` → 11 Jun 2025; as precise as written. */
export function formatDate(date: PartialDate | 'present'): string {
  if (date === 'present') return 'present';
  const [y, m, d] = date.split('-');
  if (m === undefined) return y ?? date;
  const month = months[Number(m) - 1] ?? m;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** `2026-11-23` → 23 November 2026, for the cover. */
export function formatLongDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${Number(d)} ${longMonths[Number(m) - 1] ?? m} ${y}`;
}

export function formatPeriod(start: PartialDate | undefined, end: PartialDate | 'present' | undefined): string {
  if (start && end) return `${formatDate(start)} – ${formatDate(end)}`;
  if (start) return `from ${formatDate(start)}`;
  if (end) return end === 'present' ? 'until now' : `until ${formatDate(end)}`;
  return 'dates not given';
}

/**
 * A partial date as a fractional year for a time axis, at the middle of the period it names
 * (`2023` → 2023.5), so imprecise starts and ends sit where they are most likely.
 */
export function dateToYear(date: PartialDate): number {
  const [y, m, d] = date.split('-').map(Number);
  const year = y ?? 0;
  if (m === undefined) return year + 0.5;
  if (d === undefined) return year + (m - 0.5) / 12;
  return year + (m - 1) / 12 + (d - 0.5) / 365;
}

const englishSymbols = { decimal: '.', group: ',', minimumGrouping: 1 };

/**
 * A number for chart text and notes, at any magnitude: 0.0001 keeps its digits (1 × 10⁻⁴), and
 * 1e300 does not print 301 digits (1 × 10³⁰⁰). The same rules as the report's own numbers
 * (src/i18n/format-number.ts), with English separators.
 */
export function formatNumber(value: number): string {
  const parts = formatNumberParts(value, englishSymbols);
  return parts.kind === 'plain' ? parts.text : `${parts.mantissa} × 10${parts.exponent}`;
}

/** 60 s, 57.5% of DeepSeek 67B, 5.76× DeepSeek 67B, No. 8, 236 B. */
export function formatQuantity(value: number, unit: string | undefined): string {
  const number = formatNumber(value);
  if (!unit) return number;
  if (unit === 'rank') return `No. ${number}`;
  if (unit.startsWith('%') || unit.startsWith('×')) return `${number}${unit}`;
  return `${number} ${unit}`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

/** "A", "A and B", "A, B and C". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The first few items and a count of the rest: "a; b; c and 27 more". */
export function summariseList(items: readonly string[], keep = 3, separator = '; '): string {
  if (items.length <= keep + 1) return items.join(separator);
  return `${items.slice(0, keep).join(separator)} and ${formatNumber(items.length - keep)} more`;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Lower-case words joined by dashes, for ids and anchors; never empty. */
export function slug(text: string, fallback = 'item'): string {
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || fallback;
}
