import type { Problem } from '../errors.js';
import { arr, obj, str } from './json-source.js';
import type { JsonPath, JsonSource } from './json-source.js';
import { arxivIdIn, normaliseDoi } from './identifiers.js';
import { tooManyRecords } from './limits.js';
import { openAlexAbstract } from './openalex-abstract.js';
import { openAlexImpact } from './openalex-impact.js';
import type { ImportedImpact, ImportedName, ImportedRecord, ParsedRecords, RecordSource } from './types.js';
import { LeftOutCounter } from './left-out-counter.js';
import { problemAt } from './types.js';

/** OpenAlex work types that are not papers of their authors. */
const notPapers = new Set([
  'dataset',
  'paratext',
  'peer-review',
  'erratum',
  'grant',
  'component',
  'supplementary-materials',
  'libguides',
  'retraction',
]);

/**
 * OpenAlex JSON as its API serves it or a client saved it: a `{ meta, results }` page, a plain
 * array of results (what pyalex and diophila write), or a single work (`https://openalex.org/W…`)
 * or author (`…/A…`). Works give papers, with the authors in order. Their venue is the primary
 * location's source, or in records saved before 2023 the `host_venue`; a work with neither has no
 * venue. An author gives the institutions OpenAlex saw on their works: roles with the years it
 * saw them, or its last known institution, undated (no job title: OpenAlex does not know it),
 * and the author's research footprint (citations, h-index, citations per year).
 */
export function parseOpenAlex(json: JsonSource, fallback: RecordSource): ParsedRecords {
  const root = json.value;
  const page = obj(root);
  const list = Array.isArray(root) ? root : Array.isArray(page?.['results']) ? (page['results'] as unknown[]) : [root];
  const pathOf = (index: number): JsonPath =>
    Array.isArray(root) ? [index] : Array.isArray(page?.['results']) ? ['results', index] : [];
  const tooMany = tooManyRecords('paper', list.length);
  if (tooMany)
    return {
      file: json.file,
      format: 'openalex',
      source: fallback,
      records: [],
      problems: [problemAt(json.file, undefined, tooMany)],
    };
  const records: ImportedRecord[] = [];
  const problems: Problem[] = [];
  const leftOut = new LeftOutCounter(json.file);
  let person: { name?: string } = {};
  let source = fallback;
  let impact: ImportedImpact | undefined;
  list.forEach((raw, index) => {
    const path = pathOf(index);
    const item = obj(raw);
    const id = str(item?.['id']) ?? '';
    if (!item) problems.push(problemAt(json.file, json.locate(path), `result ${index + 1} is not an object`));
    else if (/openalex\.org\/W/i.test(id) || Array.isArray(item['authorships'])) {
      const type = str(item['type']);
      if (item['is_paratext'] === true || (type && notPapers.has(type)))
        leftOut.add(`OpenAlex works of type ${type ?? 'paratext'}`, 'they are not papers');
      else records.push(openAlexWork(item, json, path));
    } else if (
      /openalex\.org\/A/i.test(id) ||
      item['affiliations'] !== undefined ||
      item['last_known_institution'] !== undefined
    ) {
      records.push(...openAlexInstitutions(item, json, path));
      const counted = item['cited_by_count'] !== undefined || item['counts_by_year'] !== undefined;
      // A footprint is one person's: a page of several authors' records gives none of them.
      if (counted && list.length > 1)
        leftOut.add(
          'OpenAlex citation counts and works counts',
          "the page holds several authors, and a profile's footprint is one person's",
        );
      else if (counted) {
        const read = openAlexImpact(item, json, path);
        impact = read.impact;
        problems.push(
          ...read.faults.map((f) =>
            problemAt(json.file, json.locate(f.at), `the author's citation counts are not imported: ${f.message}`),
          ),
        );
      }
      const name = str(item['display_name']);
      if (name && list.length === 1) {
        person = { name };
        source = { title: `OpenAlex author ${name}`, publisher: 'OpenAlex', url: id.replace(/^http:/, 'https:') };
      }
    } else
      problems.push(
        problemAt(
          json.file,
          json.locate(path),
          `result ${index + 1} is neither an OpenAlex work (W…) nor an author (A…)`,
        ),
      );
  });
  return {
    file: json.file,
    format: 'openalex',
    source,
    person,
    records,
    problems,
    leftOut: leftOut.list(),
    ...(impact ? { impact } : {}),
  };
}

