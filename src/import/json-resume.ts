import { arr, obj, str } from './json-source.js';
import type { JsonPath, JsonSource } from './json-source.js';
import { LeftOutCounter } from './left-out-counter.js';
import type { ImportedRecord, ParsedRecords, RecordSource } from './types.js';

/** Sections of a résumé the profile has no place for. */
const noPlace: Record<string, string> = {
  volunteer: 'the profile has no place for volunteer work',
  projects: 'the profile has no place for projects (models and products need their metrics)',
  skills: 'the profile has no place for skills',
  languages: 'the profile has no place for spoken languages',
  interests: 'the profile has no place for interests',
  references: 'the profile has no place for references',
  certificates: 'the profile has no place for certificates',
};

/**
 * A JSON Resume (jsonresume.org): `basics` (name and label), `work`, `education`, `awards` (as
 * highlights) and `publications`. Its dates are ISO 8601, often partial; résumé editors store a
 * month as its first day (`2013-12-01`), so a date on the 1st is read as the month it stands
 * for. Its publications carry no author list, so their authorship cannot be read from the file.
 * Everything else (volunteer work, projects, skills, a job's highlights, courses…) is named in
 * the summary as left out; an education with no degree is left out and named, not an error.
 */
export function parseJsonResume(json: JsonSource, source: RecordSource): ParsedRecords {
  const root = obj(json.value) ?? {};
  const basics = obj(root['basics']);
  const records: ImportedRecord[] = [];
  const leftOut = new LeftOutCounter(json.file);
  const each = (
    key: string,
    map: (item: Record<string, unknown>, path: JsonPath) => ImportedRecord | undefined,
  ): void => {
    arr(root[key]).forEach((raw, i) => {
      const item = obj(raw);
      const record = item ? map(item, [key, i]) : undefined;
      if (record) records.push(record);
    });
  };
  each('work', (w, path) => workRecord(w, path, json, leftOut));
  each('education', (e, path) => degreeRecord(e, path, json, leftOut));
  each('awards', (a, path) => {
    const title = str(a['title']);
    const awarder = str(a['awarder']);
    const year = str(a['date'])?.slice(0, 4);
    const text = [title, awarder].filter(Boolean).join(', ');
    return {
      kind: 'highlight',
      entry: `award \`${title ?? `#${(path[1] as number) + 1}`}\``,
      at: json.locate(path),
      ...(text ? { text: `${text}${year && /^\d{4}$/.test(year) ? ` (${year})` : ''}` } : {}),
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
      entry: `publication \`${title ?? `#${(path[1] as number) + 1}`}\``,
      at: json.locate(path),
      ownList: true,
      ...(title ? { title } : {}),
      ...(year ? { year } : {}),
      ...(venue ? { venue } : {}),
      ...(url ? { url } : {}),
      ...(summary ? { abstract: summary } : {}),
    };
  });
  for (const [key, why] of Object.entries(noPlace)) leftOut.add(`JSON Resume ${key}`, why, arr(root[key]).length);
  if (str(basics?.['summary']))
    leftOut.add('JSON Resume summary (basics.summary)', 'write the headline and highlights from it yourself');
  leftOut.add(
    'JSON Resume profiles (basics.profiles)',
    'the profile has no place for social profiles',
    arr(basics?.['profiles']).length,
  );
  const name = str(basics?.['name']);
  const headline = str(basics?.['label']);
  return {
    file: json.file,
    format: 'json-resume',
    source,
    person: { ...(name ? { name } : {}), ...(headline ? { headline } : {}) },
    records,
    problems: [],
    leftOut: leftOut.list(),
  };
}

/** A job, as a role: the current one when it has no end date. */
function workRecord(
  w: Record<string, unknown>,
  path: JsonPath,
  json: JsonSource,
  leftOut: LeftOutCounter,
): ImportedRecord {
  // `name` in schema 1.0; `company` in the older drafts many resumes still use.
  const organisation = str(w['name']) ?? str(w['company']);
  const title = str(w['position']);
  const note = str(w['summary']);
  leftOut.add(
    'JSON Resume work highlights',
    "the profile has no place for them; write the ones that matter into the role's note",
    arr(w['highlights']).length,
  );
  return {
    kind: 'role',
    entry: `work \`${[title, organisation].filter(Boolean).join(', ') || `#${(path[1] as number) + 1}`}\``,
    at: json.locate(path),
    ...(organisation ? { organisation } : {}),
    ...(title ? { title } : {}),
    // In JSON Resume a job with no endDate is the current one.
    ...dates(w, 'present'),
    ...(note ? { note } : {}),
  };
}

/** A degree; an education that names none is left out and counted. */
function degreeRecord(
  e: Record<string, unknown>,
  path: JsonPath,
  json: JsonSource,
  leftOut: LeftOutCounter,
): ImportedRecord | undefined {
  const institution = str(e['institution']);
  const degree = str(e['studyType']);
  const field = str(e['area']);
  const name = [degree, institution].filter(Boolean).join(', ') || `#${(path[1] as number) + 1}`;
  leftOut.add('JSON Resume courses', 'the profile has no place for courses', arr(e['courses']).length);
  if (str(e['score']) ?? str(e['gpa']))
    leftOut.add('JSON Resume grades (score)', 'the profile has no place for grades');
  if (!degree) {
    leftOut.add(
      `JSON Resume education \`${[institution, field].filter(Boolean).join(', ') || name}\``,
      "it names no degree (studyType is empty), and a profile's education needs one: add it by hand",
    );
    return undefined;
  }
  return {
    kind: 'degree',
    entry: `education \`${name}\``,
    at: json.locate(path),
    ...(institution ? { institution } : {}),
    degree,
    ...(field ? { field } : {}),
    ...dates(e),
  };
}

function dates(item: Record<string, unknown>, ongoing?: 'present'): { start?: string; end?: string } {
  const start = monthOrDay(str(item['startDate']));
  const end = monthOrDay(str(item['endDate'])) ?? (start && ongoing ? ongoing : undefined);
  return { ...(start ? { start } : {}), ...(end ? { end } : {}) };
}

/** `2013-12-01` is how résumé editors write December 2013. */
function monthOrDay(date: string | undefined): string | undefined {
  return date && /^\d{4}-\d{2}-01$/.test(date) ? date.slice(0, 7) : date;
}
