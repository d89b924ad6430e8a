import { ValidationError } from '../errors.js';
import type { Problem } from '../errors.js';
import { builtInCatalogue, parseCatalogue } from './catalogue.js';
import { shippedLanguages } from './languages.js';
import type { Language } from './languages.js';
import { Locale, builtInLocale } from './locale.js';
import { placeholderProblem } from './placeholders.js';

export interface ReadLocale {
  readonly locale: Locale;
  /** Keys in the override file that no message has (probably typos). */
  readonly warnings: readonly string[];
}

/** A template folder's catalogue for the report's language, as read with the rest of the folder. */
export interface CatalogueFile {
  readonly path: string;
  readonly text: string;
}

/**
 * The locale of a build: the built-in messages of `language`, with the template folder's
 * `messages/<language>.yaml` laid over them when it has one. The file comes from the template
 * folder's reader (confined to the folder, size-capped, strictly decoded, counted with the
 * folder's files); here it is parsed by the hardened YAML reader and every message is checked
 * now, its syntax and its placeholders, so a broken one is an error at file:line:col before
 * anything is built rather than a failure half-way through.
 */
export function readLocale(language: Language, file: CatalogueFile | undefined): ReadLocale {
  if (!file) return { locale: builtInLocale(language), warnings: [] };
  const { catalogue, locations, problems } = parseCatalogue(file.path, file.text);
  if (problems.length > 0) throw new ValidationError(problems);
  const known = builtInCatalogue(language);
  const warnings = [...catalogue.keys()]
    .filter((key) => !known.has(key))
    .map((key) => `${file.path}: the message "${key}" overrides nothing (a typo?)`);
  const overrides = new Map([...catalogue].filter(([key]) => known.has(key)));
  const broken: Problem[] = [];
  for (const [key, text] of overrides) {
    const builtInTexts = shippedLanguages.flatMap((l) => builtInCatalogue(l).get(key) ?? []);
    const message = placeholderProblem(text, builtInTexts);
    if (message !== undefined)
      broken.push({
        file: file.path,
        ...(locations.get(key) ?? {}),
        path: key,
        message,
        severity: 'error',
      });
  }
  if (broken.length > 0) throw new ValidationError(broken);
  return { locale: new Locale(language, overrides), warnings };
}
