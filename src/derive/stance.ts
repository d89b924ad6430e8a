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
  return locale.t('balance.stance', { level: stanceLevel(position), left: lowerFirst(locale, left), right: lowerFirst(locale, right), scale });
}

/** "toward dynamism", for the table cell that sums a balance point up. */
export function stanceShort(locale: Locale, position: number, poles: readonly [string, string]): string {
  const [left, right] = poles.map((p) => lowerFirst(locale, locale.user(p))) as [string, string];
  return locale.t('balance.stanceShort', { level: stanceLevel(position), left, right });
}

/**
 * A pole inside an English sentence reads in lower case ("toward dynamism"); languages without
 * case, and German, whose nouns keep their capital, leave it as written.
 */
function lowerFirst(locale: Locale, text: string): string {
  return locale.t('balance.lowerCasePoles') === 'yes' ? text.toLowerCase() : text;
}
