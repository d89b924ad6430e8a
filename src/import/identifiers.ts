import { foldText } from '../derive/fold-text.js';

/**
 * arXiv ids and DOIs hide in many fields: `eprint`, arXiv URLs, arXiv's own DOIs
 * (10.48550/arXiv.2111.08276), DBLP's `volume = {abs/2111.08276}` and Google Scholar's
 * `journal = {arXiv preprint arXiv:2111.08276}`. These helpers find them wherever they are, so
 * the same paper from two exports gets the same keys for duplicate detection.
 */

const modernId = /(\d{4}\.\d{4,5})(v\d+)?/;
const oldId = /([a-z-]+(?:\.[A-Z]{2})?\/\d{7})(v\d+)?/;

/** The arXiv id in `text`, without its version, or undefined. */
export function arxivIdIn(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim();
  const patterns = [
    /arxiv\.org\/(?:abs|pdf)\/([^\s?#]+?)(?:\.pdf)?(?:[?#]|$)/i,
    /10\.48550\/arxiv\.(\S+)/i,
    /arxiv:\s*(\S+)/i,
    /^abs\/(\S+)$/i,
    /^(\S+)$/,
  ];
  for (const pattern of patterns) {
    const m = pattern.exec(t);
    if (!m?.[1]) continue;
    const id = bareArxivId(m[1]);
    if (id) return id;
  }
  return undefined;
}

function bareArxivId(text: string): string | undefined {
  const modern = new RegExp(`^${modernId.source}$`).exec(text);
  if (modern) return modern[1];
  const old = new RegExp(`^${oldId.source}$`).exec(text);
  return old?.[1];
}

/** A DOI in its bare, lower-case form (DOIs are case-insensitive), from a DOI or a doi.org URL. */
export function normaliseDoi(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const m = /(10\.\d{4,9}\/\S+)/.exec(text.trim());
  return m?.[1] ? m[1].replace(/[.,;]+$/, '').toLowerCase() : undefined;
}

/** https only: the schema refuses anything else, and an http link is upgraded where that is the same address. */
export function httpsUrlOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const t = text.trim();
  const upgraded = /^http:\/\/(arxiv\.org|doi\.org|dx\.doi\.org|openalex\.org|orcid\.org)\//i.test(t)
    ? `https://${t.slice('http://'.length)}`
    : t;
  try {
    const url = new URL(upgraded);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && upgraded.length <= 2000
      ? url.href
      : undefined;
  } catch {
    return undefined;
  }
}

/** Titles compared for duplicates: case, accents, punctuation and spacing do not count. */
export const normaliseTitle = foldText;
