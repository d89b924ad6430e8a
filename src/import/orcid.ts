import type { Problem } from '../errors.js';
import { arr, obj, str, wrapped } from './json-source.js';
import type { JsonPath, JsonSource } from './json-source.js';
import { LeftOutCounter } from './left-out-counter.js';
import { affiliation, affiliationKinds, nonPaperWorkTypes, work, workType } from './orcid-items.js';
import type { AffiliationKind } from './orcid-items.js';
import type { ImportedRecord, ParsedRecords, RecordSource } from './types.js';
import { problemAt } from './types.js';

/** Sections of an ORCID record the profile has no place for, with the reason given. */
const noPlace: Record<string, string> = {
  fundings: 'the profile has no place for grants',
  'peer-reviews': 'the profile has no place for peer reviews',
  'research-resources': 'the profile has no place for research resources',
};
const personSections: Record<string, [list: string, what: string]> = {
  'other-names': ['other-name', 'ORCID other names'],
  'researcher-urls': ['researcher-url', 'ORCID websites'],
  keywords: ['keyword', 'ORCID keywords'],
  'external-identifiers': ['external-identifier', 'ORCID external identifiers'],
  addresses: ['address', 'ORCID countries'],
};

/**
 * ORCID JSON (API v3.0): a full `record`, its `activities-summary`, one section of it, one item
 * as `/work/{put-code}` or `/employment/{put-code}` serve it, or a bulk read of works. Every
 * section goes where the profile has a place for it: employments and invited positions to the
 * career, educations and qualifications to education, distinctions, memberships and services
 * to the person's highlights, works to papers. Fundings, peer reviews, research resources and
 * the person's other names, websites and keywords are named in the summary as left out.
 * Values come wrapped as `{ "value": … }` and dates are partial (`{ year, month?, day? }`).
 */
export function parseOrcid(json: JsonSource, fallback: RecordSource): ParsedRecords {
  const root = obj(json.value) ?? {};
  const records: ImportedRecord[] = [];
  const problems: Problem[] = [];
  const leftOut = new LeftOutCounter(json.file);
  const activities = obj(root['activities-summary']) ? ['activities-summary'] : [];
  const valueAt = (path: JsonPath): unknown =>
    path.reduce<unknown>((v, k) => (typeof k === 'number' ? arr(v)[k] : obj(v)?.[k]), root);
  const section = (name: string): JsonPath | undefined =>
    obj(root[name])
      ? [name]
      : obj(valueAt([...activities, name])) && activities.length > 0
        ? [...activities, name]
        : undefined;

  const bare = bareAffiliationKind(root);
  for (const kind of Object.keys(affiliationKinds) as AffiliationKind[]) {
    const path = section(`${kind}s`) ?? (bare === kind ? [] : undefined);
    if (!path) continue;
    arr(obj(valueAt(path))?.['affiliation-group']).forEach((group, g) => {
      arr(obj(group)?.['summaries']).forEach((s, k) => {
        const summary = obj(obj(s)?.[`${kind}-summary`]);
        if (summary)
          records.push(
            affiliation(kind, summary, json, [...path, 'affiliation-group', g, 'summaries', k, `${kind}-summary`]),
          );
      });
    });
  }
  const takeWork = (w: Record<string, unknown>, path: JsonPath): void => {
    const type = workType(w);
    if (type && nonPaperWorkTypes.has(type)) leftOut.add(`ORCID works of type ${type}`, 'they are not papers');
    else records.push(work(w, json, path));
  };
  const bareGroup = obj(arr(root['group'])[0]);
  const worksPath =
    section('works') ??
    (bareGroup?.['work-summary'] !== undefined || /\/works$/.test(str(root['path']) ?? '') ? [] : undefined);
  if (worksPath) {
    arr(obj(valueAt(worksPath))?.['group']).forEach((group, g) => {
      // A group holds the versions of one work from several sources; the first is ORCID's preferred one.
      const summary = obj(arr(obj(group)?.['work-summary'])[0]);
      if (summary) takeWork(summary, [...worksPath, 'group', g, 'work-summary', 0]);
    });
  }
  if (Array.isArray(root['bulk'])) {
    root['bulk'].forEach((item, i) => {
      const one = obj(obj(item)?.['work']);
      if (one) takeWork(one, ['bulk', i, 'work']);
      else
        problems.push(
          problemAt(
            json.file,
            json.locate(['bulk', i]),
            `bulk item ${i + 1} is not a work${str(obj(obj(item)?.['error'])?.['developer-message']) ? ` (ORCID says: ${str(obj(obj(item)?.['error'])?.['developer-message'])})` : ''}`,
            'warning',
          ),
        );
    });
  }
  if (isSingleWork(root)) takeWork(root, []);
  if (isSingleAffiliation(root)) records.push(affiliation(kindFromPath(root), root, json, []));

  for (const [name, why] of Object.entries(noPlace)) {
    const path = section(name) ?? (new RegExp(`/${name}$`).test(str(root['path']) ?? '') ? [] : undefined);
    const count = path ? arr(obj(valueAt(path))?.['group']).length : 0;
    leftOut.add(`ORCID ${name.replace('-', ' ')}`, why, count);
  }
  if (isSingleFunding(root)) leftOut.add('ORCID fundings', noPlace['fundings']!);
  const person = obj(root['person']);
  if (wrapped(obj(person?.['biography'])?.['content']) ?? str(obj(person?.['biography'])?.['content']))
    leftOut.add('ORCID biography', 'write the headline and highlights from it yourself');
  for (const [key, [list, what]] of Object.entries(personSections))
    leftOut.add(what, 'the profile has no place for them', arr(obj(person?.[key])?.[list]).length);

  const said = leftOut.list();
  if (records.length === 0 && problems.length === 0 && said.length === 0) {
    problems.push(
      problemAt(
        json.file,
        json.locate([]),
        'this ORCID JSON has no works, employments, educations or other sections to import',
      ),
    );
  }
  return {
    file: json.file,
    format: 'orcid',
    source: orcidSource(root, fallback),
    person: orcidPerson(root),
    records,
    problems,
    leftOut: said,
  };
}

