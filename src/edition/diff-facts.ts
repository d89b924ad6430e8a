import type { Locale } from '../i18n/locale.js';
import { localiseProfile } from '../schema/localise-profile.js';
import type { Profile, Source } from '../schema/profile-schema.js';
import { sourceIds } from '../schema/primitives.js';
import type { SourceRef } from '../schema/primitives.js';
import type { FactsDocument } from './facts-schema.js';

/** The parts of a report a change belongs to, in the order the changes are listed. */
export const changeSections = [
  'people',
  'person',
  'education',
  'career',
  'papers',
  'models',
  'balance',
  'sources',
] as const;
export type ChangeSection = (typeof changeSections)[number];
export type ChangeKind = 'added' | 'removed' | 'changed';

export interface FactChange {
  /** The person's name as the newer edition writes it (the older one, when they left). */
  readonly person: string;
  readonly personKey: string;
  readonly section: ChangeSection;
  readonly kind: ChangeKind;
  /** The item, in the profile's own words: a paper's title, an organisation, a model's name. Empty for the person. */
  readonly item: string;
  /** How the item is matched across editions (a paper's id, a role's organisation and start). */
  readonly itemKey: string;
  /** For a change: which field (`title`, `end`, `value`...). */
  readonly field?: string;
  /** For a change: the values as the locale writes them. */
  readonly before?: string;
  readonly after?: string;
  /** The sources the item cites, in the edition it is read from. */
  readonly sources: readonly { readonly id: string; readonly title: string; readonly url?: string }[];
}

type Value = string | undefined;
interface Item {
  readonly key: string;
  readonly label: string;
  readonly fields: ReadonlyArray<readonly [string, Value]>;
  readonly sourceIds: readonly SourceRef[];
}

/**
 * What changed from one edition's facts to another's, per person and section. Facts are matched
 * by what identifies them (a paper's id, a model's id, a role's organisation and start, an
 * education's institution and start, a trade-off's name, a source's id), so an edited title is
 * a change, not a removal and an addition. Values are compared as the report in `locale`'s
 * language shows them. Pure; the same facts give the same list.
 */
export function diffFacts(before: FactsDocument, after: FactsDocument, locale: Locale): FactChange[] {
  const changes: FactChange[] = [];
  const oldPeople = new Map(before.people.map((p) => [p.key, localiseProfile(p.profile, locale.language).profile]));
  const newPeople = new Map(after.people.map((p) => [p.key, localiseProfile(p.profile, locale.language).profile]));
  for (const [key, profile] of newPeople) {
    const old = oldPeople.get(key);
    if (!old) {
      changes.push({
        person: profile.person.name,
        personKey: key,
        section: 'people',
        kind: 'added',
        item: profile.person.name,
        itemKey: key,
        sources: citations(profile, [profile.person.source]),
      });
      continue;
    }
    for (const section of itemSections)
      changes.push(
        ...diffItems(
          profile.person.name,
          key,
          section,
          items(section, old, locale),
          items(section, profile, locale),
          old,
          profile,
        ),
      );
  }
  for (const [key, profile] of oldPeople) {
    if (!newPeople.has(key))
      changes.push({
        person: profile.person.name,
        personKey: key,
        section: 'people',
        kind: 'removed',
        item: profile.person.name,
        itemKey: key,
        sources: citations(profile, [profile.person.source]),
      });
  }
  return changes;
}

const itemSections = changeSections.filter((s): s is Exclude<ChangeSection, 'people'> => s !== 'people');

function diffItems(
  person: string,
  personKey: string,
  section: ChangeSection,
  before: readonly Item[],
  after: readonly Item[],
  oldProfile: Profile,
  newProfile: Profile,
): FactChange[] {
  const changes: FactChange[] = [];
  const oldByKey = new Map(before.map((i) => [i.key, i]));
  const newKeys = new Set(after.map((i) => i.key));
  for (const item of after) {
    const old = oldByKey.get(item.key);
    const base = {
      person,
      personKey,
      section,
      item: item.label,
      itemKey: item.key,
      sources: citations(newProfile, item.sourceIds),
    };
    if (!old) {
      changes.push({ ...base, kind: 'added' });
      continue;
    }
    const oldFields = new Map(old.fields);
    for (const [field, value] of item.fields) {
      const was = oldFields.get(field);
      if (was === value) continue;
      changes.push({
        ...base,
        kind: 'changed',
        field,
        ...(was !== undefined ? { before: was } : {}),
        ...(value !== undefined ? { after: value } : {}),
      });
    }
  }
  for (const item of before) {
    if (!newKeys.has(item.key))
      changes.push({
        person,
        personKey,
        section,
        kind: 'removed',
        item: item.label,
        itemKey: item.key,
        sources: citations(oldProfile, item.sourceIds),
      });
  }
  return changes;
}

function citations(profile: Profile, refs: readonly SourceRef[]): FactChange['sources'] {
  const ids = refs.flatMap((r) => sourceIds(r));
  const byId = new Map<string, Source>(profile.sources.map((s) => [s.id, s]));
  return [...new Set(ids)].flatMap((id) => {
    const source = byId.get(id);
    return source ? [{ id, title: source.title, ...(source.url ? { url: source.url } : {}) }] : [];
  });
}

