/**
 * What a page that holds one build's HTML needs to make the next: how much of the start and of
 * the end to keep, and the text between. A save changes a few words, while the inline fonts and
 * charts around them (most of the ~800 KB) stay; sending only the change spares the browser
 * from taking in the whole page again. The page rebuilds exactly the server's text, never a
 * document of its own: the result is the build's checked HTML, byte for byte.
 */
export interface PageDelta {
  /** Characters (UTF-16 code units) kept from the start and from the end of the old text. */
  readonly keep: readonly [number, number];
  readonly text: string;
  /** The new text's length, for the page to check what it rebuilt. */
  readonly length: number;
}

export function pageDelta(from: string, to: string): PageDelta {
  const most = Math.min(from.length, to.length);
  let start = 0;
  while (start < most && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  let end = 0;
  while (end < most - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) end++;
  // Never cut a character in two: the text between is sent as UTF-8, which has no half characters.
  if (start > 0 && isHigh(to.charCodeAt(start - 1))) start--;
  if (end > 0 && isLow(to.charCodeAt(to.length - end))) end--;
  return { keep: [start, end], text: to.slice(start, to.length - end), length: to.length };
}

/** The new text from the old one and a delta (what the page's script does, for tests). */
export function applyDelta(from: string, delta: PageDelta): string {
  return from.slice(0, delta.keep[0]) + delta.text + from.slice(from.length - delta.keep[1]);
}

const isHigh = (unit: number): boolean => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;
