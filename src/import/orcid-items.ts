import { arr, obj, str, wrapped } from './json-source.js';
import type { JsonPath, JsonSource } from './json-source.js';
import { isPartialDate } from '../schema/partial-date.js';
import { arxivIdIn, normaliseDoi } from './identifiers.js';
import type { ImportedName, ImportedRecord } from './types.js';

/** The kinds of ORCID affiliation, and where each goes in a profile. */
export const affiliationKinds = {
  employment: 'role',
  'invited-position': 'role',
  education: 'degree',
  qualification: 'degree',
  distinction: 'highlight',
  membership: 'highlight',
  service: 'highlight',
} as const;
export type AffiliationKind = keyof typeof affiliationKinds;

const kindWords: Record<AffiliationKind, string> = {
  employment: 'employment',
  'invited-position': 'invited position',
  education: 'education',
  qualification: 'qualification',
  distinction: 'distinction',
  membership: 'membership',
  service: 'service',
};

/**
 * One affiliation (an ORCID `…-summary` or a single affiliation as `/employment/{put-code}`
 * serves it). A date that is no date is a fault of the entry, so the entry is left out whole
 * (and said), never written without its dates. `kind` is undefined when the file does not say
 * which kind it is: then it is read as a role, with a note asking to check.
 */
export function affiliation(
  kind: AffiliationKind | undefined,
  s: Record<string, unknown>,
  json: JsonSource,
  path: JsonPath,
): ImportedRecord {
  const organisation = str(obj(s['organization'])?.['name']);
  const role = str(s['role-title']);
  const department = str(s['department-name']);
  const start = orcidDate(s['start-date']);
  const end = orcidDate(s['end-date']);
  const at = json.locate(path);
  const entry = `${kind ? kindWords[kind] : 'affiliation'} \`${[role, organisation].filter(Boolean).join(', ') || `put-code ${str(s['put-code']) ?? '?'}`}\``;
  const faults = (
    [
      ['start-date', start],
      ['end-date', end],
    ] as const
  ).flatMap(([field, date]) =>
    date && !date.ok
      ? [`${field} ${date.text} is not a date (expected a year, then optionally a month and a day)`]
      : [],
  );
  const dates = { ...(start?.ok ? { start: start.text } : {}), ...(end?.ok ? { end: end.text } : {}) };
  const common = { entry, at, ...(faults.length > 0 ? { faults } : {}) };
  const target = kind ? affiliationKinds[kind] : 'role';
  if (target === 'degree') {
    const note = kind === 'qualification' ? { note: 'A qualification, as ORCID lists it.' } : {};
    return {
      kind: 'degree',
      ...common,
      ...(organisation ? { institution: organisation } : {}),
      ...(role ? { degree: role } : {}),
      ...(department ? { department } : {}),
      ...dates,
      ...note,
    };
  }
  if (target === 'highlight') {
    const years = [start?.ok ? start.text.slice(0, 4) : undefined, end?.ok ? end.text.slice(0, 4) : undefined].filter(
      Boolean,
    );
    const span = years.length === 0 ? '' : ` (${[...new Set(years)].join('–')}${start?.ok && !end ? '–' : ''})`;
    const lead = kind === 'membership' ? 'Member' : kind === 'service' ? 'Service' : undefined;
    const text = [lead ? `${lead}${role ? `, ${role}` : ''}` : role, organisation].filter(Boolean).join(', ');
    return { kind: 'highlight', ...common, ...(text ? { text: `${text}${span}` } : {}) };
  }
  // ORCID shows an affiliation with a start and no end as running "to present".
  const ongoing = start?.ok && !end ? { end: 'present' } : {};
  const notes = [
    kind === 'invited-position' ? 'An invited position, as ORCID lists it.' : undefined,
    department ? `Department: ${department}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  return {
    kind: 'role',
    ...common,
    ...(kind === undefined
      ? {
          notes: [
            'the file does not say which kind of ORCID affiliation this is (employment, invited position…); imported as a role: check it',
          ],
        }
      : {}),
    ...(organisation ? { organisation } : {}),
    ...(role ? { title: role } : {}),
    ...(notes ? { note: notes } : {}),
    ...dates,
    ...ongoing,
  };
}

/** ORCID work types that are not papers: counted and named, never imported as papers. */
export const nonPaperWorkTypes = new Set([
  'data-set',
  'software',
  'patent',
  'physical-object',
  'research-tool',
  'spin-off-company',
  'invention',
  'license',
  'registered-copyright',
  'trademark',
  'website',
  'annotation',
  'artistic-performance',
  'lecture-speech',
  'online-resource',
  'standards-and-policy',
  'technical-standard',
  'disclosure',
  'cartographic-material',
  'moving-image',
  'sound',
  'image',
]);

export function workType(s: Record<string, unknown>): string | undefined {
  return str(s['type'])?.toLowerCase().replace(/_/g, '-');
}

/**
 * One work: a summary from a record (no authors: the record is the person's own list), or a full
 * work as `/work/{put-code}` and bulk reads serve it, whose contributors are its authors (and
 * editors) in order.
 */
export function work(s: Record<string, unknown>, json: JsonSource, path: JsonPath): ImportedRecord {
  const titleObject = obj(s['title']);
  const main = wrapped(titleObject?.['title']);
  // The subtitle comes wrapped or, in some bulk responses, as a bare string.
  const subtitle = wrapped(titleObject?.['subtitle']) ?? str(titleObject?.['subtitle']);
  const title =
    main && subtitle && !main.toLowerCase().includes(subtitle.toLowerCase()) ? `${main}: ${subtitle}` : main;
  const date = orcidDate(s['publication-date']);
  const ids = arr(obj(s['external-ids'])?.['external-id'])
    .map(obj)
    .filter((x): x is Record<string, unknown> => x !== undefined);
  const idOf = (type: string): string | undefined => {
    for (const id of ids) {
      if (
        str(id['external-id-type'])?.toLowerCase() !== type ||
        str(id['external-id-relationship'])?.toLowerCase() === 'part-of'
      )
        continue;
      const value = wrapped(id['external-id-normalized']) ?? str(id['external-id-value']);
      if (value) return value;
    }
    return undefined;
  };
  const doi = normaliseDoi(idOf('doi'));
  const arxiv = arxivIdIn(idOf('arxiv')) ?? (doi && /^10\.48550\//.test(doi) ? arxivIdIn(doi) : undefined);
  const url = wrapped(s['url']);
  const venue = wrapped(s['journal-title']);
  const contributors = arr(obj(s['contributors'])?.['contributor'])
    .map(obj)
    .filter((c): c is Record<string, unknown> => c !== undefined);
  const named = (role: RegExp): ImportedName[] =>
    contributors.flatMap((c) => {
      const name = wrapped(c['credit-name']);
      const given = str(obj(c['contributor-attributes'])?.['contributor-role']) ?? 'author';
      return name && role.test(given) ? [{ literal: name }] : [];
    });
  const authors = named(
    /^(author|writing|conceptualization|investigation|methodology|formal|data|funding|project|resources|software|supervision|validation|visualization)/i,
  );
  const editors = named(/^editor/i);
  return {
    kind: 'paper',
    entry: `work \`${title ?? `put-code ${str(s['put-code']) ?? '?'}`}\``,
    at: json.locate(path),
    ...(title ? { title } : {}),
    ...(date ? { year: date.text } : {}),
    ...(venue ? { venue } : {}),
    ...(authors.length > 0 ? { authors } : { ownList: true }),
    ...(editors.length > 0 ? { editors } : {}),
    ...(arxiv ? { arxiv } : {}),
    ...(doi ? { doi } : {}),
    ...(url ? { url } : {}),
    ...(date && !date.ok
      ? { faults: [`publication-date ${date.text} is not a date (expected a year, then optionally a month and a day)`] }
      : {}),
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
