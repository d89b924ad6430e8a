import { createRequire } from 'node:module';
import { html, parse, serialize } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.ChildNode;
type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type TextNode = DefaultTreeAdapterTypes.TextNode;

interface Hyphenator {
  hyphenateSync(text: string, options?: { hyphenChar?: string; minWordLength?: number }): string;
}

const require = createRequire(import.meta.url);

/**
 * Liang's patterns (TeX's), from the `hyphen` package, by language for Latin letters and by
 * script for the others. Chromium here has no hyphenation dictionaries, so `hyphens: auto` does
 * nothing: the break points are written into the text as soft hyphens, which Chromium honours
 * (a hyphen is drawn only where a line really breaks there).
 */
const latinPatterns: Readonly<Record<string, string>> = {
  en: 'hyphen/en-us',
  de: 'hyphen/de',
  fr: 'hyphen/fr',
  es: 'hyphen/es',
};
const scriptPatterns: readonly (readonly [RegExp, string])[] = [
  [/^\p{Script=Latin}/u, ''],
  [/^\p{Script=Cyrillic}/u, 'hyphen/ru'],
  [/^\p{Script=Greek}/u, 'hyphen/el-monoton'],
  [/^\p{Script=Devanagari}/u, 'hyphen/hi'],
];

/** Patterns load once per process and language (German's take 0.4 s): only the languages a page has. */
const hyphenators = new Map<string, Hyphenator>();
const hyphenated = new Map<string, string>();
const maxCachedWords = 100_000;

const softHyphen = '\u00AD';

/** A word shorter than this needs no break in a column of designed width; and a break keeps two letters before it and three after, as TeX does. */
const minWord = 8;
/**
 * In a heading, only a word too long for any column is hyphenated: headings become the PDF's
 * bookmarks and the contents' entries, whose text should be the heading's words as written.
 */
const minHeadingWord = 25;
const headingTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
const minBefore = 2;
const minAfter = 3;

/** Elements whose text is a name, a number, code or a link: never hyphenated. */
const skippedTags = new Set([
  'head',
  'a',
  'code',
  'pre',
  'kbd',
  'samp',
  'style',
  'script',
  'title',
  'svg',
  'math',
  'textarea',
  'template',
]);
const skippedClasses = new Set([
  'name',
  'other-name',
  'person-name',
  'cite',
  'toc-page',
  'year',
  'value',
  'kicker',
  'contents-title',
  'no-hyphens',
]);

/**
 * A token that is an address or an identifier ("example.org/a", "snake_case", "a@b"): it breaks
 * at its punctuation, never with a hyphen. A decimal number ("2.0", "42.5%") or an abbreviation
 * ("e.g.") is not one.
 */
const urlLike = /:\/\/|^www\.|[\p{L}\p{N}][/_@][\p{L}\p{N}]|\p{L}\.\p{L}{2,}/u;
/** Inner capitals ("OpenAI", "ByteDance"), digits ("H100s"): a name or an identifier, left whole. */
const identifierLike = /\p{Ll}\p{Lu}|\p{Lu}{2}|\p{N}/u;

export interface HyphenateOptions {
  /** The words of people's names, which never break inside (in any case). */
  readonly names: readonly string[];
}

/**
 * The page with soft hyphens at the hyphenation points of long words in running text and table
 * cells, in the language of each element (`lang`), and with `<wbr>` after the slashes and
 * before the dots of addresses and identifiers, so that a narrow column breaks a word where a
 * typesetter would, with a hyphen shown, and a URL where it can be read again. Names, links'
 * own words, numbers and code are left whole.
 */
export function hyphenateHtml(page: string, options: HyphenateOptions): string {
  const document = parse(page);
  hyphenateTree(document, options);
  return serialize(document);
}

/** hyphenateHtml on a parsed page, in place: the build hyphenates the tree it checked and writes. */
export function hyphenateTree(document: ParentNode, options: HyphenateOptions): void {
  const names = new Set(options.names.flatMap((n) => n.toLocaleLowerCase().split(/[^\p{L}\p{M}]+/u)).filter(Boolean));
  walk(document, { lang: 'en', inLink: false, minLength: minWord, names });
}

interface Context {
  readonly lang: string;
  readonly inLink: boolean;
  /** The shortest word hyphenated here. */
  readonly minLength: number;
  readonly names: ReadonlySet<string>;
}

function walk(parent: ParentNode, context: Context): void {
  const children: Node[] = [];
  for (const child of parent.childNodes) {
    if (child.nodeName === '#text') {
      children.push(...textNodes(child as TextNode, context));
      continue;
    }
    children.push(child);
    if (!('tagName' in child)) continue;
    const element = child;
    const lang = element.attrs.find((a) => a.name === 'lang')?.value.toLowerCase() || context.lang;
    if (element.tagName === 'a') {
      walk(element, { ...context, lang, inLink: true });
      continue;
    }
    if (skipped(element)) continue;
    walk(element, { ...context, lang, ...(headingTags.has(element.tagName) ? { minLength: minHeadingWord } : {}) });
  }
  parent.childNodes = children;
}