function openAlexWork(w: Record<string, unknown>, json: JsonSource, path: JsonPath): ImportedRecord {
  const title = str(w['title']) ?? str(w['display_name']);
  const primary = obj(w['primary_location']);
  const host = obj(w['host_venue']);
  const venue = str(obj(primary?.['source'])?.['display_name']) ?? str(host?.['display_name']);
  const doi = normaliseDoi(str(w['doi']) ?? str(obj(w['ids'])?.['doi']));
  const arxiv =
    (doi && /^10\.48550\//.test(doi) ? arxivIdIn(doi) : undefined) ?? arxivLocations(w).map(arxivIdIn).find(Boolean);
  const authors: ImportedName[] = arr(w['authorships']).flatMap((a) => {
    const name = str(obj(obj(a)?.['author'])?.['display_name']) ?? str(obj(a)?.['raw_author_name']);
    return name ? [{ literal: name }] : [];
  });
  const year = str(w['publication_year']);
  const abstract = openAlexAbstract(w['abstract_inverted_index']);
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

/** The addresses of a work on arXiv: locations (or, before 2023, host venues) that arXiv hosts. */
function arxivLocations(w: Record<string, unknown>): string[] {
  const locations = [obj(w['primary_location']), ...arr(w['locations']).map(obj)].filter((l) => l !== undefined);
  const hosts = [obj(w['host_venue']), ...arr(w['alternate_host_venues']).map(obj)].filter((h) => h !== undefined);
  return [
    ...locations
      .filter(
        (l) =>
          /arxiv/i.test(str(obj(l['source'])?.['display_name']) ?? '') ||
          /arxiv\.org/i.test(str(l['landing_page_url']) ?? ''),
      )
      .map((l) => str(l['landing_page_url']) ?? ''),
    ...hosts.filter((h) => /arxiv/i.test(str(h['display_name']) ?? '')).map((h) => str(h['url']) ?? ''),
  ].filter((u) => /arxiv\.org/i.test(u));
}

function openAlexInstitutions(a: Record<string, unknown>, json: JsonSource, path: JsonPath): ImportedRecord[] {
  const affiliations = arr(a['affiliations']).flatMap((raw, i) => {
    const affiliation = obj(raw);
    const organisation = str(obj(affiliation?.['institution'])?.['display_name']);
    const years = arr(affiliation?.['years'])
      .filter((y): y is number => typeof y === 'number' && Number.isInteger(y))
      .sort((x, y) => x - y);
    if (!affiliation) return [];
    return [
      {
        kind: 'role' as const,
        entry: `affiliation \`${organisation ?? `#${i + 1}`}\``,
        at: json.locate([...path, 'affiliations', i]),
        ...(organisation ? { organisation } : {}),
        ...(years.length > 0 ? { start: String(years[0]), end: String(years[years.length - 1]) } : {}),
        note: "Affiliation given on the author's works, as OpenAlex lists it.",
      },
    ];
  });
  if (affiliations.length > 0) return affiliations;
  // Records saved before 2023 give only the latest institution (later ones a list of them), with no dates.
  const last = [obj(a['last_known_institution']), ...arr(a['last_known_institutions']).map(obj)].filter(
    (i) => i !== undefined,
  );
  return last.slice(0, 1).map((institution) => {
    const organisation = str(institution['display_name']);
    const key = a['last_known_institution'] !== undefined ? 'last_known_institution' : 'last_known_institutions';
    return {
      kind: 'role' as const,
      entry: `last known institution \`${organisation ?? '?'}\``,
      at: json.locate([...path, key]),
      ...(organisation ? { organisation } : {}),
      note: `The last institution OpenAlex saw on the author's works${str(a['updated_date']) ? `, as of ${str(a['updated_date'])!.slice(0, 10)}` : ''}; OpenAlex gives no dates.`,
    };
  });
}
