import { TYPE, parse } from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { builtInCatalogue } from '../../src/i18n/catalogue.js';
import { shippedLanguages } from '../../src/i18n/languages.js';
import { Messages } from '../../src/i18n/messages.js';

/** Every placeholder a message reads, with whether it chooses a plural form. */
function placeholders(
  elements: readonly MessageFormatElement[],
  into = new Map<string, boolean>(),
): Map<string, boolean> {
  for (const e of elements) {
    if (e.type === TYPE.argument) into.set(e.value, into.get(e.value) ?? false);
    if (e.type === TYPE.select || e.type === TYPE.plural) {
      into.set(e.value, e.type === TYPE.plural);
      for (const option of Object.values(e.options)) placeholders(option.value, into);
    }
  }
  return into;
}

describe('Messages', () => {
  // Counts that pick every plural form of the shipped languages (Arabic has six).
  const counts = [0, 1, 2, 3, 11, 100, 101, 1.5];

  it.each(shippedLanguages)('%s: every built-in message reads as the message library itself reads it', (language) => {
    const catalogue = builtInCatalogue(language);
    const messages = new Messages(language, catalogue);
    for (const [key, text] of catalogue) {
      const used = placeholders(parse(text, { ignoreTag: true }));
      const reference = new IntlMessageFormat(text, language, undefined, { ignoreTag: true });
      for (const count of used.size > 0 ? counts : [0]) {
        const values = Object.fromEntries([...used].map(([name, plural]) => [name, plural ? count : `‹${name}›`]));
        expect(messages.format(key, values), `${language} ${key} ${count}`).toBe(String(reference.format(values)));
      }
    }
  });

  it('takes an override over the built-in text', () => {
    const messages = new Messages('en', new Map([['a', 'built in {x}']]), new Map([['a', 'over {x}']]));
    expect(messages.format('a', { x: 'ridden' })).toBe('over ridden');
  });

  it('says which message cannot be read as ICU MessageFormat, as a user error', () => {
    const messages = new Messages('de', new Map([['section.papers', 'Artikel {count, plural, one {x}']]));
    expect(() => messages.compile('section.papers')).toThrow(UserError);
    expect(() => messages.format('section.papers')).toThrow(
      /^the de message "section\.papers" cannot be read as ICU MessageFormat: /,
    );
  });

  it('fails loudly when a message is filled in without a value it reads', () => {
    const messages = new Messages('en', new Map([['a', 'hello {name}']]));
    expect(() => messages.format('a')).toThrow(/name/);
  });
});
