import { builtInCatalogue } from '../../src/i18n/catalogue.js';
import type { Language } from '../../src/i18n/languages.js';

/**
 * Chart messages that the chart code does not read from the catalogue yet (it still writes
 * English); the catalogue tests and the language builds skip them until it does.
 */
export const awaitingChartCode = /^chart\.(timeline|papersPerYear|papersByVenue|noPapers|metric|balance)\b/;

/**
 * The English catalogue's fixed words (messages without placeholders) that a report in
 * `language` must not show: those its own catalogue words differently.
 */
export function englishLabels(language: Language): string[] {
  const english = builtInCatalogue('en');
  const own = builtInCatalogue(language);
  return [...english]
    .filter(([key, text]) => !/^(number|date|list)\./.test(key) && !awaitingChartCode.test(key) && !text.includes('{') && /\p{L}{3}/u.test(text) && own.get(key) !== text)
    .map(([, text]) => text);
}

/** The fixed words of the chart messages still awaiting the chart code: text between placeholders. */
export function awaitingChartWords(): string[] {
  return [...builtInCatalogue('en')]
    .filter(([key]) => awaitingChartCode.test(key))
    .flatMap(([, text]) => text.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/))
    .map((part) => part.trim())
    .filter((part) => /\p{L}{3}/u.test(part))
    .sort((a, b) => b.length - a.length);
}
