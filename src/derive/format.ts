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

/**
 * How to turn a name into a file name, id or anchor, the one policy for all of them: lower case,
 * words joined by dashes, accents dropped from Latin letters (`Zoë Çelik` → `zoe-celik`).
 * `ascii` keeps only a–z and 0–9, for ids, anchors and output names, whose rule is ASCII;
 * `letters` keeps the letters of every script (`曾妍`, `иван-петров`), for the profile files a
 * person names, so two people never share a file merely because their names are not in Latin
 * script. The marks of other scripts (Devanagari vowel signs, Hangul) are part of the letters.
 */
export interface SlugPolicy {
  readonly keep?: 'ascii' | 'letters';
  /** What an empty result becomes. */
  readonly fallback?: string;
  /** At most this many characters (code points), cut at a word where it ends in a dash. */
  readonly max?: number;
}

/** Lower-case words joined by dashes, for ids, anchors and file names; never empty. */
export function slug(text: string, policy: SlugPolicy | string = {}): string {
  const {
    keep = 'ascii',
    fallback = 'item',
    max = Infinity,
  } = typeof policy === 'string' ? { fallback: policy } : policy;
  const other = keep === 'ascii' ? /[^a-z0-9]+/g : /[^\p{L}\p{N}\p{M}]+/gu;
  const words = text
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(other, '-')
    .replace(/^-+|-+$/g, '');
  const short = [...words].slice(0, max).join('').replace(/-+$/, '');
  return short || fallback;
}
