import type { ImportedName } from './types.js';

/** Who the profile is about, as far as names go. */
export interface PersonNames {
  readonly name: string;
  readonly nativeName?: string | undefined;
}

export type AuthorMatch =
  | { readonly kind: 'found'; readonly index: number; readonly how: 'full name' | 'initials' }
  | { readonly kind: 'absent' }
  | { readonly kind: 'ambiguous'; readonly candidates: readonly number[] };

/**
 * Finds the person in an author list. Names are compared as sets of parts, so "Yan Zeng",
 * "Zeng Yan" and "Zeng, Yan" are one name; "Xiao-Ming", "Xiao Ming" and "Xiaoming" too; accents
 * and case do not count; a native-script name matches with or without spaces. Initials
 * ("Y. Zeng") match only when no full name does. Two equally good candidates are reported as
 * ambiguous rather than guessed between.
 */
export function matchAuthor(person: PersonNames, authors: readonly ImportedName[]): AuthorMatch {
  const wanted = [person.name, person.nativeName].filter((n): n is string => Boolean(n)).map(nameParts);
  const full: number[] = [];
  const initials: number[] = [];
  authors.forEach((author, index) => {
    const parts = nameParts(authorText(author));
    if (parts.length === 0) return;
    if (wanted.some((w) => sameParts(w, parts))) full.push(index);
    else if (wanted.some((w) => initialsMatch(w, parts))) initials.push(index);
  });
  const pick =
    full.length > 0 ? { list: full, how: 'full name' as const } : { list: initials, how: 'initials' as const };
  if (pick.list.length === 0) return { kind: 'absent' };
  if (pick.list.length > 1) return { kind: 'ambiguous', candidates: pick.list };
  return { kind: 'found', index: pick.list[0]!, how: pick.how };
}

/** `*`, `†`, `‡` and `∗` written against a name: the author shares first (or last) place with others. */
const contributionMark = /[*†‡∗]+/gu;

function stripContributionMarks(name: string): string {
  return name.replace(contributionMark, '').replace(/\s+/g, ' ').trim();
}

export function hasContributionMark(author: ImportedName): boolean {
  return [author.literal, author.given, author.family].some((part) => part !== undefined && /[*†‡∗]/u.test(part));
}

/** A name as one line of text, without the marks of shared authorship (the authorship says that). */
export function authorText(author: ImportedName): string {
  if (author.literal) return stripContributionMarks(author.literal);
  return stripContributionMarks([author.given, author.family].filter(Boolean).join(' '));
}

/**
 * Lower-case parts without accents; CJK names (no spaces in use) become one part per character.
 * Letters that transliterations drop go too: the ʿayn and hamza of "ʿAlāʾ" (spacing modifier
 * letters), apostrophes, the dotless ı (Turkish "Işık" is "Isik" in most English records), and
 * the marks of equal contribution that personal pages put on names ("Ferrando*").
 */
export function nameParts(name: string): string[] {
  const plain = stripContributionMarks(name)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u02B0-\u02FF'’‘`]/gu, '')
    .replace(/ı/g, 'i')
    .toLowerCase()
    .replace(/[,.]/g, ' ')
    .trim();
  if (/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\s·・]+$/u.test(plain)) {
    return [...plain.replace(/[\s·・]/g, '')];
  }
  return plain.split(/[\s]+/).filter(Boolean);
}

function sameParts(a: readonly string[], b: readonly string[]): boolean {
  const joinedA = [...a].sort().join(' ');
  const joinedB = [...b].sort().join(' ');
  if (joinedA === joinedB) return true;
  // A middle initial on one side only ("Heather A. Piwowar") does not make another person.
  const full = (parts: readonly string[]): string =>
    parts
      .filter((p) => p.length > 1)
      .sort()
      .join(' ');
  if (full(a) === full(b) && full(a).includes(' ')) return true;
  // Hyphens and the spaces inside a given name come and go between records: compare the letters.
  const squashed = (parts: readonly string[]): string[] =>
    [parts.join(''), [...parts].reverse().join('')].map((s) => s.replace(/[^\p{L}\p{N}]/gu, ''));
  const sa = squashed(a);
  return squashed(b).some((s) => sa.includes(s));
}

/** "Y. Zeng" or "Zeng Y" against "Zeng Yan": one part equal, every other part an initial of the rest. */
function initialsMatch(full: readonly string[], given: readonly string[]): boolean {
  if (full.length < 2 || given.length < 2) return false;
  const pieces = given.map((p) => p.replace(/-/g, ''));
  for (const family of full) {
    const at = pieces.indexOf(family.replace(/-/g, ''));
    if (at < 0) continue;
    const others = full.filter((p) => p !== family).map((p) => p.split('-'));
    const initials = pieces.filter((_, i) => i !== at).join('');
    const wantedInitials = others
      .flat()
      .map((p) => p[0] ?? '')
      .join('');
    const firstOnly = others.map((p) => p[0]?.[0] ?? '').join('');
    if (initials.length > 0 && initials.length <= 3 && (initials === wantedInitials || initials === firstOnly))
      return true;
  }
  return false;
}
