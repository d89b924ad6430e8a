import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Problem } from '../errors.js';
import { parseYaml } from '../load/parse-yaml.js';
import { compiledCataloguesDir, readBuiltInCatalogue } from './compiled-catalogue.js';
import type { Language } from './languages.js';

/** Message key (`section.papers`) to ICU MessageFormat text. */
export type Catalogue = ReadonlyMap<string, string>;

/** The built-in catalogues ship beside the templates, one YAML file per language. */
export const builtInMessagesDir = fileURLToPath(new URL('../../templates/messages/', import.meta.url));

const cache = new Map<Language, Catalogue>();

/**
 * The built-in catalogue of a language. Read once per process, and only for the languages a
 * build uses: catalogues are part of the program, like the templates, so they are trusted and
 * parsed without the profile limits (from their compiled form when the build made one).
 */
export function builtInCatalogue(language: Language): Catalogue {
  let catalogue = cache.get(language);
  if (!catalogue) {
    const text = readFileSync(`${builtInMessagesDir}${language}.yaml`, 'utf8');
    catalogue = readBuiltInCatalogue(text, path.join(compiledCataloguesDir, `${language}.json`));
    cache.set(language, catalogue);
  }
  return catalogue;
}

/** Where each message of a user's catalogue was written, for errors about it. */
export type CatalogueLocations = ReadonlyMap<string, { readonly line: number; readonly column: number }>;

/**
 * A user's catalogue (a template folder's `messages/<lang>.yaml`), parsed like a profile from a
 * stranger: the hardened YAML reader, plain strings only. Nested maps and dotted keys both work:
 * `section: { papers: Articles }` is `section.papers`.
 */
export function parseCatalogue(
  file: string,
  text: string,
): { catalogue: Catalogue; locations: CatalogueLocations; problems: Problem[] } {
  const parsed = parseYaml(file, text);
  const problems = [...parsed.problems];
  const catalogue = new Map<string, string>();
  const locations = new Map<string, { line: number; column: number }>();
  if (problems.length > 0) return { catalogue, locations, problems };
  const walk = (value: unknown, path: string[]): void => {
    if (typeof value === 'string') {
      catalogue.set(path.join('.'), value);
      locations.set(path.join('.'), parsed.positions.locate(path));
    } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key]);
    } else {
      const { line, column } = parsed.positions.locate(path);
      problems.push({
        file,
        line,
        column,
        path: path.join('.'),
        message: 'expected a message (text) or a map of messages',
        severity: 'error',
      });
    }
  };
  if (parsed.value !== null && parsed.value !== undefined) walk(parsed.value, []);
  return { catalogue, locations, problems };
}
