import type { Locale } from '../i18n/locale.js';
import type { Profile } from '../schema/profile-schema.js';
import type { SourceRef } from '../schema/primitives.js';

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

type Value = string | undefined;
/** One fact as the changes compare it: what identifies it, its label, its values, its sources. */
export interface Item {
  readonly key: string;
  readonly label: string;
  readonly fields: ReadonlyArray<readonly [string, Value]>;
  readonly sourceIds: readonly SourceRef[];
}

/** A person's facts of one section, as items. */
export function items(section: Exclude<ChangeSection, 'people'>, profile: Profile, locale: Locale): Item[] {
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
