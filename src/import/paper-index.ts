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
export function paperKeys(p: PaperIdentity, options: { doi?: string | undefined; id?: string | undefined } = {}): string[] {
  const title = normaliseTitle(p.title);
  const keys = [title.length >= 20 ? `title:${title}` : `title:${title}|${p.year}`];
  if (p.arxiv) keys.push(`arxiv:${p.arxiv.replace(/v\d+$/, '')}`);
  const doi = options.doi ?? (p.url && /doi\.org\//.test(p.url) ? normaliseDoi(p.url) : undefined);
  if (doi) keys.push(`doi:${doi}`);
  if (options.id) keys.push(`id:${options.id}|${p.year}`);
  return keys;
}

/**
 * Papers found by any of their keys in constant time, and by a nearly equal title (a typo fixed,
 * a word changed) among the papers of the same year only, so an import stays linear in its size.
 */
export class PaperIndex<T> {
  private readonly byKey = new Map<string, T>();
  private readonly byYear = new Map<number, { title: string; item: T }[]>();

  add(item: T, identity: PaperIdentity, keys: readonly string[]): void {
    for (const key of keys) if (!this.byKey.has(key)) this.byKey.set(key, item);
    const title = normaliseTitle(identity.title);
    const year = this.byYear.get(identity.year) ?? [];
    year.push({ title, item });
    this.byYear.set(identity.year, year);
  }

  /** The paper one of `keys` names, if any. */
  find(keys: readonly string[]): T | undefined {
    for (const key of keys) {
      const found = this.byKey.get(key);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  /** A paper of the same year whose title differs only by a few letters. */
  similar(identity: PaperIdentity): T | undefined {
    const title = normaliseTitle(identity.title);
    if (title.length < 20) return undefined;
    for (const other of this.byYear.get(identity.year) ?? []) if (nearlySameTitle(title, other.title)) return other.item;
    return undefined;
  }
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
