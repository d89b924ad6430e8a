import type { Locale } from '../i18n/locale.js';
import { localiseProfile } from '../schema/localise-profile.js';
import type { Profile, Source } from '../schema/profile-schema.js';
import { sourceIds } from '../schema/primitives.js';
import type { SourceRef } from '../schema/primitives.js';
import type { FactsDocument } from './facts-schema.js';
import { changeSections, items } from './fact-sections.js';
import type { ChangeSection, Item } from './fact-sections.js';

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
