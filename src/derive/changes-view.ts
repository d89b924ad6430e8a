import type { Locale } from '../i18n/locale.js';
import { changeSections } from '../edition/fact-sections.js';
import type { ChangeSection } from '../edition/fact-sections.js';
import type { ChangeKind, FactChange } from '../edition/diff-facts.js';
import type { SourceIndex } from './source-index.js';
import type { ChangeItemView, ChangesView, PersonView } from './view-model.js';

// Every message key written out, so a key no code uses can be found (tests/i18n/catalogues.test.ts).
const sectionKeys: Record<Exclude<ChangeSection, 'people'>, string> = {
  person: 'changes.section.person',
  education: 'changes.section.education',
  career: 'changes.section.career',
  papers: 'changes.section.papers',
  models: 'changes.section.models',
  balance: 'changes.section.balance',
  sources: 'changes.section.sources',
};
const kindKeys: Record<ChangeKind, string> = {
  added: 'changes.added',
  removed: 'changes.removed',
  changed: 'changes.changed',
};
const fieldKeys: Record<string, string> = {
  name: 'changes.field.name',
  nativeName: 'changes.field.nativeName',
  birthYear: 'changes.field.birthYear',
  headline: 'changes.field.headline',
  currentRole: 'changes.field.currentRole',
  highlights: 'changes.field.highlights',
  degree: 'changes.field.degree',
  field: 'changes.field.field',
  department: 'changes.field.department',
  end: 'changes.field.end',
  note: 'changes.field.note',
  title: 'changes.field.title',
  shortName: 'changes.field.shortName',
  year: 'changes.field.year',
  date: 'changes.field.date',
  venue: 'changes.field.venue',
  authorship: 'changes.field.authorship',
  authors: 'changes.field.authors',
  arxiv: 'changes.field.arxiv',
  url: 'changes.field.url',
  summary: 'changes.field.summary',
  organisation: 'changes.field.organisation',
  released: 'changes.field.released',
  role: 'changes.field.role',
  innovations: 'changes.field.innovations',
  value: 'changes.field.value',
  baseline: 'changes.field.baseline',
  claim: 'changes.field.claim',
  poles: 'changes.field.poles',
  position: 'changes.field.position',
  publisher: 'changes.field.publisher',
  citations: 'changes.field.citations',
  hIndex: 'changes.field.hIndex',
  i10Index: 'changes.field.i10Index',
  asOf: 'changes.field.asOf',
};

/** Marks items elsewhere in the report: "new" or "changed", by section and item key. */
export type ChangeMarks = (person: number, section: ChangeSection, key: string) => string | undefined;

/**
 * The "what changed since" section: the changes grouped by person and section, each with its
 * sources (numbered, as every fact in the report; a removed item's sources by title, since the
 * new report no longer lists them), and the marks the rest of the report puts on new and
 * changed items. `personIndex` finds a person of this report by their key.
 */
export function changesView(
  changes: readonly FactChange[],
  sinceDate: string,
  views: readonly PersonView[],
  personIndex: ReadonlyMap<string, number>,
  sources: SourceIndex,
  locale: Locale,
): { view: ChangesView; marks: ChangeMarks } {
  const t = (key: string, values?: Record<string, string>): string => locale.t(key, values);
  const people = changes
    .filter((c) => c.section === 'people')
    .map((c) =>
      t(c.kind === 'added' ? 'changes.personAdded' : 'changes.personRemoved', { name: locale.user(c.person) }),
    );
  const byPerson = views.flatMap((person) => {
    const mine = changes.filter((c) => c.section !== 'people' && personIndex.get(c.personKey) === person.index);
    const groups = changeSections
      .filter((s): s is Exclude<ChangeSection, 'people'> => s !== 'people')
      .map((section) => ({
        title: t(sectionKeys[section]),
        items: mine.filter((c) => c.section === section).map((c) => itemView(c, person.index, sources, locale)),
      }))
      .filter((g) => g.items.length > 0);
    return groups.length > 0 ? [{ person, groups }] : [];
  });
  const none = people.length === 0 && byPerson.length === 0 ? t('changes.none', { date: sinceDate }) : undefined;

  const marked = new Map<string, string>();
  for (const c of changes) {
    const index = personIndex.get(c.personKey);
    if (index === undefined || c.kind === 'removed' || c.section === 'people') continue;
    const key = `${index}\u0000${c.section}\u0000${c.itemKey}`;
    if (c.kind === 'added' || !marked.has(key))
      marked.set(key, t(c.kind === 'added' ? 'changes.markNew' : 'changes.markChanged'));
  }
  return {
    view: { lead: t('changes.lead', { date: sinceDate }), ...(none ? { none } : {}), people, byPerson },
    marks: (person, section, key) => marked.get(`${person}\u0000${section}\u0000${key}`),
  };
}

function itemView(change: FactChange, person: number, sources: SourceIndex, locale: Locale): ChangeItemView {
  const kindLabel = locale.t(kindKeys[change.kind]);
  const item = change.item === '' ? '' : locale.user(change.item);
  const fieldKey = change.field === undefined ? undefined : fieldKeys[change.field];
  const field = fieldKey === undefined ? change.field : locale.t(fieldKey);
  const what = field === undefined ? item : item === '' ? field : locale.t('changes.itemField', { item, field });
  const detail =
    change.kind !== 'changed'
      ? undefined
      : change.before !== undefined && change.after !== undefined
        ? locale.t('changes.fromTo', { before: locale.user(change.before), after: locale.user(change.after) })
        : change.after !== undefined
          ? locale.t('changes.nowGiven', { after: locale.user(change.after) })
          : locale.t('changes.noLongerGiven', { before: locale.user(change.before ?? '') });
  if (change.kind === 'removed') {
    const titles = change.sources.map((s) => locale.user(s.title));
    return {
      kind: change.kind,
      kindLabel,
      what,
      sources: [],
      ...(titles.length > 0
        ? { oldSources: locale.t('changes.oldSource', { titles: titles.join(locale.t('list.semicolon')) }) }
        : {}),
    };
  }
  return {
    kind: change.kind,
    kindLabel,
    what,
    ...(detail ? { detail } : {}),
    sources: sources.links(
      person,
      change.sources.map((s) => s.id),
    ),
  };
}
