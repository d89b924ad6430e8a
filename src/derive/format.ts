import type { PartialDate } from '../schema/partial-date.js';

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

/** Lower-case words joined by dashes, for ids and anchors; never empty. */
export function slug(text: string, fallback = 'item'): string {
  const s = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s || fallback;
}
