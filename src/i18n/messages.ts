import { IntlMessageFormat } from 'intl-messageformat';
import { UserError } from '../errors.js';
import type { Catalogue } from './catalogue.js';
import type { Language } from './languages.js';

/** Values a message can take: text is inserted as is, numbers select plural forms. */
export type MessageValues = Readonly<Record<string, string | number>>;

/**
 * One language's messages, built-in with a template folder's overrides laid over them by key.
 * Messages are ICU MessageFormat, compiled on first use and kept. Numbers are never formatted by
 * the message library (its `#` uses the runtime's ICU data): callers pass `count` to choose the
 * plural form and `n`, the number already formatted by the locale, to print it.
 */
export class Messages {
  private readonly compiled = new Map<string, IntlMessageFormat>();

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
    const result = this.compile(key).format(values);
    return typeof result === 'string' ? result : String(result);
  }

  /** The compiled message; throws if its text is not valid ICU MessageFormat. */
  compile(key: string): IntlMessageFormat {
    let message = this.compiled.get(key);
    if (!message) {
      const text = this.overrides.get(key) ?? this.catalogue.get(key);
      if (text === undefined) throw new Error(`no message "${key}" in the ${this.language} catalogue`);
      try {
        message = new IntlMessageFormat(text, this.language, undefined, { ignoreTag: true });
      } catch (error) {
        throw new UserError(
          `the ${this.language} message "${key}" cannot be read as ICU MessageFormat: ${(error as Error).message}`,
          { cause: error },
        );
      }
      this.compiled.set(key, message);
    }
    return message;
  }
}
