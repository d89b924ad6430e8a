/** A heading of the printed page, as the bookmarks should name it. */
export interface Heading {
  /** Its text: the heading's text content, spaces collapsed, in logical order. */
  readonly text: string;
  /** 1 to 6, from h1 to h6. */
  readonly level: number;
}

/** Beyond this many bookmarks × headings the pairing goes by order alone (a report has a few hundred headings). */
const maxCells = 4_000_000;

/**
 * Which bookmark belongs to which heading. Chromium makes one bookmark per heading it laid out,
 * in order, titled from the painted text: spaces lost where a heading wraps, a heading split by
 * a page break repeated ("TimelineTimeline"), right-to-left runs in visual order and in
 * presentation forms. So a bookmark belongs to a heading when its title holds every letter of
 * the heading (after NFKC, ignoring spaces and direction marks), and the pairing is the longest
 * run of such pairs in order (a heading Chromium skipped, or a bookmark of its own, is left
 * unpaired rather than shifting every title after it).
 * Returns the heading index of each bookmark, or -1.
 */
export function pairBookmarks(titles: readonly string[], headings: readonly Heading[]): number[] {
  const pairs = titles.map(() => -1);
  if (titles.length * headings.length > maxCells) {
    titles.forEach((title, i) => {
      if (i < headings.length && holds(title, headings[i]!.text)) pairs[i] = i;
    });
    return pairs;
  }
  const [n, m] = [titles.length, headings.length];
  const letters = headings.map((h) => counts(h.text));
  const titleLetters = titles.map(counts);
  const fits = (i: number, j: number): boolean => contains(titleLetters[i]!, letters[j]!);
  // Longest common subsequence under `fits`, from the end, so the walk below goes forwards.
  const best = new Uint32Array((n + 1) * (m + 1));
  const at = (i: number, j: number): number => i * (m + 1) + j;
  const match = new Uint8Array(n * m);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const ok = fits(i, j);
      match[i * m + j] = ok ? 1 : 0;
      best[at(i, j)] = Math.max(ok ? best[at(i + 1, j + 1)]! + 1 : 0, best[at(i + 1, j)]!, best[at(i, j + 1)]!);
    }
  }
  for (let i = 0, j = 0; i < n && j < m;) {
    if (match[i * m + j] && best[at(i, j)] === best[at(i + 1, j + 1)]! + 1) pairs[i++] = j++;
    else if (best[at(i + 1, j)] === best[at(i, j)]) i++;
    else j++;
  }
  return pairs;
}

/** Whether a bookmark title holds every letter of a heading (see pairBookmarks). */
function holds(title: string, heading: string): boolean {
  return contains(counts(title), counts(heading));
}

/** Text as compared: NFKC (Arabic presentation forms to letters), no spaces, no direction controls. */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '')
    .toLowerCase();
}

function counts(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const c of comparable(text)) map.set(c, (map.get(c) ?? 0) + 1);
  return map;
}

function contains(whole: Map<string, number>, part: Map<string, number>): boolean {
  if (part.size === 0) return whole.size === 0;
  for (const [c, n] of part) if ((whole.get(c) ?? 0) < n) return false;
  return true;
}
