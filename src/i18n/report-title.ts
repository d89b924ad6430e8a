import type { Locale } from './locale.js';

/**
 * The title of a report built from profiles named on the command line, in the report's
 * language: "Ada Lovelace and Alan Turing compared", "曾妍和罗福莉对比", or for one person
 * "Ada Lovelace: a profile".
 */
export function comparisonTitle(locale: Locale, names: readonly string[]): string {
  if (names.length === 1) return locale.t('report.onePersonTitle', { name: locale.user(names[0]!) });
  return locale.t('report.comparedTitle', { names: locale.list(names.map((n) => locale.user(n))) });
}
