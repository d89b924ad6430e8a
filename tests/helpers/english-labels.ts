import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
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
    .filter(
      ([key, text]) =>
        !/^(number|date|list)\./.test(key) && !text.includes('{') && /\p{L}{3}/u.test(text) && own.get(key) !== text,
    )
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

/**
 * Every text a profile gives (titles as published, metric labels, notes, in each of their
 * languages) and the spec's own words (title, subtitle, author, subject, keywords), longest
 * first: user text, which a check for our English words must leave out, since "Language Model"
 * in a paper's title is not our "Model".
 */
export function userTexts(spec: string, profiles: readonly string[]): string[] {
  const texts = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') texts.add(value);
    else if (value !== null && typeof value === 'object') for (const inner of Object.values(value)) walk(inner);
  };
  for (const file of profiles) walk(parse(readFileSync(file, 'utf8')));
  const written: unknown = parse(readFileSync(spec, 'utf8'));
  for (const key of ['title', 'subtitle', 'author', 'subject', 'keywords'])
    walk(written !== null && typeof written === 'object' ? Reflect.get(written, key) : undefined);
  return [...texts].filter((t) => /\p{L}{3}/u.test(t)).sort((a, b) => b.length - a.length);
}

/**
 * `text` without the user texts in it, found whatever the spacing: a PDF's text layer breaks
 * lines anywhere, and may put a space after a hyphen where a line ended ("Mixture- of-Experts"),
 * and the page's words carry soft hyphens at their hyphenation points ("Mix\u00ADture"), with
 * a hyphen drawn where a line broke at one ("Mul-\ntimodal").
 */
export function withoutUserTexts(text: string, texts: readonly string[]): string {
  return texts.reduce((rest, own) => {
    const letters = [...own.replace(/\s+/g, '')].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    return rest.replace(new RegExp(letters.join('(?:[\\s\\u00AD]|-\\s)*'), 'gu'), ' ');
  }, text);
}
