import { arr, obj, str } from './json-source.js';
import type { JsonSource } from './json-source.js';
import { arxivIdIn, normaliseDoi } from './identifiers.js';
import { tooManyRecords } from './limits.js';
import type { EntryLocation, ImportedName, ImportedPaper, ParsedRecords, RecordSource } from './types.js';
import { problemAt } from './types.js';

/** One CSL-JSON item: only the fields the import reads are named. */
export interface CslItem {
  readonly id?: unknown;
  readonly 'citation-key'?: unknown;
  readonly [field: string]: unknown;
}

/**
 * CSL-JSON (Zotero, citation-js, Pandoc, arXiv's export): a list of items, or one item.
 * Titles may carry CSL's few HTML-like tags (<i>, <b>, <sup>, <sub>, <span class="nocase">);
 * those tags are dropped, and every other character is kept as text for the renderer to
 * escape, so a `<script>` in a title stays a visible `<script>`.
 */
export function parseCslJson(json: JsonSource, source: RecordSource): ParsedRecords {
  const value = json.value;
  const list = Array.isArray(value) ? value : obj(value) ? [value] : undefined;
  if (!list) {
    return {
      file: json.file,
      format: 'csl-json',
      source,
      records: [],
      problems: [problemAt(json.file, json.locate([]), 'expected CSL-JSON: a list of items, or one item')],
    };
  }
  const tooMany = tooManyRecords('paper', list.length);
  if (tooMany)
    return {
      file: json.file,
      format: 'csl-json',
      source,
      records: [],
      problems: [problemAt(json.file, undefined, tooMany)],
    };
  const records: ImportedPaper[] = [];
  const problems = [];
  for (const [index, raw] of list.entries()) {
    const path = Array.isArray(value) ? [index] : [];
    const item = obj(raw);
    if (!item) {
      problems.push(problemAt(json.file, json.locate(path), `item ${index + 1} is not an object`));
      continue;
    }
    const name =
      str(item['citation-key']) ?? str(item['id']) ?? str(item['title'])?.slice(0, 60) ?? `item ${index + 1}`;
    records.push(cslRecord(item, `item \`${name}\``, json.locate(path)));
  }
  return { file: json.file, format: 'csl-json', source, records, problems };
}

export function cslRecord(item: CslItem, entry: string, at: EntryLocation): ImportedPaper {
  const title = cslText(item['title']);
  const container =
    cslText(item['container-title']) ?? cslText(item['event-title']) ?? cslText(item['collection-title']);
  const publisher = cslText(item['publisher']);
  const genre = cslText(item['genre']) ?? '';
  const url = str(item['URL']);
  const ids = paperIds(normaliseDoi(str(item['DOI'])), url);
  const arxiv =
    ids.arxiv ??
    (/arxiv/i.test(str(item['archive']) ?? '') ? arxivIdIn(str(item['number'])) : undefined) ??
    (/arxiv/i.test(container ?? '') ? arxivIdIn(container) : undefined);
  const venue = container ?? (/arxiv/i.test(publisher ?? '') || /preprint/i.test(genre) ? 'arXiv' : publisher);
  const year = issuedYear(item['issued']);
  const authors = names(item['author']);
  const editors = names(item['editor']);
  return {
    kind: 'paper',
    entry,
    at,
    ...(title ? { title } : {}),
    ...(year ? { year } : {}),
    ...(venue ? { venue } : {}),
    ...(Array.isArray(item['author']) ? { authors } : {}),
    ...(editors.length > 0 ? { editors } : {}),
    ...(arxiv ? { arxiv } : {}),
    ...(ids.doi ? { doi: ids.doi } : {}),
    ...(url ? { url } : {}),
    ...(ids.notes.length > 0 ? { notes: ids.notes } : {}),
    ...(cslText(item['abstract']) ? { abstract: cslText(item['abstract'])! } : {}),
    ...(cslText(item['title-short']) ? { shortName: cslText(item['title-short'])! } : {}),
  };
}

/**
 * The DOI and arXiv id of an entry, checked against each other: an arXiv DOI
 * (10.48550/arXiv.2309.02553) that names another paper than the entry's arXiv address was
 * copied from another entry (personal pages often reuse one for every preprint). The address is
 * the paper itself, so it wins; the DOI is left out, and the reader is told.
 */
function paperIds(doi: string | undefined, url: string | undefined): { doi?: string; arxiv?: string; notes: string[] } {
  const fromDoi = doi && /^10\.48550\//.test(doi) ? arxivIdIn(doi) : undefined;
  const fromUrl = url && /arxiv\.org/i.test(url) ? arxivIdIn(url) : undefined;
  if (fromDoi && fromUrl && fromDoi !== fromUrl) {
    return {
      arxiv: fromUrl,
      notes: [
        `its DOI ${doi} names arXiv ${fromDoi}, but its address names arXiv ${fromUrl}: kept the address's, and left the DOI out`,
      ],
    };
  }
  const arxiv = fromUrl ?? fromDoi;
  return { ...(doi ? { doi } : {}), ...(arxiv ? { arxiv } : {}), notes: [] };
}

function names(list: unknown): ImportedName[] {
  return arr(list)
    .map(cslName)
    .filter((n): n is ImportedName => n !== undefined);
}

/** `issued` is `{ "date-parts": [[2022, 7]] }`, or `{ "raw": "2022-07" }`, or `{ "literal": … }`. */
function issuedYear(issued: unknown): string | undefined {
  const date = obj(issued);
  if (!date) return str(issued);
  const parts = arr(arr(date['date-parts'])[0]);
  if (parts.length > 0)
    return parts
      .map((p) => String(p))
      .map((p, i) => (i === 0 ? p : p.padStart(2, '0')))
      .join('-');
  return str(date['raw']) ?? str(date['literal']);
}

function cslName(value: unknown): ImportedName | undefined {
  const name = obj(value);
  if (!name) return undefined;
  const literal = cslText(name['literal']);
  if (literal) return { literal };
  // BibTeX's `and others` is the rest of a cut author list.
  if (cslText(name['family']) === 'others' && !cslText(name['given'])) return { literal: 'et al.' };
  const given = cslText(name['given']);
  const particle = [cslText(name['dropping-particle']), cslText(name['non-dropping-particle'])]
    .filter(Boolean)
    .join(' ');
  const family = [particle, cslText(name['family'])].filter(Boolean).join(' ');
  if (!given && !family) return undefined;
  return { ...(given ? { given } : {}), ...(family ? { family } : {}) };
}

const cslMarkup = /<\/?(?:i|b|sup|sub|span(?: class="nocase"| style="font-variant:\s*small-caps;?")?)>/g;

/** Text from a CSL field: rich-text tags removed, space collapsed. Lists (container-title) give their first. */
function cslText(value: unknown): string | undefined {
  const first: unknown = Array.isArray(value) ? value[0] : value;
  const text = str(first);
  return text?.replace(cslMarkup, '').replace(/\s+/g, ' ').trim().normalize('NFC') || undefined;
}
