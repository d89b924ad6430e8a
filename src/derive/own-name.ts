import { matchAuthor, nameParts } from '../import/match-author.js';
import type { PersonNames } from '../import/match-author.js';

/** Where the person's own name is in an author list: offsets into the text, end exclusive. */
export interface NameSpan {
  readonly start: number;
  readonly end: number;
}

interface Word {
  readonly start: number;
  readonly end: number;
  /** Words of one group are one author's name or less; `soft` groups are split by a comma only. */
  readonly group: number;
  readonly softBefore: boolean;
}

/**
 * Finds the person in an author list as people write one: "Yan Zeng, Xinsong Zhang, Hang Li",
 * "Zeng Yan; Li Hang", "Zeng, Y. and Zhang, X.", "曾妍、张三", "DeepSeek-AI (Fuli Luo among the
 * authors)". The list is cut into words and groups (between commas, semicolons, "and", "&",
 * brackets), and every short run of words is compared with the person's names by the rules the
 * importer uses (matchAuthor: either order, accents and case ignored, initials with the
 * surname, the native-script name with or without spaces). A run inside one group wins over
 * one across a comma ("Zeng, Yan"), which is tried only when no group holds the name, so
 * "Xinsong Zhang, Hang Li" is never read as a "Zhang, Hang". Full names win over initials.
 */
export function ownNameSpans(person: PersonNames, authors: string): readonly NameSpan[] {
  // Validation and derive both ask, for every paper: the answer is remembered.
  const key = `${person.name}\u0000${person.nativeName ?? ''}\u0000${authors}`;
  let spans = memo.get(key);
  if (!spans) {
    spans = findSpans(person, authors);
    memo.set(key, spans);
    if (memo.size > 20_000) memo.delete(memo.keys().next().value!);
  }
  return spans;
}

const memo = new Map<string, readonly NameSpan[]>();

function findSpans(person: PersonNames, authors: string): NameSpan[] {
  const words = wordsOf(authors);
  // "Heather A. Piwowar" is also "H. Piwowar": the name without its middle initials is tried too.
  const withoutInitials = person.name
    .split(/\s+/)
    .filter((part) => part.replace(/\./g, '').length > 1)
    .join(' ');
  const forms: PersonNames[] =
    withoutInitials !== person.name && withoutInitials.includes(' ') ? [person, { name: withoutInitials }] : [person];
  // matchAuthor is thorough but not cheap; a run can only match if one of its words is a part
  // of a name (or the run, squashed, is the whole name), so only such runs are asked about.
  const letters = (t: string): string => t.replace(/[^\p{L}\p{N}]/gu, '');
  const personParts = forms.flatMap((f) =>
    [f.name, f.nativeName].filter((n): n is string => Boolean(n)).map(nameParts),
  );
  const tokens = new Set(personParts.flat().map(letters));
  const squashed = new Set(
    personParts.flatMap((parts) => [parts.join(''), [...parts].reverse().join('')].map(letters)),
  );
  const wordParts = words.map((w) => nameParts(authors.slice(w.start, w.end)).map(letters));
  const found: { span: NameSpan; rank: number }[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let j = i; j < Math.min(words.length, i + 4); j++) {
      const crossings = words.slice(i + 1, j + 1).filter((w, k) => w.group !== words[i + k]!.group);
      if (crossings.some((w) => !w.softBefore) || crossings.length > 1) break;
      // Across a comma, a run must be two whole groups: "Zeng, Yan", never "Zhang [Zeng, Yan] Li".
      if (crossings.length > 0 && (words[i - 1]?.group === words[i]!.group || words[j + 1]?.group === words[j]!.group))
        continue;
      const run = wordParts.slice(i, j + 1).flat();
      if (!run.some((part) => tokens.has(part)) && !squashed.has(run.join(''))) continue;
      const span = { start: words[i]!.start, end: words[j]!.end };
      const matches = forms.map((form) => matchAuthor(form, [{ literal: authors.slice(span.start, span.end) }]));
      const match =
        matches.find((m) => m.kind === 'found' && m.how === 'full name') ?? matches.find((m) => m.kind === 'found');
      if (match?.kind !== 'found') continue;
      found.push({ span, rank: (crossings.length > 0 ? 2 : 0) + (match.how === 'initials' ? 1 : 0) });
    }
  }
  if (found.length === 0) return [];
  const best = Math.min(...found.map((f) => f.rank));
  const spans: NameSpan[] = [];
  for (const { span } of found
    .filter((f) => f.rank === best)
    .sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)) {
    if (spans.every((s) => span.start >= s.end || span.end <= s.start)) spans.push(span);
  }
  return spans;
}

const separators = new Set([',', ';', '，', '、', '；', '&', '(', ')', '（', '）', '[', ']']);
// "y" and "e" (Spanish and Portuguese "and") are left out: they are also initials.
const joiningWords = new Set(['and', 'et', 'al', 'al.', 'und']);

function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  let group = 0;
  let soft = false;
  for (const { token, index } of tokensOf(text)) {
    if (separators.has(token) || joiningWords.has(token.toLowerCase())) {
      // A lone comma may sit inside one name ("Zeng, Yan"); anything else ends it.
      soft = token === ',' && words.length > 0 && words.at(-1)!.group === group;
      group++;
      continue;
    }
    if (!/[\p{L}\p{N}]/u.test(token)) continue;
    words.push({
      start: index,
      end: index + token.length,
      group,
      softBefore: soft && words.length > 0 && words.at(-1)!.group === group - 1,
    });
    soft = false;
  }
  return words;
}

/**
 * The text cut as `/[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.-]*|[^\s\p{L}\p{M}\p{N}]/gu` would cut it:
 * words (a letter, mark or digit of any script, then more of them, apostrophes, dots and dashes)
 * and every other character but white space on its own. Written out, because V8 compiles that
 * pattern's three classes of every script's letters into some 40 million instructions in each
 * process, a twentieth of the load stage, when author lists are mostly ASCII: an ASCII
 * character is told by its code, and only other characters ask a (smaller) pattern.
 */
export function tokensOf(text: string): { token: string; index: number }[] {
  const tokens: { token: string; index: number }[] = [];
  let at = 0;
  while (at < text.length) {
    const char = codePointAt(text, at);
    if (!isWordCharacter(char)) {
      if (!isSpace(char)) tokens.push({ token: char, index: at });
      at += char.length;
      continue;
    }
    let end = at + char.length;
    while (end < text.length) {
      const next = codePointAt(text, end);
      if (!isWordCharacter(next) && !wordInnerPunctuation.has(next)) break;
      end += next.length;
    }
    tokens.push({ token: text.slice(at, end), index: at });
    at = end;
  }
  return tokens;
}

const wordInnerPunctuation = new Set(["'", '’', '.', '-']);
const letterMarkOrDigit = /^[\p{L}\p{M}\p{N}]$/u;
const space = /^\s$/u;

/** The character (one code point: a surrogate pair whole, a lone surrogate alone) at `index`. */
function codePointAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index)!);
}

function isWordCharacter(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x80)
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  return letterMarkOrDigit.test(char);
}

function isSpace(char: string): boolean {
  const code = char.charCodeAt(0);
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return space.test(char);
}

/** The author list as HTML, the person's own name in bold. */
export function authorsHtml(authors: string, spans: readonly NameSpan[]): string {
  let html = '';
  let at = 0;
  for (const span of spans) {
    html += `${escapeHtml(authors.slice(at, span.start))}<strong class="own-name">${escapeHtml(authors.slice(span.start, span.end))}</strong>`;
    at = span.end;
  }
  return html + escapeHtml(authors.slice(at));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
