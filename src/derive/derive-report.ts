import { builtInLocale } from '../i18n/locale.js';
import { comparisonTitle } from '../i18n/report-title.js';
import type { Locale } from '../i18n/locale.js';
import { isLanguage } from '../i18n/languages.js';
import type { LocalisedProfile } from '../schema/profile-schema.js';
import type { ReportSpec, SectionName } from '../schema/report-schema.js';
import { balanceChart, balanceThemes } from './charts/balance-charts.js';
import { metricCharts } from './charts/metric-charts.js';
import { papersByVenueChart, papersPerYearChart } from './charts/papers-charts.js';
import { timelineChart } from './charts/timeline-chart.js';
import type { ChartSpec } from './chart-spec.js';
import { chartView } from './chart-view.js';
import { glanceView, personView } from './derive-people.js';
import { localiseProfiles } from './localise-profiles.js';
import { portraitCredits } from './portrait-view.js';
import { balanceViews, educationBlocks, modelBlocks, paperBlocks, sourceViews } from './derive-sections.js';
import { SourceIndex } from './source-index.js';
import { subjects } from './subject.js';
import { pageOfParts, templateText } from './template-text.js';
import type { PersonView, ReportView, SectionRef } from './view-model.js';
import { changesView } from './changes-view.js';
import { citationsPerYearChart } from './charts/footprint-chart.js';
import { connectionsView } from './connections.js';
import { footprintView } from './footprint.js';
import { staleFacts } from './stale-facts.js';
import { optionalText, staleAsOf, staleMarkedModels, staleMarkedPerson, staleWarnings } from './stale-marks.js';
import type { Subject } from './subject.js';
import type { ChangeMarks } from './changes-view.js';
import type { ChangesView } from './view-model.js';
import { diffFacts } from '../edition/diff-facts.js';
import { editionFacts, personKey } from '../edition/edition-facts.js';
import type { FactsDocument } from '../edition/facts-schema.js';

export interface DerivedReport {
  readonly view: ReportView;
  /** Only the charts of the sections the spec includes. */
  readonly charts: readonly ChartSpec[];
  /** Texts shown in another language than the report's, named by person and field. */
  readonly warnings: readonly string[];
}

const sectionKeys: Record<SectionName, string> = {
  cover: 'section.cover',
  'at-a-glance': 'section.at-a-glance',
  timeline: 'section.timeline',
  education: 'section.education',
  papers: 'section.papers',
  models: 'section.models',
  'balance-points': 'section.balance-points',
  connections: 'section.connections',
  sources: 'section.sources',
};

export interface DeriveExtras {
  /** The facts of an earlier edition: the report gains "what changed since" it, and marks new and changed items. */
  readonly since?: FactsDocument;
  /**
   * The people were named on the command line, not by a spec: the report is titled after them,
   * in the report's language and as its reader reads their names ("曾妍和罗福莉对比").
   */
  readonly titleFromPeople?: boolean;
}

/**
 * Profiles and the spec to what the templates show and which charts to draw, in the report's
 * language. Pure and deterministic: the build date comes from the spec, nothing reads the clock,
 * inputs are not mutated, and the same inputs give deep-equal outputs. `locale` carries a
 * template folder's message overrides; without it, the built-in messages of `spec.language`.
 */

export function deriveReport(
  spec: ReportSpec,
  written: readonly LocalisedProfile[],
  locale: Locale = builtInLocale(isLanguage(spec.language) ? spec.language : 'en'),
  extras: DeriveExtras = {},
): DerivedReport {
  const { profiles, warnings } = localiseProfiles(written, locale);
  const people = subjects(profiles, locale);
  const sources = new SourceIndex(profiles, (n) => locale.t('sources.citeLabel', { n: locale.number(n) }));
  const ids = new Set<string>();
  const views = people.map((p) => personView(p, sources, ids, locale));
  const include = new Set(spec.sections);
  const title = extras.titleFromPeople
    ? comparisonTitle(
        locale,
        people.map((p) => p.name),
      )
    : spec.title;

  const inLocale = chartsIn(locale);
  const { timeline, perYear, venues, metrics, themes, themeCharts } = sectionCharts(people, written, spec, locale);
  const footprint = footprintView(people, views, sources, locale);
  const citations = footprint ? inLocale(citationsPerYearChart(people, locale)) : undefined;
  // What connects the people is about two or more of them; a one-person report leaves it out, and says so.
  if (include.has('connections') && people.length < 2) {
    include.delete('connections');
    warnings.push('the connections section needs two or more people, so this one-person report leaves it out');
  }
  const connections = people.length >= 2 ? connectionsView(people, sources, locale, spec.buildDate) : undefined;
  const stale = spec.maxAge ? staleFacts(profiles, spec.buildDate, spec.maxAge) : [];
  warnings.push(...staleWarnings(stale, profiles, spec));
  const asOf = staleAsOf(stale, locale);

  const charts: ChartSpec[] = [
    ...(include.has('timeline') ? [timeline.spec] : []),
    ...(include.has('papers') ? [perYear, venues, ...(citations ? [citations] : [])] : []),
    ...(include.has('models') ? metrics.charts : []),
    ...(include.has('balance-points') ? themeCharts : []),
  ];

  const changed = extras.since ? sinceView(extras.since, spec, written, views, sources, locale) : undefined;
  const sections = sectionRefs(
    spec.sections.filter((name) => include.has(name)),
    title,
    locale,
    changed?.title,
  );
  const marks = changed?.marks;

  const buildDate = locale.longDate(spec.buildDate);
  const peopleNames = locale.list(views.map((v) => locale.user(v.name)));
  const counts = coverCounts(people, sources, locale);
  const view: ReportView = {
    lang: locale.language,
    dir: locale.dir,
    text: templateText(locale, { buildDate, author: spec.author, counts, peopleNames }),
    pageOf: pageOfParts(locale),
    title,
    ...(spec.subtitle ? { subtitle: spec.subtitle } : {}),
    author: spec.author,
    subject: spec.subject ?? spec.subtitle ?? title,
    keywords: spec.keywords.join(locale.t('list.comma')),
    buildDate,
    buildDateIso: spec.buildDate,
    page: spec.page,
    people: views.map((v) => staleMarkedPerson(v, asOf)),
    manyPeople: views.length > 4,
    peopleNames,
    sections,
    glance: glanceView(people, views, sources, locale, asOf),
    timeline: {
      chart: chartView(timeline.spec),
      undated: timeline.undated,
      ...(include.has('connections') && connections?.sharedInstitutions
        ? { shared: connections.sharedInstitutions }
        : {}),
    },
    education: educationBlocks(people, views, sources, locale, marks),
    papers: {
      charts: [chartView(perYear), chartView(venues)],
      ...(footprint && citations
        ? {
            footprint: {
              ...footprint,
              chart: chartView(citations),
              rows: footprint.rows.map((r) => ({ ...r, ...optionalText('stale', asOf(r.person.index, 'impact')) })),
            },
          }
        : {}),
      people: paperBlocks(people, views, sources, locale, marks),
    },
    models: {
      charts: metrics.charts.map((c) => chartView(c)),
      ...(metrics.note ? { chartNote: metrics.note } : {}),
      people: staleMarkedModels(modelBlocks(people, views, sources, locale, marks), people, asOf),
    },
    balance: balanceViews(themes, themeCharts, views, sources, locale),
    sources: sourceViews(sources, views, locale),
    portraitCredits: portraitCredits(people, sources, locale),
    counts,
    ...(changed ? { changes: changed.view } : {}),
    ...(connections && include.has('connections') ? { connections } : {}),
  };
  return { view, charts, warnings };
}

