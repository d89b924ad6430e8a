import { parse } from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat, formatToParts } from 'intl-messageformat';
import type { Formatters } from 'intl-messageformat';
import { UserError } from '../errors.js';
import type { Catalogue } from './catalogue.js';
import type { Language } from './languages.js';

/** Values a message can take: text is inserted as is, numbers select plural forms. */
export type MessageValues = Readonly<Record<string, string | number>>;

/** One message, parsed: ready to be filled in any number of times. */
export interface CompiledMessage {
  format(values?: MessageValues): string;
}

/**
 * One language's messages, built-in with a template folder's overrides laid over them by key.
 * Messages are ICU MessageFormat, compiled on first use and kept. Numbers are never formatted by
 * the message library (its `#` uses the runtime's ICU data): callers pass `count` to choose the
 * plural form and `n`, the number already formatted by the locale, to print it.
 *
 * Messages are parsed here and filled in by the library's `formatToParts`, rather than through
 * `new IntlMessageFormat`, whose constructor asks the runtime which locales it supports: the
 * first time, that loads ICU's whole list of number-format locales (about 13 ms of every build).
 * The language is one we ship, so there is nothing to negotiate.
 */
export class Messages {
  private readonly compiled = new Map<string, CompiledMessage>();
  private readonly formatters = messageFormatters();

  constructor(
    readonly language: Language,
    private readonly catalogue: Catalogue,
    private readonly overrides: Catalogue = new Map(),
  ) {}

  has(key: string): boolean {
    return this.catalogue.has(key);
  }

  /** The message `key` with its placeholders filled in. An unknown key is a bug in the program. */
  format(key: string, values: MessageValues = {}): string {
    return this.compile(key).format(values);
  }

  /** The compiled message; throws if its text is not valid ICU MessageFormat. */
  compile(key: string): CompiledMessage {
    let message = this.compiled.get(key);
    if (!message) {
      const text = this.overrides.get(key) ?? this.catalogue.get(key);
      if (text === undefined) throw new Error(`no message "${key}" in the ${this.language} catalogue`);
      let elements;
      try {
        elements = parse(text, { ignoreTag: true });
      } catch (error) {
        throw new UserError(
          `the ${this.language} message "${key}" cannot be read as ICU MessageFormat: ${(error as Error).message}`,
          { cause: error },
        );
      }
      const { language, formatters } = this;
      message = {
        format: (values = {}) =>
          formatToParts(elements, language, formatters, IntlMessageFormat.formats, values, undefined, text)
            .map((part) => String(part.value))
            .join(''),
      };
      this.compiled.set(key, message);
    }
    return message;
  }
}

/**
 * The formatters the library calls back: plural rules (the only ones our messages use), kept
 * per type as the library's own would be; numbers, dates and times are never formatted by a
 * message (placeholders.ts refuses them in overrides), but are formatted as the library would.
 */
function messageFormatters(): Formatters {
  const pluralRules = new Map<string, Intl.PluralRules>();
  return {
    getNumberFormat: (locales, options) => new Intl.NumberFormat(locales, options),
    getDateTimeFormat: (...args) => new Intl.DateTimeFormat(...args),
    getPluralRules: (locales, options) => {
      const key = JSON.stringify([locales, options]);
      let rules = pluralRules.get(key);
      if (!rules) {
        rules = new Intl.PluralRules(locales, options);
        pluralRules.set(key, rules);
      }
      return rules;
    },
  };
}
