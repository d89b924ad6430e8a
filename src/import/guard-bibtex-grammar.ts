import { UserError } from '../errors.js';
import { bibtexExpandedChars } from './limits.js';

/** The part of citation-js's BibTeX grammar (a `Grammar` of `@citation-js/core`) the guard wraps. */
export interface BibtexGrammar {
  rules: Record<string, (this: GrammarRun) => unknown>;
}

interface GrammarRun {
  state: { strings: Record<string, unknown>; expanded?: number };
  token?: { line: number; col: number };
}

/** A file whose `@string` macros expand past the limit: the whole file is refused. */
export class BibtexExpansionError extends UserError {
  override readonly name: string = 'BibtexExpansionError';
  constructor(
    readonly line: number,
    readonly column: number,
  ) {
    super(
      `the @string macros of this file expand to more than ${bibtexExpandedChars / (1024 * 1024)} Mi characters of text (the limit); ` +
        'a macro made of copies of other macros, used again and again, grows without bound',
    );
  }
}

const guarded = new WeakSet<object>();

/**
 * citation-js substitutes `@string` macros while it parses (the `Expression` rule joins the parts
 * of `a # b`), so a file of a few KiB can expand to gigabytes before any of its entries reaches
 * us. The grammar is a plain object of rules; wrapping two of them bounds the work by the file:
 *
 * - `Main` gives every parse a fresh macro table with no prototype, so a macro named
 *   `constructor` or `__proto__` is an ordinary (undefined) name, never a function of Object;
 * - `Expression` counts the characters each value expands to. V8 joins strings as ropes, so
 *   the count is known before any text is copied, and the parse stops as soon as the total passes
 *   the limit (or V8's own string limit throws), in milliseconds.
 */
export function guardBibtexGrammar(grammar: BibtexGrammar): void {
  if (guarded.has(grammar)) return;
  guarded.add(grammar);
  const { Main: main, Expression: expression } = grammar.rules;
  if (!main || !expression)
    throw new Error('the BibTeX grammar of citation-js has changed: no Main or Expression rule to guard');
  grammar.rules['Main'] = function guardedMain(this: GrammarRun) {
    this.state.strings = Object.assign(Object.create(null) as Record<string, unknown>, this.state.strings);
    this.state.expanded = 0;
    return main.call(this);
  };
  grammar.rules['Expression'] = function guardedExpression(this: GrammarRun) {
    const at = this.token;
    let value: unknown;
    try {
      value = expression.call(this);
    } catch (error) {
      if (error instanceof RangeError) throw new BibtexExpansionError(at?.line ?? 0, at?.col ?? 0);
      throw error;
    }
    this.state.expanded = (this.state.expanded ?? 0) + (typeof value === 'string' ? value.length : 0);
    if (this.state.expanded > bibtexExpandedChars) throw new BibtexExpansionError(at?.line ?? 0, at?.col ?? 0);
    return value;
  };
}
