import { builtInLocale } from '../i18n/locale.js';
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
import { balanceViews, educationBlocks, modelBlocks, paperBlocks, sourceViews } from './derive-sections.js';
import { SourceIndex } from './source-index.js';
import { subjects } from './subject.js';
import { pageOfParts, templateText } from './template-text.js';
import type { ReportView, SectionRef } from './view-model.js';

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
  sources: 'section.sources',
};

/**
 * Profiles and the spec to what the templates show and which charts to draw, in the report's
 * language. Pure and deterministic: the build date comes from the spec, nothing reads the clock,
 * inputs are not mutated, and the same inputs give deep-equal outputs. `locale` carries a
 * template folder's message overrides; without it, the built-in messages of `spec.language`.
 */
export function deriveReport(spec: ReportSpec, written: readonly LocalisedProfile[], locale: Locale = builtInLocale(isLanguage(spec.language) ? spec.language : 'en')): DerivedReport {
  const { profiles, warnings } = localiseProfiles(written, locale);
  const people = subjects(profiles, locale);
  const sources = new SourceIndex(profiles, (n) => locale.t('sources.citeLabel', { n: locale.number(n) }));
  const ids = new Set<string>();
  const views = people.map((p) => personView(p, sources, ids, locale));
  const include = new Set(spec.sections);

  // Every chart is in the report's language: it picks the glyph forms of its Han text, and its
  // axes write numbers the way the page does.
  const inLocale = (chart: ChartSpec): ChartSpec => ({ ...chart, lang: locale.language, numbers: locale.numberStyle });
  const timelineDrawn = timelineChart(people, spec.buildDate, locale);
  const timeline = { ...timelineDrawn, spec: inLocale(timelineDrawn.spec) };
  const perYear = inLocale(papersPerYearChart(people, locale));
  const venues = inLocale(papersByVenueChart(people, locale));
  const metricsDrawn = metricCharts(people, locale);
  const metrics = { ...metricsDrawn, charts: metricsDrawn.charts.map(inLocale) };
  const themes = balanceThemes(people, written.map((p) => p.balance));
  const themeCharts = themes.map((theme) => inLocale(balanceChart(theme, locale)));

  const charts: ChartSpec[] = [
    ...(include.has('timeline') ? [timeline.spec] : []),
    ...(include.has('papers') ? [perYear, venues] : []),
    ...(include.has('models') ? metrics.charts : []),
    ...(include.has('balance-points') ? themeCharts : []),
  ];

  const sections: SectionRef[] = spec.sections.map((name) => ({
    name,
    partial: name,
    id: `section-${name}`,
    title: name === 'cover' ? spec.title : locale.t(sectionKeys[name]),
  }));

  const totalPapers = people.reduce((n, p) => n + p.profile.papers.length, 0);
  const totalModels = people.reduce((n, p) => n + p.profile.models.length, 0);
  const buildDate = locale.longDate(spec.buildDate);
  const peopleNames = locale.list(views.map((v) => locale.user(v.name)));
  const counts = [
    locale.count('count.people', people.length),
    locale.count('count.papers', totalPapers),
    locale.count('count.models', totalModels),
    locale.count('count.sources', sources.list().length),
  ].join(locale.t('list.comma'));
  const view: ReportView = {
    lang: locale.language,
    dir: locale.dir,
    text: templateText(locale, { buildDate, author: spec.author, counts, peopleNames }),
    pageOf: pageOfParts(locale),
    title: spec.title,
    ...(spec.subtitle ? { subtitle: spec.subtitle } : {}),
    author: spec.author,
    subject: spec.subject ?? spec.subtitle ?? spec.title,
    keywords: spec.keywords.join(locale.t('list.comma')),
    buildDate,
    buildDateIso: spec.buildDate,
    page: spec.page,
    people: views,
    manyPeople: views.length > 4,
    peopleNames,
    sections,
    glance: glanceView(people, views, sources, locale),
    timeline: { chart: chartView(timeline.spec, locale), undated: timeline.undated },
    education: educationBlocks(people, views, sources, locale),
    papers: { charts: [chartView(perYear, locale), chartView(venues, locale)], people: paperBlocks(people, views, sources, locale) },
    models: { charts: metrics.charts.map((c) => chartView(c, locale)), ...(metrics.note ? { chartNote: metrics.note } : {}), people: modelBlocks(people, views, sources, locale) },
    balance: balanceViews(themes, themeCharts, views, sources, locale),
    sources: sourceViews(sources, views, locale),
    counts,
  };
  return { view, charts, warnings };
}