/** An ORCID work on its own: a wrapped title, and no sections around it. */
export function isSingleWork(root: Record<string, unknown>): boolean {
  return (
    wrapped(obj(root['title'])?.['title']) !== undefined &&
    root['organization'] === undefined &&
    (root['journal-title'] !== undefined ||
      root['external-ids'] !== undefined ||
      root['publication-date'] !== undefined ||
      root['contributors'] !== undefined)
  );
}

/** A funding on its own: a wrapped title and a funding organisation. */
export function isSingleFunding(root: Record<string, unknown>): boolean {
  return wrapped(obj(root['title'])?.['title']) !== undefined && obj(root['organization']) !== undefined;
}

/** One affiliation on its own: an organisation with a role, a department or dates, and no title. */
export function isSingleAffiliation(root: Record<string, unknown>): boolean {
  return (
    obj(root['organization']) !== undefined &&
    root['title'] === undefined &&
    (root['role-title'] !== undefined || root['department-name'] !== undefined || root['start-date'] !== undefined)
  );
}

/** `"path": "/0000-0002-7319-2192/invited-position/1234"` names the kind; write samples have none. */
function kindFromPath(root: Record<string, unknown>): AffiliationKind | undefined {
  const kind = /\/([a-z-]+)\/\d+$/.exec(str(root['path']) ?? '')?.[1];
  return kind && kind in affiliationKinds ? (kind as AffiliationKind) : undefined;
}

/** A section at the top level: `{ "affiliation-group": [...] }`, its kind read from its summaries. */
function bareAffiliationKind(root: Record<string, unknown>): AffiliationKind | undefined {
  const first = obj(arr(obj(arr(root['affiliation-group'])[0])?.['summaries'])[0]);
  const kind = first ? Object.keys(first)[0]?.replace(/-summary$/, '') : undefined;
  return kind && kind in affiliationKinds ? (kind as AffiliationKind) : undefined;
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
