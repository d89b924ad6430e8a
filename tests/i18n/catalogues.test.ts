import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TYPE, parse } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { builtInCatalogue, builtInMessagesDir } from '../../src/i18n/catalogue.js';
import { shippedLanguages } from '../../src/i18n/languages.js';
import { Messages } from '../../src/i18n/messages.js';

const root = path.resolve(import.meta.dirname, '../..');

/** Values the code passes beyond those the English message happens to print (see Locale.date). */
const datePartValues = ['year', 'month', 'monthName', 'monthLong', 'day'];
const passedValues: Record<string, readonly string[]> = {
  'date.year': datePartValues,
  'date.month': datePartValues,
  'date.day': datePartValues,
  'date.long': datePartValues,
};

const english = builtInCatalogue('en');

/** Every .ts file under src/ and every template: where message keys are used, always as literals. */
function sourceText(): string {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|hbs)$/.test(entry.name)) files.push(full);
    }
  };
  walk(path.join(root, 'src'));
  walk(path.join(root, 'templates'));
  return files.map((f) => readFileSync(f, 'utf8')).join('\n');
}

/** The placeholders a message reads, including those inside plural and select branches. */
function placeholders(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time)
      into.add(e.value);
    if (e.type === TYPE.select || e.type === TYPE.plural) {
      into.add(e.value);
      for (const option of Object.values(e.options)) placeholders(option.value, into);
    }
    if (e.type === TYPE.pound) into.add('#');
  }
  return into;
}

describe('message catalogues', () => {
  it('ships one catalogue per language, and nothing else', () => {
    const files = readdirSync(builtInMessagesDir).sort();
    expect(files).toEqual(shippedLanguages.map((l) => `${l}.yaml`).sort());
  });

  it.each(shippedLanguages.filter((l) => l !== 'en'))(
    '%s has exactly the keys of the English catalogue',
    (language) => {
      const keys = [...builtInCatalogue(language).keys()].sort();
      const reference = [...english.keys()].sort();
      expect(
        reference.filter((k) => !keys.includes(k)),
        'missing in this catalogue',
      ).toEqual([]);
      expect(
        keys.filter((k) => !reference.includes(k)),
        'not in the English catalogue',
      ).toEqual([]);
    },
  );

  it.each(shippedLanguages)('%s: every message compiles and reads only placeholders the code passes', (language) => {
    const messages = new Messages(language, builtInCatalogue(language));
    for (const [key, text] of builtInCatalogue(language)) {
      expect(() => messages.compile(key), key).not.toThrow();
      const used = placeholders(parse(text, { ignoreTag: true }));
      // `#` would format the count with the runtime's ICU data; counts come preformatted as {n}.
      expect(used.has('#'), `${key} uses #`).toBe(false);
      const allowed = new Set([
        ...placeholders(parse(english.get(key)!, { ignoreTag: true })),
        ...(passedValues[key] ?? []),
        'count',
        'n',
      ]);
      expect(
        [...used].filter((p) => !allowed.has(p)),
        `${language} ${key}`,
      ).toEqual([]);
    }
  });

  it('has no key that no code or template uses', () => {
    const text = sourceText();
    const unused = [...english.keys()].filter(
      (key) => !text.includes(`'${key}'`) && !text.includes(`"${key}"`) && !text.includes(`\`${key}\``),
    );
    expect(unused).toEqual([]);
  });

  it('has no message that the code asks for but no catalogue holds', () => {
    const text = sourceText();
    const asked = [...text.matchAll(/\b(?:t|count)\(\s*'([a-zA-Z][\w.-]*\.[\w.-]+)'/g)].map((m) => m[1]!);
    expect([...new Set(asked)].filter((key) => !english.has(key))).toEqual([]);
  });
});
