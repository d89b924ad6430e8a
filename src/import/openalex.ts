import type { Problem } from '../errors.js';
import { arr, obj, str } from './json-source.js';
import type { JsonPath, JsonSource } from './json-source.js';
import { arxivIdIn, normaliseDoi } from './identifiers.js';
import type { ImportedName, ImportedRecord, ParsedRecords, RecordSource } from './types.js';
import { problemAt } from './types.js';

/**
 * OpenAlex JSON as its API serves it: a `{ meta, results }` page of works or authors, or a
 * single work (`https://openalex.org/W…`) or author (`…/A…`). Works give papers, with the
 * authors in order; an author gives its affiliations, which become roles with the years
 * OpenAlex saw them (no job title: OpenAlex does not know it).
 */
export function parseOpenAlex(json: JsonSource, fallback: RecordSource): ParsedRecords {
  const root = obj(json.value) ?? {};
  const list = Array.isArray(root['results']) ? root['results'] : [root];
  const listPath: JsonPath = Array.isArray(root['results']) ? ['results'] : [];
  const records: ImportedRecord[] = [];
  const problems: Problem[] = [];
  let person: { name?: string } = {};
  let source = fallback;
  list.forEach((raw, index) => {
    const path = Array.isArray(root['results']) ? [...listPath, index] : [];
    const item = obj(raw);
    const id = str(item?.['id']) ?? '';
    if (!item) problems.push(problemAt(json.file, json.locate(path), `result ${index + 1} is not an object`));
    else if (/openalex\.org\/W/i.test(id) || Array.isArray(item['authorships'])) records.push(openAlexWork(item, json, path));
    else if (/openalex\.org\/A/i.test(id) || item['affiliations'] !== undefined) {
      records.push(...openAlexAffiliations(item, json, path));
      const name = str(item['display_name']);
      if (name && list.length === 1) {
        person = { name };
        source = { title: `OpenAlex author ${name}`, publisher: 'OpenAlex', url: id.replace(/^http:/, 'https:') };
      }
    } else problems.push(problemAt(json.file, json.locate(path), `result ${index + 1} is neither an OpenAlex work (W…) nor an author (A…)`));
  });
  return { file: json.file, format: 'openalex', source, person, records, problems };
}

function openAlexWork(w: Record<string, unknown>, json: JsonSource, path: JsonPath): ImportedRecord {
  const title = str(w['title']) ?? str(w['display_name']);
  const primary = obj(w['primary_location']);
  const venue = str(obj(primary?.['source'])?.['display_name']);
  const doi = normaliseDoi(str(w['doi']) ?? str(obj(w['ids'])?.['doi']));
  const landing = [primary, ...arr(w['locations']).map(obj)].map((l) => str(l?.['landing_page_url']) ?? '');
  const arxiv = (doi && /^10\.48550\//.test(doi) ? arxivIdIn(doi) : undefined) ?? landing.filter((u) => /arxiv\.org/i.test(u)).map(arxivIdIn).find(Boolean);
  const authors: ImportedName[] = arr(w['authorships']).flatMap((a) => {
    const name = str(obj(obj(a)?.['author'])?.['display_name']) ?? str(obj(a)?.['raw_author_name']);
    return name ? [{ literal: name }] : [];
  });
  const year = str(w['publication_year']);
  const abstract = abstractOf(w['abstract_inverted_index']);
  return {
    kind: 'paper',
    entry: `work \`${title ?? str(w['id']) ?? '?'}\``,
    at: json.locate(path),
    ...(title ? { title } : {}),
    ...(year ? { year } : {}),
    ...(venue ? { venue } : {}),
    authors,
    ...(arxiv ? { arxiv } : {}),
    ...(doi ? { doi } : {}),
    ...(str(w['id']) ? { url: str(w['id'])!.replace(/^http:/, 'https:') } : {}),
    ...(abstract ? { abstract } : {}),
  };
}

function openAlexAffiliations(a: Record<string, unknown>, json: JsonSource, path: JsonPath): ImportedRecord[] {
  return arr(a['affiliations']).flatMap((raw, i) => {
    const affiliation = obj(raw);
    const organisation = str(obj(affiliation?.['institution'])?.['display_name']);
    const years = arr(affiliation?.['years']).filter((y): y is number => typeof y === 'number' && Number.isInteger(y)).sort((x, y) => x - y);
    if (!affiliation) return [];
    return [
      {
        kind: 'role' as const,
        entry: `affiliation \`${organisation ?? `#${i + 1}`}\``,
        at: json.locate([...path, 'affiliations', i]),
        ...(organisation ? { organisation } : {}),
        ...(years.length > 0 ? { start: String(years[0]), end: String(years[years.length - 1]) } : {}),
        note: 'Affiliation given on the author\'s works, as OpenAlex lists it.',
      },
    ];
  });
}

/** OpenAlex ships abstracts as an inverted index (word to positions); this puts the words back. */
function abstractOf(index: unknown): string | undefined {
  const map = obj(index);
  if (!map) return undefined;
  const words: string[] = [];
  for (const [word, positions] of Object.entries(map)) {
    for (const p of arr(positions)) if (typeof p === 'number' && Number.isInteger(p) && p >= 0 && p < 100_000) words[p] = word;
  }
  const text = words.filter((w) => w !== undefined).join(' ');
  return text || undefined;
}
