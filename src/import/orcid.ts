import type { Problem } from '../errors.js';
import { arr, obj, str, wrapped } from './json-source.js';
import type { JsonPath, JsonSource } from './json-source.js';
import { isPartialDate } from '../schema/partial-date.js';
import { arxivIdIn, normaliseDoi } from './identifiers.js';
import type { ImportedRecord, ParsedRecords, RecordSource } from './types.js';
import { problemAt } from './types.js';

/**
 * An ORCID public record, API v3.0 JSON: the full `record`, its `activities-summary`, or one
 * section of it (`works`, `employments`, `educations`, `distinctions`). Values come wrapped as
 * `{ "value": … }` and dates are partial (`{ year, month?, day? }`). Work summaries carry no
 * author list, so a work's authorship cannot be read from ORCID alone.
 */
export function parseOrcid(json: JsonSource, fallback: RecordSource): ParsedRecords {
  const root = obj(json.value) ?? {};
  const records: ImportedRecord[] = [];
  const problems: Problem[] = [];
  const activities = obj(root['activities-summary']) ? ['activities-summary'] : [];
  const section = (name: string): JsonPath | undefined => {
    if (obj(root[name])) return [name];
    const inActivities = obj(obj(root['activities-summary'])?.[name]);
    return inActivities ? [...activities, name] : undefined;
  };
  const valueAt = (path: JsonPath): unknown => path.reduce<unknown>((v, k) => (typeof k === 'number' ? arr(v)[k] : obj(v)?.[k]), root);

  // A bare section at the top level: `{ "affiliation-group": [...] }` or `{ "group": [...] }`.
  const bareKind = root['affiliation-group'] ? affiliationKind(root) : undefined;
  const sections: [string, JsonPath | undefined][] = [
    ['employment', section('employments') ?? (bareKind === 'employment' ? [] : undefined)],
    ['education', section('educations') ?? (bareKind === 'education' ? [] : undefined)],
    ['distinction', section('distinctions') ?? (bareKind === 'distinction' ? [] : undefined)],
  ];
  for (const [kind, path] of sections) {
    if (!path) continue;
    arr(obj(valueAt(path))?.['affiliation-group']).forEach((group, g) => {
      arr(obj(group)?.['summaries']).forEach((s, k) => {
        const itemPath = [...path, 'affiliation-group', g, 'summaries', k, `${kind}-summary`];
        const summary = obj(obj(s)?.[`${kind}-summary`]);
        if (summary) records.push(affiliation(kind, summary, json, itemPath, problems));
      });
    });
  }
  const worksPath = section('works') ?? (Array.isArray(root['group']) ? [] : undefined);
  if (worksPath) {
    arr(obj(valueAt(worksPath))?.['group']).forEach((group, g) => {
      // A group holds the versions of one work from several sources; the first is ORCID's preferred one.
      const summary = obj(arr(obj(group)?.['work-summary'])[0]);
      if (summary) records.push(work(summary, json, [...worksPath, 'group', g, 'work-summary', 0]));
    });
  }
  if (records.length === 0 && problems.length === 0) {
    problems.push(problemAt(json.file, json.locate([]), 'this ORCID JSON has no works, employments, educations or distinctions to import'));
  }
  return { file: json.file, format: 'orcid', source: orcidSource(root, fallback), person: orcidPerson(root), records, problems };
}

function affiliationKind(root: Record<string, unknown>): string | undefined {
  const first = obj(arr(obj(arr(root['affiliation-group'])[0])?.['summaries'])[0]);
  return first ? Object.keys(first)[0]?.replace(/-summary$/, '') : undefined;
}

