import MarkdownIt from 'markdown-it';
import type { Token } from 'markdown-it';
import { isHttpsUrl } from '../schema/primitives.js';

/** A long text of a profile with its light markup read: as HTML for the page, as plain text for everything else. */
export interface InlineMarkup {
  /** `<strong>`, `<em>`, `<code>` and `<a href="https:…">` around escaped text; nothing else. */
  readonly html: string;
  /** The words without the markup: for charts, bookmarks, PDF metadata and JSON. */
  readonly plain: string;
  /** Link targets that are not https: addresses; their markup stays as written, as plain text. */
  readonly refusedLinks: readonly string[];
}

/**
 * CommonMark inline syntax, and only the part a summary needs: `**strong**`, `*emphasis*`,
 * `` `code` ``, `[text](https://…)` and backslash escapes. Raw HTML is off (a `<b>` stays the
 * text "<b>"), and so are images, autolinks, linkified bare URLs, entities and typographic
 * replacements, so text that never meant to be markup reads as it was written.
 */
const parser = new MarkdownIt('zero', { html: false, linkify: false, typographer: false }).enable([
  'emphasis',
  'backticks',
  'link',
  'escape',
]);

let refused: string[] = [];
// A link whose target is not an https: address is not made: markdown-it then reads its
// brackets as plain text. The target is judged as the URL parser reads it after markdown-it
// normalised it (entities decoded, host in punycode).
parser.validateLink = (url: string): boolean => {
  const ok = isHttpsUrl(url);
  if (!ok) refused.push(url);
  return ok;
};

const cache = new Map<string, InlineMarkup>();

/** Reads the markup of one text. Pure, and remembered: reports read the same texts again. */
export function inlineMarkup(text: string): InlineMarkup {
  let result = cache.get(text);
  if (result) return result;
  // Most texts hold no character that could start markup or need escaping: no need to parse them.
  if (!/[*_`[\]\\<>&"]/.test(text)) return { html: text, plain: text, refusedLinks: [] };
  result = parseMarkup(text);
  cache.set(text, result);
  if (cache.size > 5000) cache.delete(cache.keys().next().value!);
  return result;
}

/** inlineMarkup without its shortcut or memory: every text parsed. */
export function parseMarkup(text: string): InlineMarkup {
  refused = [];
  const tokens = parser.parseInline(text, {});
  unmakeEmptyLinks(tokens[0]?.children ?? []);
  const html = parser.renderer.render(tokens, parser.options, {});
  const plain = (tokens[0]?.children ?? [])
    .map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : t.type === 'softbreak' ? '\n' : ''))
    .join('');
  return { html, plain, refusedLinks: [...new Set(refused)] };
}

/**
 * `[text]()` has no target for validateLink to judge: markdown-it makes it a link to "", which
 * goes nowhere and which the page check rightly refuses. Such a link is not made: its brackets
 * stay text, as with any other refused target, and it is reported like one.
 */
function unmakeEmptyLinks(children: Token[]): void {
  let open = -1;
  children.forEach((token, i) => {
    if (token.type === 'link_open' && (token.attrGet('href') ?? '') === '') {
      open = i;
      children[i] = textToken(token, '[');
      refused.push('');
    } else if (token.type === 'link_close' && open >= 0) {
      children[i] = textToken(token, ']()');
      open = -1;
    } else if (token.type === 'link_close') {
      open = -1;
    }
  });
}

/** The token, made plain text in place (markdown-it's tokens are plain objects it renders by type). */
function textToken(token: Token, content: string): Token {
  token.type = 'text';
  token.tag = '';
  token.nesting = 0;
  token.attrs = null;
  token.content = content;
  return token;
}

/** The text without its markup. */
export function plainText(text: string): string {
  return inlineMarkup(text).plain;
}

/** The text as HTML for the page (see inlineMarkup). */
export function markupHtml(text: string): string {
  return inlineMarkup(text).html;
}
