import { arr, obj, str } from './json-source.js';
import type { JsonPath, JsonSource } from './json-source.js';
import type { ImportedRecord, ParsedRecords, RecordSource } from './types.js';

/**
 * A JSON Resume (jsonresume.org): `basics` (name and label), `work`, `education` and
 * `publications`. Its dates are ISO 8601, often partial. Its publications carry no author
 * list, so their authorship cannot be read from the file.
 */
export function parseJsonResume(json: JsonSource, source: RecordSource): ParsedRecords {
  const root = obj(json.value) ?? {};
  const basics = obj(root['basics']);
  const records: ImportedRecord[] = [];
  const each = (key: string, map: (item: Record<string, unknown>, path: JsonPath) => ImportedRecord): void => {
    arr(root[key]).forEach((raw, i) => {
      const item = obj(raw);
      if (item) records.push(map(item, [key, i]));
    });
  };
  each('work', (w, path) => {
    // `name` in schema 1.0; `company` in the older drafts many resumes still use.
    const organisation = str(w['name']) ?? str(w['company']);
    const title = str(w['position']);
    const note = str(w['summary']);
    return {
      kind: 'role',
      entry: `work \`${[title, organisation].filter(Boolean).join(', ') || `#${path[1] as number + 1}`}\``,
      at: json.locate(path),
      ...(organisation ? { organisation } : {}),
      ...(title ? { title } : {}),
      // In JSON Resume a job with no endDate is the current one.
      ...dates(w, 'present'),
      ...(note ? { note } : {}),
    };
  });
  each('education', (e, path) => {
    const institution = str(e['institution']);
    const degree = str(e['studyType']);
    const field = str(e['area']);
    return {
      kind: 'degree',
      entry: `education \`${[degree, institution].filter(Boolean).join(', ') || `#${path[1] as number + 1}`}\``,
      at: json.locate(path),
      ...(institution ? { institution } : {}),
      ...(degree ? { degree } : {}),
      ...(field ? { field } : {}),
      ...dates(e),
    };
  });
  each('publications', (p, path) => {
    const title = str(p['name']);
    const venue = str(p['publisher']);
    const year = str(p['releaseDate']);
    const url = str(p['url']);
    const summary = str(p['summary']);
    return {
      kind: 'paper',
      entry: `publication \`${title ?? `#${path[1] as number + 1}`}\``,
      at: json.locate(path),
      ...(title ? { title } : {}),
      ...(year ? { year } : {}),
      ...(venue ? { venue } : {}),
      ...(url ? { url } : {}),
      ...(summary ? { abstract: summary } : {}),
    };
  });
  const name = str(basics?.['name']);
  const headline = str(basics?.['label']);
  return {
    file: json.file,
    format: 'json-resume',
    source,
    person: { ...(name ? { name } : {}), ...(headline ? { headline } : {}) },
    records,
    problems: [],
  };
}

function dates(item: Record<string, unknown>, ongoing?: 'present'): { start?: string; end?: string } {
  const start = str(item['startDate']);
  const end = str(item['endDate']) ?? (start && ongoing ? ongoing : undefined);
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}
