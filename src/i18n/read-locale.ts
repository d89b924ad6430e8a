import { access } from 'node:fs/promises';
import path from 'node:path';
import { ValidationError } from '../errors.js';
import { limits } from '../limits.js';
import { decodeText } from '../load/decode-text.js';
import { readInputFile } from '../load/read-input-file.js';
import { builtInCatalogue, parseCatalogue } from './catalogue.js';
import type { Language } from './languages.js';
import { Locale, builtInLocale } from './locale.js';

export interface ReadLocale {
  readonly locale: Locale;
  /** Keys in the override file that no message has (probably typos). */
  readonly warnings: readonly string[];
}

/**
 * The locale of a build: the built-in messages of `language`, with `<templates>/messages/<language>.yaml`
 * laid over them when the template folder has one. The file is untrusted like the rest of the
 * folder: size-capped, strictly decoded, parsed by the hardened YAML reader, and each message
 * compiled now, so a broken one is an error at file:line:col before anything is built.
 */
export async function readLocale(language: Language, templatesDir: string | undefined): Promise<ReadLocale> {
  if (!templatesDir) return { locale: builtInLocale(language), warnings: [] };
  const file = path.join(templatesDir, 'messages', `${language}.yaml`);
  if (!(await exists(file))) return { locale: builtInLocale(language), warnings: [] };
  const read = await readInputFile(file, limits.templateBytes);
  if (!read.ok) throw new ValidationError([read.problem]);
  const text = decodeText(file, read.bytes, limits.templateBytes);
  if (!text.ok) throw new ValidationError([text.problem]);
  const { catalogue, problems } = parseCatalogue(file, text.text);
  if (problems.length > 0) throw new ValidationError(problems);
  const known = builtInCatalogue(language);
  const warnings = [...catalogue.keys()].filter((key) => !known.has(key)).map((key) => `${file}: the message "${key}" overrides nothing (a typo?)`);
  const locale = new Locale(language, new Map([...catalogue].filter(([key]) => known.has(key))));
  const broken = [...catalogue.keys()].filter((key) => known.has(key)).flatMap((key) => {
    try {
      locale.messages.compile(key);
      return [];
    } catch (error) {
      return [{ file, line: 0, column: 0, path: key, message: (error as Error).message, severity: 'error' as const }];
    }
  });
  if (broken.length > 0) throw new ValidationError(broken);
  return { locale, warnings };
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