/** The items of one section of a profile, each with the fields a reader sees, written as the locale writes them. */
function items(section: Exclude<ChangeSection, 'people'>, profile: Profile, locale: Locale): Item[] {
  const date = (d: string | undefined): Value => (d === undefined ? undefined : locale.date(d));
  switch (section) {
    case 'person':
      return [personItem(profile, locale)];
    case 'education':
      return profile.education.map((e) => ({
        key: `${e.institution}|${e.start ?? ''}`,
        label: e.institution,
        fields: [
          ['degree', e.degree],
          ['field', e.field],
          ['department', e.department],
          ['end', date(e.end)],
          ['note', e.note],
        ],
        sourceIds: [e.source],
      }));
    case 'career':
      return profile.career.map((c) => ({
        key: `${c.organisation}|${c.start ?? ''}`,
        label: c.start ? `${c.organisation} (${locale.date(c.start)})` : c.organisation,
        fields: [
          ['title', c.title],
          ['end', c.end === undefined ? undefined : locale.date(c.end)],
          ['note', c.note],
        ],
        sourceIds: [c.source],
      }));
    case 'papers':
      return profile.papers.map((p) => ({
        key: p.id,
        label: p.shortName ?? p.title,
        fields: [
          ['title', p.title],
          ['shortName', p.shortName],
          ['year', String(p.year)],
          ['date', date(p.date)],
          ['venue', p.venue],
          [
            'authorship',
            locale.t('papers.authorship', { role: p.authorship === 'co-first' ? 'coFirst' : p.authorship }),
          ],
          ['authors', p.authors],
          ['arxiv', p.arxiv],
          ['url', p.url],
          ['summary', p.summary],
        ],
        sourceIds: [p.source],
      }));
    case 'models':
      return modelItems(profile, locale);
    case 'balance':
      return profile.balance.map((b) => ({
        key: b.tradeoff,
        label: b.tradeoff,
        fields: [
          ['poles', `${b.poles[0]} / ${b.poles[1]}`],
          ['position', locale.number(b.position)],
          ['summary', b.summary],
        ],
        sourceIds: b.evidence.map((e) => e.source),
      }));
    case 'sources':
      return profile.sources.map((s) => ({
        key: s.id,
        label: s.title,
        fields: [
          ['title', s.title],
          ['publisher', s.publisher],
          ['date', date(s.date)],
          ['url', s.url],
        ],
        sourceIds: [s.id],
      }));
  }
}

/** The person's own facts (and footprint), as one item. */
function personItem(profile: Profile, locale: Locale): Item {
  const p = profile.person;
  const highlights = p.highlights ?? [];
  return {
    key: 'person',
    label: '',
    fields: [
      ['name', p.name],
      ['nativeName', p.nativeName],
      ['birthYear', p.birthYear === undefined ? undefined : String(p.birthYear)],
      ['headline', p.headline],
      ['currentRole', p.currentRole],
      [
        'highlights',
        list(
          locale,
          highlights.map((h) => h.text),
        ),
      ],
      // The footprint changes with time: a newer count is a change of the person's figures.
      ['citations', profile.impact ? locale.number(profile.impact.citations) : undefined],
      ['hIndex', profile.impact?.hIndex === undefined ? undefined : locale.number(profile.impact.hIndex)],
      ['i10Index', profile.impact?.i10Index === undefined ? undefined : locale.number(profile.impact.i10Index)],
      ['asOf', profile.impact ? locale.date(profile.impact.asOf) : undefined],
    ],
    sourceIds: [p.source, ...highlights.map((h) => h.source), ...(profile.impact ? [profile.impact.source] : [])],
  };
}

/** Each model, then each of its figures as an item of its own. */
function modelItems(profile: Profile, locale: Locale): Item[] {
  return profile.models.flatMap((m) => [
    {
      key: m.id,
      label: m.name,
      fields: [
        ['name', m.name],
        ['organisation', m.organisation],
        ['released', m.released === undefined ? undefined : locale.date(m.released)],
        ['role', m.role],
        ['summary', m.summary],
        ['innovations', list(locale, m.innovations)],
      ] as const,
      sourceIds: [m.source],
    },
    ...m.metrics.map((metric) => ({
      key: `${m.id}|${metric.label}`,
      label: `${m.name}: ${metric.label}`,
      fields: [
        ['value', locale.quantity(metric.value, metric.unit)],
        [
          'baseline',
          metric.baseline
            ? `${metric.baseline.name}: ${locale.quantity(metric.baseline.value, metric.unit)}`
            : undefined,
        ],
        ['claim', metric.claim],
      ] as const,
      sourceIds: [metric.source],
    })),
  ]);
}

function list(locale: Locale, texts: readonly string[]): Value {
  return texts.length === 0 ? undefined : texts.join(locale.t('list.semicolon'));
}
