import type { Locale } from '../i18n/locale.js';
import { sourceIds } from '../schema/primitives.js';
import type { SourceRef } from '../schema/primitives.js';
import { slug } from './format.js';
import { markupHtml, plainText } from './inline-markup.js';
import { portraitView } from './portrait-view.js';
import type { SourceIndex, SourceLink } from './source-index.js';
import { stanceShort } from './stance.js';
import { asOfText } from './footprint.js';
import type { Subject } from './subject.js';
import type { GlanceView, PersonView, Sourced } from './view-model.js';

export function personView(subject: Subject, sources: SourceIndex, usedIds: Set<string>, locale: Locale): PersonView {
  const { person } = subject.profile;
  let id = `person-${slug(person.name, String(subject.index + 1))}`;
  while (usedIds.has(id)) id = `${id}-${subject.index + 1}`;
  usedIds.add(id);
  const papers = locale.count('count.papers', subject.profile.papers.length);
  const models = locale.count('count.models', subject.profile.models.length);
  return {
    index: subject.index,
    id,
    name: subject.name,
    ...(subject.nameLang ? { nameLang: subject.nameLang } : {}),
    ...(subject.otherName ? { otherName: subject.otherName } : {}),
    ...(subject.otherNameLang ? { otherNameLang: subject.otherNameLang } : {}),
    ...(person.nativeName ? { nativeName: person.nativeName } : {}),
    colour: subject.style.colour,
    tint: subject.style.tint,
    markerClass: `marker-${subject.style.marker.toLowerCase()}`,
    headline: person.headline,
    ...(person.currentRole ? { currentRole: person.currentRole } : {}),
    ...(person.photo ? { portrait: portraitView(subject, locale)! } : {}),
    ...(person.birthYear !== undefined ? { born: String(person.birthYear) } : {}),
    counts: locale.t('cover.personCounts', { papers, models }),
    ...(subject.profile.balance.length
      ? { balance: subject.profile.balance.map((b) => locale.user(b.tradeoff)).join(locale.t('list.semicolon')) }
      : {}),
    sources: sources.links(subject.index, person.source),
    highlights: (person.highlights ?? []).map((h) => ({
      text: plainText(h.text),
      html: markupHtml(h.text),
      sources: sources.links(subject.index, h.source),
    })),
    labels: {
      highlights: locale.t('glance.highlights', { name: locale.user(subject.name) }),
      papers: locale.t('papers.tableLabel', { name: locale.user(subject.name) }),
      papersCaption: locale.t('papers.caption', { name: locale.user(subject.name) }),
    },
  };
}

type Field = readonly [key: string, cell: (s: Subject) => Sourced];

/** The side-by-side table: one cell per person per field, each cell citing its sources. */
export function glanceView(
  people: readonly Subject[],
  views: readonly PersonView[],
  sources: SourceIndex,
  locale: Locale,
  asOf: (person: number, key: string) => string | undefined = () => undefined,
): GlanceView {
  // One word for a gap, in every cell of the table: "not given", never "—" in one and words in another.
  const none: Sourced = { text: locale.t('glance.notGiven'), sources: [] };
  const cite = (s: Subject, ref: SourceRef): SourceLink[] => sources.links(s.index, ref);
  const fields: Field[] = [
    [
      'glance.nativeName',
      (s) =>
        s.profile.person.nativeName
          ? { text: locale.user(s.profile.person.nativeName), sources: cite(s, s.profile.person.source) }
          : none,
    ],
    [
      'glance.born',
      (s) =>
        s.profile.person.birthYear !== undefined
          ? { text: String(s.profile.person.birthYear), sources: cite(s, s.profile.person.source) }
          : none,
    ],
    [
      'glance.now',
      (s) =>
        s.profile.person.currentRole
          ? {
              text: staleText(locale.user(s.profile.person.currentRole), asOf(s.index, 'currentRole'), locale),
              sources: cite(s, s.profile.person.source),
            }
          : none,
    ],
    ['glance.education', (s) => joinSourced(s, sources, locale, none, educationItems(s, locale))],
    ['glance.career', (s) => career(s, sources, locale, none)],
    ['glance.papers', (s) => papers(s, sources, locale)],
    [
      'glance.models',
      (s) =>
        joinSourced(
          s,
          sources,
          locale,
          none,
          s.profile.models.map((m) => ({ text: locale.user(m.name), ref: m.source })),
          s.profile.models.length > 4 ? locale.count('count.models', s.profile.models.length) : undefined,
        ),
    ],
    ['glance.headlineFigures', (s) => joinSourced(s, sources, locale, none, headlineMetrics(s, locale))],
    ['glance.balance', (s) => joinSourced(s, sources, locale, none, balanceItems(s, locale))],
  ];
  // The footprint row only where someone has one: every figure with its date and where it comes from.
  if (people.some((p) => p.profile.impact)) {
    const at = fields.findIndex(([key]) => key === 'glance.papers') + 1;
    fields.splice(at, 0, [
      'glance.citations',
      (s) => (s.profile.impact ? citationsCell(s, sources, locale, asOf(s.index, 'impact')) : none),
    ]);
  }
  const peopleAsColumns = people.length <= 4;
  // As rows (five people or more), the native name goes under the name: one column fewer.
  const rowFields = fields.filter(([key]) => key !== 'glance.nativeName');
  return {
    peopleAsColumns,
    fields: rowFields.map(([key]) => locale.t(key)),
    rows: fields.map(([key, cell]) => ({ label: locale.t(key), cells: people.map(cell) })),
    byPerson: people.map((s, i) => ({ person: views[i]!, cells: rowFields.map(([, cell]) => cell(s)) })),
  };
}

