import { foldText } from './fold-text.js';

/* People's names as author lists write them, matched whatever order or initials they take. */

/**
 * A person's name as a key that any of its forms gives: "Zeng Yan", "Yan Zeng" and "Zeng, Yan"
 * give the same (its words, sorted), "Y. Zeng" gives the surname and an initial (see `nameMatches`).
 */
export function nameWords(name: string): string[] {
  const turned = name.includes(',') ? name.split(',').reverse().join(' ') : name;
  return foldText(turned).split(' ').filter(Boolean);
}

/** Whether two written forms name the same person: the same words in any order, or a surname with initials. */
export function nameMatches(a: string, b: string): boolean {
  const x = nameWords(a);
  const y = nameWords(b);
  if (x.length === 0 || y.length === 0) return false;
  if ([...x].sort().join(' ') === [...y].sort().join(' ')) return true;
  // Initials with a surname ("F. Luo", "Luo F"): one side's one-letter words stand for the other's words.
  const [short, long] = x.some((w) => w.length === 1) ? [x, y] : y.some((w) => w.length === 1) ? [y, x] : [[], []];
  if (short.length === 0 || short.length !== long.length) return false;
  const full = short.filter((w) => w.length > 1);
  const initials = short.filter((w) => w.length === 1);
  const rest = [...long];
  for (const w of full) {
    const at = rest.indexOf(w);
    if (at < 0) return false;
    rest.splice(at, 1);
  }
  return (
    full.length > 0 &&
    initials.every((i) => {
      const at = rest.findIndex((w) => w.startsWith(i));
      if (at < 0) return false;
      rest.splice(at, 1);
      return true;
    })
  );
}

/**
 * The co-authors an author list names, without "et al." or affiliations in brackets. A list with
 * semicolons separates authors with them ("Zhang, Wei; Li, Hang": each name written surname
 * first); otherwise commas, "and" and "&" do.
 */
export function coAuthors(authors: string): string[] {
  const plain = authors.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  const separator = plain.includes(';') ? /\s*(?:;|\band\b|&)\s*/u : /\s*(?:,|\band\b|&|、|，)\s*/u;
  return plain
    .split(separator)
    .map((a) =>
      a
        .replace(/\bet al\.?/giu, '')
        .replace(/[*†‡§¶]+/gu, '')
        .trim(),
    )
    .filter((a) => a.length > 1 && /\p{L}/u.test(a));
}
