import type { Profile } from '../schema/profile-schema.js';
import type { ReportSpec, SectionName } from '../schema/report-schema.js';
import { balanceChart, balanceThemes } from './charts/balance-charts.js';
import { metricCharts } from './charts/metric-charts.js';
import { papersByVenueChart, papersPerYearChart } from './charts/papers-charts.js';
import { timelineChart } from './charts/timeline-chart.js';
import { chartRef } from './chart-spec.js';
import type { ChartSpec } from './chart-spec.js';
import { glanceView, personView } from './derive-people.js';
import { balanceViews, educationBlocks, modelBlocks, paperBlocks, sourceViews } from './derive-sections.js';
import { formatLongDate, listText, plural } from './format.js';
import { SourceIndex } from './source-index.js';
import { subjects } from './subject.js';
import type { ReportView, SectionRef } from './view-model.js';

export interface DerivedReport {
  readonly view: ReportView;
  /** Only the charts of the sections the spec includes. */
  readonly charts: readonly ChartSpec[];
}

const sectionTitles: Record<SectionName, string> = {
  cover: 'Cover',
  'at-a-glance': 'At a glance',
  timeline: 'Timeline',
  education: 'Education',
  papers: 'Papers',
  models: 'Models and their metrics',
  'balance-points': 'Balance points',
  sources: 'Sources',
};

/**
 * Profiles and the spec to what the templates show and which charts to draw. Pure and
 * deterministic: the build date comes from the spec, nothing reads the clock, inputs are not
 * mutated, and the same inputs give deep-equal outputs.
 */
export function deriveReport(spec: ReportSpec, profiles: readonly Profile[]): DerivedReport {
  const people = subjects(profiles);
  const sources = new SourceIndex(profiles);
  const ids = new Set<string>();
  const views = people.map((p) => personView(p, sources, ids));
  const include = new Set(spec.sections);

  const timeline = timelineChart(people, spec.buildDate);
  const perYear = papersPerYearChart(people);
  const venues = papersByVenueChart(people);
  const metrics = metricCharts(people);
  const themes = balanceThemes(people);

  const charts: ChartSpec[] = [
    ...(include.has('timeline') ? [timeline.spec] : []),
    ...(include.has('papers') ? [perYear, venues] : []),
    ...(include.has('models') ? metrics.charts : []),
    ...(include.has('balance-points') ? themes.map(balanceChart) : []),
  ];

  const sections: SectionRef[] = spec.sections.map((name) => ({
    name,
    partial: name,
    id: `section-${name}`,
    title: name === 'cover' ? spec.title : sectionTitles[name],
  }));

  const totalPapers = people.reduce((n, p) => n + p.profile.papers.length, 0);
  const totalModels = people.reduce((n, p) => n + p.profile.models.length, 0);
  const view: ReportView = {
    lang: spec.language,
    title: spec.title,
    ...(spec.subtitle ? { subtitle: spec.subtitle } : {}),
    author: spec.author,
    subject: spec.subject ?? spec.subtitle ?? spec.title,
    keywords: spec.keywords.join(', '),
    buildDate: formatLongDate(spec.buildDate),
    buildDateIso: spec.buildDate,
    page: spec.page,
    people: views,
    manyPeople: views.length > 4,
    peopleNames: listText(views.map((v) => v.name)),
    sections,
    glance: glanceView(people, views, sources),
    timeline: { chart: chartRef(timeline.spec), undated: timeline.undated },
    education: educationBlocks(people, views, sources),
    papers: { charts: [chartRef(perYear), chartRef(venues)], people: paperBlocks(people, views, sources) },
    models: { charts: metrics.charts.map(chartRef), ...(metrics.note ? { chartNote: metrics.note } : {}), people: modelBlocks(people, views, sources) },
    balance: balanceViews(themes, views, sources),
    sources: sourceViews(sources, views),
    counts: `${plural(people.length, 'person', 'people')}, ${plural(totalPapers, 'paper')}, ${plural(totalModels, 'model or system', 'models and systems')}, ${plural(sources.list().length, 'source')}`,
  };
  return { view, charts };
}
