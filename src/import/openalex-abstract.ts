import { arr, obj } from './json-source.js';

/**
 * OpenAlex ships abstracts as an inverted index (word to positions); this puts the words back.
 * Some indexes are partial: a few words keep their places and the rest are missing (publishers
 * let OpenAlex show only part of an abstract). Joining what is there would print "growing
 * interest in in in in"; only the run of words from the start with no gap is text, and of that
 * only the complete sentences.
 */
export function openAlexAbstract(index: unknown): string | undefined {
  const map = obj(index);
  if (!map) return undefined;
  const words: string[] = [];
  for (const [word, positions] of Object.entries(map)) {
    for (const p of arr(positions))
      if (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p < 100_000) words[p] = word;
  }
  let run = 0;
  while (run < words.length && words[run] !== undefined) run++;
  const text = words.slice(0, run).join(' ');
  if (run === words.length) return text || undefined;
  const sentences = /^.*[.!?](?=\s|$)/s.exec(text)?.[0];
  return sentences || undefined;
}
