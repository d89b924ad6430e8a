import { builtInCatalogue } from '../../src/i18n/catalogue.js';
import type { Language } from '../../src/i18n/languages.js';

/**
 * The English catalogue's fixed words (messages without placeholders) that a report in
 * `language` must not show: those its own catalogue words differently.
 */
export function englishLabels(language: Language): string[] {
  const english = builtInCatalogue('en');
  const own = builtInCatalogue(language);
  return [...english]
    .filter(([key, text]) => !/^(number|date|list)\./.test(key) && !text.includes('{') && /\p{L}{3}/u.test(text) && own.get(key) !== text)
    .map(([, text]) => text);
}

/**
 * The fixed words of the English chart messages, the text between placeholders ("Career
 * timeline from", "overlapping roles are"), longest first, that a chart in `language` must not
 * show: those its own catalogue does not use too.
 */
export function englishChartWords(language: Language): string[] {
  const own = [...builtInCatalogue(language)].filter(([key]) => key.startsWith('chart.')).map(([, text]) => text);
  return [...builtInCatalogue('en')]
    .filter(([key]) => key.startsWith('chart.'))
    .flatMap(([, text]) => text.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/))
    .map((part) => part.replace(/^[\s:;,.()·=]+|[\s:;,.()·=]+$/g, ''))
    .filter((part) => /\p{L}{3}/u.test(part) && !own.some((text) => text.includes(part)))
    .sort((a, b) => b.length - a.length);
}
