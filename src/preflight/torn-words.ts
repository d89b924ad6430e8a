import type { CDPSession } from 'puppeteer-core';
import type { Protocol } from 'puppeteer-core';

/** A word broken across two lines with no hyphen shown, and where. */
export interface TornWord {
  /** The whole word, its two pieces joined by "|" where the line broke. */
  readonly word: string;
  /** The title of the section it is in, or "the cover". */
  readonly section: string;
  /** Whether it is (part of) a person's name. */
  readonly name: boolean;
}

/** Letters and digits that make a word; a line break between two of them tears it. */
const wordChar = /[\p{L}\p{M}\p{N}]/u;
/**
 * Scripts whose lines break between characters or syllables by their own rules, with no hyphen:
 * Chinese and Japanese between characters, Thai and its neighbours between dictionary words,
 * Korean between syllables where a line has no space left (as Korean typesetting allows).
 */
const breaksBetweenCharacters =
  /[\p{Script=Hangul}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}\u3000-\u303f\uff00-\uffef]/u;
/** Where a line may end inside a token without a hyphen: after a hyphen, dash, slash or soft hyphen. */
const breakAfter = /[\u00AD\-\u2010\u2011\u2012\u2013\u2014/\\]/u;

const maxNamed = 12;

/** The preflight's words for torn words, a few named and the rest counted. */
export function tornWordWarnings(torn: readonly TornWord[]): string[] {
  const named = torn.slice(0, maxNamed).map((t) => `${t.name ? 'the name' : 'the word'} "${t.word}" (${t.section})`);
  if (named.length === 0) return [];
  const more = torn.length > maxNamed ? ` and ${torn.length - maxNamed} more` : '';
  return [
    `words are broken across lines without a hyphen: ${named.join(', ')}${more}; a word should break only at a hyphenation point, and a name not at all`,
  ];
}

/**
 * Words torn across lines in the laid-out page, found by measuring it: the page is laid out as
 * print at the printable width already (print/print-layout.ts, through the DevTools protocol;
 * its JavaScript stays off), each line box of each text is read, and a line that ends between
 * two letters of one word, with no soft hyphen, hyphen or slash there, is a torn word: "198/9",
 * "Bo/rn", "Papadimitri/ou". CJK and Thai text breaks between characters by its own rules,
 * except in a name, which never breaks. Text that is not shown (a one-pixel box for screen
 * readers) is not read.
 */
export async function tornWords(client: CDPSession): Promise<TornWord[]> {
  const snapshot = await client.send('DOMSnapshot.captureSnapshot', { computedStyles: [] });
  const doc = snapshot.documents[0];
  if (!doc) return [];
  const tree = new SnapshotTree(doc, snapshot.strings);
  const boxesByLayout = new Map<number, { start: number; length: number; top: number; height: number }[]>();
  doc.textBoxes.layoutIndex.forEach((layout, k) => {
    const [, top = 0, , height = 0] = doc.textBoxes.bounds[k] ?? [];
    let list = boxesByLayout.get(layout);
    if (!list) boxesByLayout.set(layout, (list = []));
    list.push({ start: doc.textBoxes.start[k]!, length: doc.textBoxes.length[k]!, top, height });
  });
  const torn: TornWord[] = [];
  const seen = new Set<string>();
  for (const [layout, boxes] of boxesByLayout) {
    const node = doc.layout.nodeIndex[layout]!;
    const text = tree.string(doc.layout.text[layout]);
    if (boxes.length < 2 || text === '' || tree.hidden(node)) continue;
    boxes.sort((a, b) => a.start - b.start);
    const name = tree.hasClass(node, ['name', 'other-name']);
    for (let i = 1; i < boxes.length; i++) {
      const [before, after] = [boxes[i - 1]!, boxes[i]!];
      // A new line: the box starts below the middle of the one before (bidi runs share a line).
      if (after.top < before.top + before.height / 2) continue;
      const at = after.start;
      const last = [...text.slice(0, at)].at(-1) ?? '';
      const next = [...text.slice(at)][0] ?? '';
      if (!wordChar.test(last) || !wordChar.test(next) || breakAfter.test(last)) continue;
      if (!name && (breaksBetweenCharacters.test(last) || breaksBetweenCharacters.test(next))) continue;
      const word = wordAround(text, at);
      const section = tree.sectionTitle(node);
      const key = `${word}\u0000${section}`;
      if (seen.has(key)) continue;
      seen.add(key);
      torn.push({ word, section, name });
    }
  }
  return torn;
}

