import { distance } from 'fastest-levenshtein';
import { slug } from '../derive/format.js';
import { normaliseDoi, normaliseTitle } from './identifiers.js';

/** What identifies a paper: the fields a profile entry and an imported draft share. */
export interface PaperIdentity {
  readonly title: string;
  readonly year: number;
  readonly arxiv?: string | undefined;
  readonly url?: string | undefined;
}

/** The short form of a BibTeX key that a paper's id is made from, and matched by. */
export function idStem(base: string): string {
  return slug(base.split(/\s+/).slice(0, 6).join(' '), 'paper').slice(0, 56).replace(/-+$/, '') || 'paper';
}

/**
 * The keys under which one paper is known: its DOI, its arXiv id, its normalised title (a long
 * title alone is enough: the same title in another year is the same paper with a disputed year),
 * and the key it was imported under with its year (`recsi2024` then is the paper `recsi2024`).
 */
export function paperKeys(
  p: PaperIdentity,
  options: { doi?: string | undefined; id?: string | undefined } = {},
): string[] {
  const keys: string[] = [];
  const doi = options.doi ?? (p.url && /doi\.org\//.test(p.url) ? normaliseDoi(p.url) : undefined);
  if (doi) keys.push(`doi:${doi}`);
  if (p.arxiv) keys.push(`arxiv:${p.arxiv.replace(/v\d+$/, '')}`);
  if (options.id) keys.push(`id:${options.id}|${p.year}`);
  // The title last: the weakest key, tried when no identifier matched.
  const title = normaliseTitle(p.title);
  keys.push(title.length >= 20 ? `title:${title}` : `title:${title}|${p.year}`);
  return keys;
}

/**
 * Papers found by any of their keys in constant time; by a title cut short (OpenAlex keeps "Riding
 * the crest of the" beside the whole title) among the few papers of the same year that begin with
 * the same four words; and, for the papers of a profile (at most 500), by a nearly equal title (a
 * typo fixed) among the papers of the same year. An import stays linear in its size.
 */
export class PaperIndex<T> {
  private readonly byKey = new Map<string, T>();
  private readonly byYear = new Map<number, { title: string; item: T }[]>();
  private readonly byOpening = new Map<string, { title: string; item: T }[]>();

  add(item: T, identity: PaperIdentity, keys: readonly string[]): void {
    for (const key of keys) if (!this.byKey.has(key)) this.byKey.set(key, item);
    const title = normaliseTitle(identity.title);
    push(this.byYear, identity.year, { title, item });
    const opening = openingOf(title, identity.year);
    if (opening) push(this.byOpening, opening, { title, item });
  }

  /** The first paper one of `keys` names (strongest key first) that `accept` takes, if any. */
  find(keys: readonly string[], accept: (item: T) => boolean = () => true): T | undefined {
    for (const key of keys) {
      const found = this.byKey.get(key);
      if (found !== undefined && accept(found)) return found;
    }
    return undefined;
  }

  /** A paper of the same year whose title is this one cut short, or this one is it cut short. */
  cutShort(identity: PaperIdentity): T | undefined {
    const title = normaliseTitle(identity.title);
    const opening = openingOf(title, identity.year);
    if (!opening) return undefined;
    return this.byOpening.get(opening)?.find((other) => cutShort(title, other.title))?.item;
  }

  /** A paper of the same year whose title differs only by a few letters, or was cut short. */
  similar(identity: PaperIdentity): T | undefined {
    const title = normaliseTitle(identity.title);
    if (title.length < 20) return undefined;
    for (const other of this.byYear.get(identity.year) ?? [])
      if (nearlySameTitle(title, other.title)) return other.item;
    return this.cutShort(identity);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The year and first four words of a title long enough to be cut short and still be known. */
function openingOf(title: string, year: number): string | undefined {
  const words = title.split(' ');
  return title.length >= 20 && words.length >= 4 ? `${year}|${words.slice(0, 4).join(' ')}` : undefined;
}

/** "Riding the crest of the" is "Riding the crest of the altmetrics wave" cut short. */
function cutShort(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short !== long && short.length >= 20 && long.startsWith(`${short} `);
}

/** Two records of one paper: nearly the same title, or one title the other's beginning (a subtitle left off). */
export function sameWork(a: string, b: string): boolean {
  const na = normaliseTitle(a);
  const nb = normaliseTitle(b);
  const [short, long] = na.length <= nb.length ? [na, nb] : [nb, na];
  return nearlySameTitle(na, nb) || (short.length > 0 && long.startsWith(short));
}

/**
 * Two normalised titles that say the same with a few letters changed: at most one edit in ten
 * characters. Numbers must agree, so "Part 1" and "Part 2" stay two papers.
 */
export function nearlySameTitle(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.min(a.length, b.length) < 20) return false;
  const budget = Math.max(1, Math.floor(Math.max(a.length, b.length) / 10));
  if (Math.abs(a.length - b.length) > budget) return false;
  const numbers = (t: string): string => (t.match(/\b(?:\d+|[ivx]+)\b/g) ?? []).join(' ');
  if (numbers(a) !== numbers(b)) return false;
  return distance(a, b) <= budget;
}

/**
 * A conference paper and its journal version share a title but are two publications, each with
 * its own DOI (dblp lists both). Two different publishers' DOIs keep two papers apart, whatever
 * the titles say; an arXiv DOI is the preprint of either and does not count.
 */
export function twoPublications(a: readonly string[], b: readonly string[]): boolean {
  const published = (keys: readonly string[]): string | undefined =>
    keys.find((k) => k.startsWith('doi:') && !k.startsWith('doi:10.48550/'));
  const da = published(a);
  const db = published(b);
  return da !== undefined && db !== undefined && da !== db;
}
