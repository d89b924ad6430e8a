import type { PartialDate } from '../schema/partial-date.js';
import { builtInCatalogue } from './catalogue.js';
import type { Catalogue } from './catalogue.js';
import { isolate } from './bidi.js';
import { exponentSlot, formatNumber, mantissaSlot } from './format-number.js';
import type { NumberStyle } from './format-number.js';
import { textDirection } from './languages.js';
import type { Language, TextDirection } from './languages.js';
import { Messages } from './messages.js';
import type { MessageValues } from './messages.js';

/**
 * Everything language-dependent that the derive stage needs: messages, and dates, numbers,
 * lists and ranges written the way the reader's locale writes them. Deterministic: the forms come
 * from the catalogue, never from the runtime's `Intl` data, so output is the same on any Node.
 */
export class Locale {
  readonly messages: Messages;
  readonly dir: TextDirection;
  /** How this locale writes numbers, for charts to write their axes the same way. */
  readonly numberStyle: NumberStyle;

  constructor(
    readonly language: Language,
    overrides: Catalogue = new Map(),
  ) {
    this.messages = new Messages(language, builtInCatalogue(language), overrides);
    this.dir = textDirection(language);
    this.numberStyle = {
      decimal: this.t('number.decimal'),
      group: this.t('number.group'),
      minimumGrouping: Number(this.t('number.minimumGrouping')),
      minus: this.t('number.minus'),
      scientific: this.t('number.scientific', { mantissa: mantissaSlot, exponent: exponentSlot }),
    };
  }

  /** User text (a name, a title) to be put inside one of our sentences, isolated if its direction may differ. */
  user(text: string): string {
    return isolate(text, this.dir);
  }

  /** The message `key`, filled in. */
  t(key: string, values?: MessageValues): string {
    return this.messages.format(key, values);
  }

  /** A message with a plural: `count` picks the form, and is printed as the locale writes it. */
  count(key: string, count: number, values: MessageValues = {}): string {
    return this.t(key, { ...values, count, n: this.number(count) });
  }

  /** 1234.5 → "1,234.5" (en), "1.234,5" (de), "1 234,5" (fr); 1e15 → "1 × 10¹⁵". */
  number(value: number): string {
    return formatNumber(value, this.numberStyle);
  }

  /**
   * A value with the unit a profile gives it: "60 s", "57.5% of DeepSeek 67B" (de "57,5 % …"),
   * "5.76× DeepSeek 67B", "No. 8" for a rank. The unit itself is the profile's text.
   */
  quantity(value: number, unit?: string): string {
    const n = this.number(value);
    if (!unit) return n;
    if (unit === 'rank') return this.t('number.rank', { n });
    if (unit.startsWith('%')) return `${this.t('number.percent', { n })}${this.spacedUser(unit.slice(1))}`;
    if (unit.startsWith('×')) return `${n}×${this.spacedUser(unit.slice(1))}`;
    return this.t('number.unit', { n, unit: this.user(unit) });
  }

  /**
   * User text that follows ours after a space (" of DeepSeek 67B"): the space stays outside the
   * isolate, or a right-to-left line would lose it between the number and the words.
   */
  private spacedUser(text: string): string {
    const rest = text.trimStart();
    return `${text.slice(0, text.length - rest.length)}${rest ? this.user(rest) : ''}`;
  }

  /** A date as precise as written: `2021`, `2021-09`, `2025-06-11`; or "present" (a PartialDate too). */
  date(date: PartialDate): string {
    if (date === 'present') return this.t('date.present');
    const [year = date, month, day] = date.split('-');
    if (month === undefined) return this.t('date.year', { year });
    const names = {
      year,
      month: String(Number(month)),
      monthName: this.t('date.monthShort', { month: String(Number(month)) }),
      monthLong: this.t('date.monthLong', { month: String(Number(month)) }),
    };
    return day === undefined ? this.t('date.month', names) : this.t('date.day', { ...names, day: String(Number(day)) });
  }

  /** A full date written out, for the cover: "23 November 2026", "2026年11月23日". */
  longDate(date: string): string {
    const [year = date, month = '1', day = '1'] = date.split('-');
    return this.t('date.long', {
      year,
      month: String(Number(month)),
      day: String(Number(day)),
      monthLong: this.t('date.monthLong', { month: String(Number(month)) }),
    });
  }

  /** "Sep 2021 – 2023", "2021年9月—2023年", "from 2021", "until now". */
  period(start: PartialDate | undefined, end: PartialDate | undefined): string {
    if (start && end) return this.t('date.range', { start: this.date(start), end: this.date(end) });
    if (start) return this.t('date.from', { start: this.date(start) });
    if (end) return end === 'present' ? this.t('date.untilNow') : this.t('date.until', { end: this.date(end) });
    return this.t('date.notGiven');
  }

  /** A span of plain numbers such as years: "2019–2025". */
  numberRange(from: number | string, to: number | string): string {
    return this.t('number.range', { from: String(from), to: String(to) });
  }

  /** "A", "A and B", "A, B and C"; zh-CN "甲、乙和丙". */
  list(items: readonly string[]): string {
    if (items.length <= 1) return items.join('');
    if (items.length === 2) return this.t('list.two', { first: items[0]!, second: items[1]! });
    let head = items[0]!;
    for (const item of items.slice(1, -1)) head = this.t('list.middle', { head, item });
    return this.t('list.end', { head, last: items.at(-1)! });
  }

  /** The first few items and a count of the rest: "a; b; c and 27 more". */
  summary(items: readonly string[], keep = 3, separator: 'semicolon' | 'comma' = 'semicolon'): string {
    const sep = this.t(separator === 'semicolon' ? 'list.semicolon' : 'list.comma');
    if (items.length <= keep + 1) return items.join(sep);
    const rest = items.length - keep;
    return this.t('list.more', { list: items.slice(0, keep).join(sep), count: rest, n: this.number(rest) });
  }
}

const locales = new Map<Language, Locale>();

/** The locale of a language with the built-in messages; shared, as it holds no state but caches. */
export function builtInLocale(language: Language): Locale {
  let locale = locales.get(language);
  if (!locale) {
    locale = new Locale(language);
    locales.set(language, locale);
  }
  return locale;
}