/** The word around a line break at `at`, with "|" where it broke (soft hyphens dropped). */
function wordAround(text: string, at: number): string {
  const inWord = /[\p{L}\p{M}\p{N}\u00AD'’.-]/u;
  let from = at;
  while (from > 0 && inWord.test(text[from - 1]!)) from--;
  let to = at;
  while (to < text.length && inWord.test(text[to]!)) to++;
  const clean = (s: string): string => s.replace(/\u00AD/g, '').replace(/^[.'’-]+|[.'’-]+$/g, '');
  return `${clean(text.slice(from, at))}|${clean(text.slice(at, to))}`.slice(0, 80);
}

/** Reads the flat arrays of a DOM snapshot as a tree: parents, classes, sections, visibility. */
class SnapshotTree {
  private readonly layoutOf = new Map<number, number>();

  constructor(
    private readonly doc: Protocol.DOMSnapshot.DocumentSnapshot,
    private readonly strings: readonly string[],
  ) {
    doc.layout.nodeIndex.forEach((node, layout) => this.layoutOf.set(node, layout));
  }

  string(index: number | undefined): string {
    return index === undefined || index < 0 ? '' : (this.strings[index] ?? '');
  }

  private parent(node: number): number {
    return this.doc.nodes.parentIndex?.[node] ?? -1;
  }

  private attribute(node: number, name: string): string | undefined {
    const attrs = this.doc.nodes.attributes?.[node] ?? [];
    for (let i = 0; i + 1 < attrs.length; i += 2) if (this.string(attrs[i]) === name) return this.string(attrs[i + 1]);
    return undefined;
  }

  private tag(node: number): string {
    return this.string(this.doc.nodes.nodeName?.[node]).toLowerCase();
  }

  /** Whether the node or an ancestor carries one of `classes`. */
  hasClass(node: number, classes: readonly string[]): boolean {
    for (let n = node; n >= 0; n = this.parent(n)) {
      const own = (this.attribute(n, 'class') ?? '').split(/\s+/);
      if (classes.some((c) => own.includes(c))) return true;
    }
    return false;
  }

  /** Inside a box too small to show text (a screen-reader-only table, the hidden running text). */
  hidden(node: number): boolean {
    for (let n = this.parent(node); n >= 0; n = this.parent(n)) {
      const layout = this.layoutOf.get(n);
      if (layout === undefined) continue;
      const [, , width = 0, height = 0] = this.doc.layout.bounds[layout] ?? [];
      if (width <= 2 || height <= 2) return true;
    }
    return false;
  }

  /** The section's title: the text of its heading, named by aria-labelledby (the templates' own markup). */
  sectionTitle(node: number): string {
    for (let n = node; n >= 0; n = this.parent(n)) {
      if (this.tag(n) !== 'section') continue;
      const heading = this.attribute(n, 'aria-labelledby');
      const id = this.attribute(n, 'id') ?? '';
      const title = heading ? this.textOfId(heading) : '';
      return title ? `in "${title}"` : id ? `in #${id}` : 'in a section';
    }
    return 'outside any section';
  }

  private textOfId(id: string): string {
    const count = this.doc.nodes.parentIndex?.length ?? 0;
    let element = -1;
    for (let n = 0; n < count && element < 0; n++) if (this.attribute(n, 'id') === id) element = n;
    if (element < 0) return '';
    let text = '';
    for (let n = element + 1; n < count; n++) {
      if (!this.descends(n, element)) break;
      if (this.doc.nodes.nodeType?.[n] === 3) text += this.string(this.doc.nodes.nodeValue?.[n]);
    }
    return text
      .replace(/\u00AD/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60);
  }

  private descends(node: number, ancestor: number): boolean {
    for (let n = this.parent(node); n >= 0; n = this.parent(n)) if (n === ancestor) return true;
    return false;
  }
}