function affiliation(kind: string, s: Record<string, unknown>, json: JsonSource, path: JsonPath, problems: Problem[]): ImportedRecord {
  const organisation = str(obj(s['organization'])?.['name']);
  const role = str(s['role-title']);
  const department = str(s['department-name']);
  const start = orcidDate(s['start-date']);
  const end = orcidDate(s['end-date']);
  const at = json.locate(path);
  const entry = `${kind} \`${[role, organisation].filter(Boolean).join(', ') || `put-code ${str(s['put-code']) ?? '?'}`}\``;
  for (const [field, date] of [['start-date', start], ['end-date', end]] as const) {
    if (date && !date.ok) problems.push(problemAt(json.file, json.locate([...path, field]), `${entry}: ${field} ${date.text} is not a date (expected a year, then optionally a month and a day)`));
  }
  const dates = { ...(start?.ok ? { start: start.text } : {}), ...(end?.ok ? { end: end.text } : {}) };
  if (kind === 'education') {
    return { kind: 'degree', entry, at, ...(organisation ? { institution: organisation } : {}), ...(role ? { degree: role } : {}), ...(department ? { department } : {}), ...dates };
  }
  if (kind === 'distinction') {
    const year = start?.ok ? ` (${start.text.slice(0, 4)})` : '';
    const text = [role, organisation].filter(Boolean).join(', ');
    return { kind: 'highlight', entry, at, ...(text ? { text: `${text}${year}` } : {}) };
  }
  // ORCID shows an employment with a start and no end as running "to present".
  const ongoing = start?.ok && !end ? { end: 'present' } : {};
  return { kind: 'role', entry, at, ...(organisation ? { organisation } : {}), ...(role ? { title: role } : {}), ...(department ? { note: `Department: ${department}` } : {}), ...dates, ...ongoing };
}

function work(s: Record<string, unknown>, json: JsonSource, path: JsonPath): ImportedRecord {
  const title = wrapped(obj(s['title'])?.['title']);
  const date = orcidDate(s['publication-date']);
  const ids = arr(obj(s['external-ids'])?.['external-id']).map(obj).filter((x): x is Record<string, unknown> => x !== undefined);
  const idOf = (type: string): string | undefined => {
    for (const id of ids) {
      if (str(id['external-id-type'])?.toLowerCase() !== type) continue;
      const value = wrapped(id['external-id-normalized']) ?? str(id['external-id-value']);
      if (value) return value;
    }
    return undefined;
  };
  const doi = normaliseDoi(idOf('doi'));
  const arxiv = arxivIdIn(idOf('arxiv')) ?? (doi && /^10\.48550\//.test(doi) ? arxivIdIn(doi) : undefined);
  const url = wrapped(s['url']);
  const venue = wrapped(s['journal-title']);
  return {
    kind: 'paper',
    entry: `work \`${title ?? `put-code ${str(s['put-code']) ?? '?'}`}\``,
    at: json.locate(path),
    ...(title ? { title } : {}),
    ...(date ? { year: date.text } : {}),
    ...(venue ? { venue } : arxiv ? { venue: 'arXiv' } : {}),
    ...(arxiv ? { arxiv } : {}),
    ...(doi ? { doi } : {}),
    ...(url ? { url } : {}),
  };
}

/** `{ year: {value}, month: {value}?, day: {value}? }` to `2021`, `2021-09` or `2021-09-01`. */
function orcidDate(value: unknown): { ok: boolean; text: string } | undefined {
  const date = obj(value);
  if (!date) return undefined;
  const parts = [wrapped(date['year']), wrapped(date['month']), wrapped(date['day'])];
  const given = parts.filter((p): p is string => p !== undefined);
  if (given.length === 0) return undefined;
  const text = given.map((p, i) => (i === 0 ? p : p.padStart(2, '0'))).join('-');
  // A day without a month is no date.
  const gap = parts[1] === undefined && parts[2] !== undefined;
  return { ok: !gap && isPartialDate(text), text };
}

function orcidPerson(root: Record<string, unknown>): { name?: string } {
  const name = obj(obj(root['person'])?.['name']);
  if (!name) return {};
  const credit = wrapped(name['credit-name']);
  const full = [wrapped(name['given-names']), wrapped(name['family-name'])].filter(Boolean).join(' ');
  return credit || full ? { name: credit ?? full } : {};
}

function orcidSource(root: Record<string, unknown>, fallback: RecordSource): RecordSource {
  const id = obj(root['orcid-identifier']);
  const orcid = str(id?.['path']);
  if (!orcid) return fallback;
  const modified = Number(obj(obj(root['history'])?.['last-modified-date'])?.['value']);
  const date = Number.isFinite(modified) && modified > 0 ? new Date(modified).toISOString().slice(0, 10) : undefined;
  return {
    title: `ORCID record ${orcid}`,
    publisher: 'ORCID',
    // The public address, whatever host the record was exported from.
    url: `https://orcid.org/${orcid}`,
    ...(date ? { date } : {}),
  };
}