/** The changes since an earlier edition, as the section shows them and the marks elsewhere. */
function sinceView(
  since: FactsDocument,
  spec: ReportSpec,
  written: readonly LocalisedProfile[],
  views: readonly PersonView[],
  sources: SourceIndex,
  locale: Locale,
): { title: string; view: ChangesView; marks: ChangeMarks } {
  const date = locale.longDate(since.buildDate);
  const changes = diffFacts(since, editionFacts(spec, written), locale);
  const personIndex = new Map(written.map((p, i) => [personKey(p.person.name), i]));
  const { view, marks } = changesView(changes, date, views, personIndex, sources, locale);
  return { title: locale.t('changes.title', { date }), view, marks };
}

/** The report's sections in order, the changes since the last edition (if asked for) after the at-a-glance. */
function sectionRefs(
  names: readonly SectionName[],
  title: string,
  locale: Locale,
  changesTitle: string | undefined,
): SectionRef[] {
  const sections: SectionRef[] = names.map((name) => ({
    name,
    partial: name,
    id: `section-${name}`,
    title: name === 'cover' ? title : locale.t(sectionKeys[name]),
  }));
  if (changesTitle !== undefined) {
    // Right after the at-a-glance (or the cover), where a reader of the new edition looks first.
    const after = Math.max(
      sections.findIndex((s) => s.name === 'at-a-glance'),
      sections.findIndex((s) => s.name === 'cover'),
    );
    sections.splice(after + 1, 0, { name: 'changes', partial: 'changes', id: 'section-changes', title: changesTitle });
  }
  return sections;
}

/**
 * Every chart is in the report's language: it picks the glyph forms of its Han text, and its
 * axes write numbers the way the page does.
 */
function chartsIn(locale: Locale): (chart: ChartSpec) => ChartSpec {
  return (chart) => ({ ...chart, lang: locale.language, numbers: locale.numberStyle });
}

/** The charts of the timeline, papers, models and balance sections, in the report's language. */
function sectionCharts(
  people: readonly Subject[],
  written: readonly LocalisedProfile[],
  spec: ReportSpec,
  locale: Locale,
) {
  const inLocale = chartsIn(locale);
  const timelineDrawn = timelineChart(people, spec.buildDate, locale);
  const metricsDrawn = metricCharts(people, locale);
  const themes = balanceThemes(
    people,
    written.map((p) => p.balance),
  );
  return {
    timeline: { ...timelineDrawn, spec: inLocale(timelineDrawn.spec) },
    perYear: inLocale(papersPerYearChart(people, locale)),
    venues: inLocale(papersByVenueChart(people, locale)),
    metrics: { ...metricsDrawn, charts: metricsDrawn.charts.map(inLocale) },
    themes,
    themeCharts: themes.map((theme) => inLocale(balanceChart(theme, locale))),
  };
}

/** "2 people, 9 papers, 6 models, 11 sources", for the cover. */
function coverCounts(people: readonly Subject[], sources: SourceIndex, locale: Locale): string {
  const totalPapers = people.reduce((n, p) => n + p.profile.papers.length, 0);
  const totalModels = people.reduce((n, p) => n + p.profile.models.length, 0);
  return [
    locale.count('count.people', people.length),
    locale.count('count.papers', totalPapers),
    locale.count('count.models', totalModels),
    locale.count('count.sources', sources.list().length),
  ].join(locale.t('list.comma'));
}