function skipped(element: Element): boolean {
  if (skippedTags.has(element.tagName)) return true;
  if (element.attrs.some((a) => a.name === 'translate' && a.value === 'no')) return true;
  const classes = element.attrs.find((a) => a.name === 'class')?.value.split(/\s+/) ?? [];
  return classes.some((c) => skippedClasses.has(c));
}

/** A text node as text with soft hyphens, split around the `<wbr>`s of its addresses. */
function textNodes(node: TextNode, context: Context): Node[] {
  const { inLink } = context;
  const hyphenate = (word: string): string => hyphenateWord(word, context);
  const out: Node[] = [];
  let text = '';
  const flush = (): void => {
    if (text) out.push({ nodeName: '#text', value: text, parentNode: node.parentNode });
    text = '';
  };
  for (const token of node.value.split(/(\s+)/u)) {
    if (token === '' || /^\s+$/u.test(token)) {
      text += token;
    } else if (urlLike.test(token) || (inLink && /[./:_-]/u.test(token))) {
      for (const [i, piece] of urlPieces(token).flatMap(identifierPieces).entries()) {
        if (i > 0) {
          flush();
          out.push(wbr(node));
        }
        text += piece;
      }
    } else if (inLink) {
      text += token;
    } else if (identifierLike.test(token)) {
      // A name or identifier may break where its words meet ("Pneumono|Ultra", "H100|Series"),
      // and a long run of small letters inside it at its hyphenation points.
      for (const [i, piece] of identifierPieces(token).entries()) {
        if (i > 0) {
          flush();
          out.push(wbr(node));
        }
        text += piece.replace(/\p{Lu}?[\p{Ll}\p{M}]{11,}/gu, hyphenate);
      }
    } else {
      text += token.replace(/[\p{L}\p{M}]+/gu, hyphenate);
    }
  }
  flush();
  return out;
}

function wbr(beside: TextNode): Element {
  return {
    nodeName: 'wbr',
    tagName: 'wbr',
    attrs: [],
    namespaceURI: html.NS.HTML,
    childNodes: [],
    parentNode: beside.parentNode,
  };
}

/** An identifier cut where its words meet: before a capital that follows a small letter. Short ones stay whole. */
function identifierPieces(token: string): string[] {
  return [...token].length < 16 ? [token] : token.split(/(?<=\p{Ll})(?=\p{Lu})/u);
}

/** An address cut where a line may break: after a slash or colon, before a dot, hyphen or underscore, as style guides break URLs. */
function urlPieces(token: string): string[] {
  return token.split(/(?<=[/:](?![/:]))(?=.)|(?<=.)(?=[.\-_?#&=](?=.))/u).filter(Boolean);
}

function hyphenateWord(word: string, { lang, minLength, names }: Context): string {
  if ([...word].length < minLength || names.has(word.toLocaleLowerCase())) return word;
  const module = patternsFor(word, lang);
  if (!module) return word;
  const key = `${module}\u0000${word}`;
  const cached = hyphenated.get(key);
  if (cached !== undefined) return cached;
  const parts = hyphenator(module)
    .hyphenateSync(word, { hyphenChar: softHyphen, minWordLength: minWord })
    .split(softHyphen);
  // Merge pieces that would leave too few letters at either end of a line.
  while (parts.length > 1 && [...parts[0]!].length < minBefore) parts.splice(0, 2, parts[0]! + parts[1]!);
  while (parts.length > 1 && [...parts.at(-1)!].length < minAfter) parts.splice(-2, 2, parts.at(-2)! + parts.at(-1)!);
  // No break point inside an f-ligature ("ef|fi|cient"): the font draws "ffi" as one glyph
  // across the soft hyphen, and the PDF's text layer can then no longer say which letters it holds.
  for (let i = parts.length - 2; i >= 0; i--)
    if (/f$/i.test(parts[i]!) && /^[fijlt]/i.test(parts[i + 1]!)) parts.splice(i, 2, parts[i]! + parts[i + 1]!);
  const result = parts.join(softHyphen);
  if (hyphenated.size >= maxCachedWords) hyphenated.clear();
  hyphenated.set(key, result);
  return result;
}

/** The patterns for a word: its script's, or for Latin letters the element's language's (English when it has none). */
function patternsFor(word: string, lang: string): string | undefined {
  const script = scriptPatterns.find(([test]) => test.test(word));
  if (!script) return undefined;
  if (script[1] !== '') return script[1];
  return latinPatterns[lang.split('-')[0] ?? ''] ?? latinPatterns['en'];
}

function hyphenator(module: string): Hyphenator {
  let loaded = hyphenators.get(module);
  if (!loaded) {
    loaded = require(module) as Hyphenator;
    hyphenators.set(module, loaded);
  }
  return loaded;
}
