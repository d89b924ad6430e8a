import {
  isArgumentElement,
  isDateElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  isTagElement,
  isTimeElement,
  parse,
} from '@formatjs/icu-messageformat-parser';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';

/** How a message uses a placeholder: printed, choosing a plural form, choosing a branch, or formatted by the runtime. */
type Use = 'text' | 'plural' | 'select' | 'formatted';

/** Every placeholder of a parsed message, with the ways it is used. */
function placeholderUses(
  elements: readonly MessageFormatElement[],
  into = new Map<string, Set<Use>>(),
): Map<string, Set<Use>> {
  const add = (name: string, use: Use): void => {
    into.set(name, (into.get(name) ?? new Set()).add(use));
  };
  for (const element of elements) {
    if (isArgumentElement(element)) add(element.value, 'text');
    else if (isNumberElement(element) || isDateElement(element) || isTimeElement(element))
      add(element.value, 'formatted');
    else if (isPluralElement(element) || isSelectElement(element)) {
      add(element.value, isPluralElement(element) ? 'plural' : 'select');
      for (const option of Object.values(element.options)) placeholderUses(option.value, into);
    } else if (isTagElement(element)) placeholderUses(element.children, into);
  }
  return into;
}

/** `{a}, {b}` */
const listNames = (names: Iterable<string>): string => [...names].map((n) => `{${n}}`).join(', ');

/**
 * Why a user's text for a message cannot stand in for the built-in ones, or undefined when it
 * can. The program fills each message with the values its built-in texts use (in any shipped
 * language), so an override may use those and no others: a typo (`{nosuch}`) would otherwise
 * stop the build half-way with an error from the message library. Numbers, dates and times
 * arrive already formatted (the output must not depend on the runtime's locale data), so
 * `{n, number}`, `{d, date}` and `{t, time}` are refused, and only a placeholder the built-in
 * texts count with may choose a plural form.
 */
export function placeholderProblem(text: string, builtInTexts: readonly string[]): string | undefined {
  let own: Map<string, Set<Use>>;
  try {
    own = placeholderUses(parse(text, { ignoreTag: true }));
  } catch (error) {
    return `this is not a valid message (ICU MessageFormat): ${(error as Error).message}`;
  }
  const given = new Map<string, Set<Use>>();
  for (const builtIn of builtInTexts) placeholderUses(parse(builtIn, { ignoreTag: true }), given);
  const canUse =
    given.size === 0 ? 'this message has no placeholders' : `it can use ${listNames([...given.keys()].sort())}`;

  const unknown = [...own.keys()].filter((name) => !given.has(name));
  if (unknown.length > 0) {
    return `${listNames(unknown)} ${unknown.length === 1 ? 'is' : 'are'} not given to this message (a typo?); ${canUse}`;
  }
  for (const [name, uses] of own) {
    if (uses.has('formatted'))
      return `{${name}, …} formats with the runtime's own locale data; values arrive already formatted, so write {${name}}`;
    if (uses.has('plural') && !given.get(name)?.has('plural')) {
      const counters = [...given].filter(([, u]) => u.has('plural')).map(([n]) => n);
      return `{${name}, plural, …} needs a number, and {${name}} is text; ${counters.length > 0 ? `${listNames(counters)} chooses the plural form here` : 'this message has no number to choose a plural form with'}`;
    }
  }
  return undefined;
}