/** Each degree, "Master's degree in Computer science, Peking University", with its sources. */
function educationItems(s: Subject, locale: Locale): { text: string; ref: SourceRef }[] {
  return s.profile.education.map((e) => ({
    text: locale.t('glance.degreeAt', {
      degree: locale.user(e.field ? locale.t('glance.degree', { degree: e.degree, field: e.field }) : e.degree),
      institution: locale.user(e.institution),
    }),
    ref: e.source,
  }));
}

/** Each trade-off with where the person stands on it, cited by its evidence. */
function balanceItems(s: Subject, locale: Locale): { text: string; ref: SourceRef }[] {
  return s.profile.balance.map((b) => ({
    text: locale.t('glance.balanceStance', {
      tradeoff: locale.user(b.tradeoff),
      stance: stanceShort(locale, b.position, b.poles),
      n: locale.number(b.position),
    }),
    ref: b.evidence.map((e) => e.source).flat(),
  }));
}

/**
 * Items of one cell, each with its sources. Long lists are cut to their first few and a count,
 * so that a row of the side-by-side table stays shorter than a page.
 */
function joinSourced(
  s: Subject,
  sources: SourceIndex,
  locale: Locale,
  none: Sourced,
  items: readonly { text: string; ref: string | readonly string[] }[],
  heading?: string,
): Sourced {
  if (items.length === 0) return none;
  const list = locale.summary(items.map((i) => i.text));
  return {
    text: heading ? locale.t('glance.modelsHeading', { heading, list }) : list,
    sources: summaryLinks(
      s,
      sources,
      items.map((i) => i.ref),
    ),
  };
}

/** A cell that sums up many facts cites at most this many sources; the facts themselves cite all. */
const maxSummaryCitations = 10;

function summaryLinks(
  s: Subject,
  sources: SourceIndex,
  refs: readonly (SourceRef | readonly string[])[],
): SourceLink[] {
  return sources.links(s.index, refs.flatMap(sourceIds)).slice(0, maxSummaryCitations);
}

/** "12,345 citations, h-index 40 (as of 1 Nov 2026, OpenAlex)". */
function citationsCell(s: Subject, sources: SourceIndex, locale: Locale, stale: string | undefined): Sourced {
  const impact = s.profile.impact!;
  const figures = locale.t('glance.citationsValue', {
    citations: locale.count('count.citations', impact.citations),
    h: impact.hIndex === undefined ? 'none' : locale.number(impact.hIndex),
    asOf: asOfText(s, impact, locale),
  });
  return { text: staleText(figures, stale, locale), sources: sources.links(s.index, impact.source) };
}

/** A fact followed by its "as of …" mark when its sources are older than the spec's `maxAge`. */
function staleText(text: string, stale: string | undefined, locale: Locale): string {
  return stale === undefined ? text : locale.t('stale.marked', { text, asOf: stale });
}

function career(s: Subject, sources: SourceIndex, locale: Locale, none: Sourced): Sourced {
  const entries = s.profile.career;
  if (entries.length === 0) return none;
  const organisations = locale.summary(
    [...new Set(entries.map((c) => c.organisation))].map((o) => locale.user(o)),
    3,
    'comma',
  );
  const starts = entries
    .map((c) => c.start)
    .filter((d): d is string => d !== undefined)
    .sort();
  const summary = locale.t('glance.careerSummary', {
    roles: locale.count('count.roles', entries.length),
    count: entries.length,
    organisations,
  });
  const text = starts[0]
    ? locale.t('glance.careerSince', { summary, since: locale.period(starts[0], undefined) })
    : summary;
  return {
    text,
    sources: summaryLinks(
      s,
      sources,
      entries.map((c) => c.source),
    ),
  };
}

function papers(s: Subject, sources: SourceIndex, locale: Locale): Sourced {
  const list = s.profile.papers;
  if (list.length === 0) return { text: locale.t('glance.noneListed'), sources: [] };
  const first = list.filter((p) => p.authorship === 'first' || p.authorship === 'co-first').length;
  const years = list.map((p) => p.year);
  const [lo, hi] = [Math.min(...years), Math.max(...years)];
  const span = lo === hi ? String(lo) : locale.numberRange(lo, hi);
  const text = locale.t('glance.papersSummary', {
    papers: locale.count('count.papers', list.length),
    count: list.length,
    first: locale.number(first),
    firstCount: first,
    span,
  });
  return {
    text,
    sources: summaryLinks(
      s,
      sources,
      list.map((p) => p.source),
    ),
  };
}

/** Up to two figures per person: those with a baseline first, as the source words them. */
function headlineMetrics(s: Subject, locale: Locale): { text: string; ref: string | readonly string[] }[] {
  const all = s.profile.models.flatMap((m) => m.metrics.map((metric) => ({ model: m, metric })));
  const ranked = [...all.filter((e) => e.metric.baseline), ...all.filter((e) => !e.metric.baseline && e.metric.better)];
  return ranked.slice(0, 2).map(({ model, metric }) => ({
    text: locale.t('glance.figure', {
      model: locale.user(model.name),
      text: metric.claim
        ? locale.user(metric.claim)
        : locale.t('glance.figureValue', {
            label: locale.user(metric.label),
            value: locale.quantity(metric.value, metric.unit),
          }),
    }),
    ref: metric.source,
  }));
}
