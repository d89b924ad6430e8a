import type { Locale } from '../i18n/locale.js';

/** Where a position between two poles falls, in five bands: 50 reads as a balance. */
function stanceLevel(position: number): 'strongLeft' | 'left' | 'balanced' | 'right' | 'strongRight' {
  if (position <= 20) return 'strongLeft';
  if (position < 40) return 'left';
  if (position <= 60) return 'balanced';
  if (position < 80) return 'right';
  return 'strongRight';
}

/** "Toward dynamism: 35 on a scale from 0 (Dynamism) to 100 (Stability)", in the report's language. */
export function stanceText(locale: Locale, position: number, poles: readonly [string, string]): string {
  const [left, right] = poles.map((p) => locale.user(p)) as [string, string];
  const scale = locale.t('balance.scale', { n: locale.number(position), left, right });
  const [inLeft, inRight] = poles.map((p) => locale.user(lowerFirst(locale, p))) as [string, string];
  return locale.t('balance.stance', { level: stanceLevel(position), left: inLeft, right: inRight, scale });
}

/** "toward dynamism", for the table cell that sums a balance point up. */
export function stanceShort(locale: Locale, position: number, poles: readonly [string, string]): string {
  const [left, right] = poles.map((p) => locale.user(lowerFirst(locale, p))) as [string, string];
  return locale.t('balance.stanceShort', { level: stanceLevel(position), left, right });
}

/** A capital, then small letters only (a hyphenated compound counts as one word): "Speed", "Cost-first". */
const plainCapitalised = /^\p{Lu}\p{Ll}*(?:[-\u2010'\u2019]\p{Ll}+)*$/u;

/**
 * A pole inside an English sentence reads in lower case ("toward dynamism"); languages without
 * case, and German, whose nouns keep their capital, leave it as written. Only the first letter
 * is lowered, and only when its word is a plainly capitalised word and no later word has a
 * capital: an acronym ("GPU cost (NVIDIA H100s)"), a word with inner capitals ("OpenAI-style")
 * or a name of several words ("Google Search") is the writer's spelling and stays as written.
 */
export function lowerFirst(locale: Locale, text: string): string {
  if (locale.t('balance.lowerCasePoles') !== 'yes') return text;
  const [first = '', ...rest] = text.split(/\s+/u);
  if (!plainCapitalised.test(first) || rest.some((word) => /^\P{L}*\p{Lu}/u.test(word))) return text;
  const initial = String.fromCodePoint(text.codePointAt(0)!);
  return initial.toLocaleLowerCase(locale.language) + text.slice(initial.length);
}
