import type { Metric, Model } from '../../schema/profile-schema.js';
import { axis, baseOptions, halfWidth, labelWidth, wrapLabel } from '../chart-spec.js';
import type { ChartConfig, ChartSpec } from '../chart-spec.js';
import type { Locale } from '../../i18n/locale.js';
import { slug } from '../format.js';
import { neutral } from '../palette.js';
import type { Subject } from '../subject.js';
import { canvasText, fit } from './chart-text.js';

const maxCharts = 12;

interface Entry {
  readonly person: Subject;
  readonly model: Model;
  readonly metric: Metric;
}

/**
 * Headline metrics, one small chart per comparison, never one shared axis: "30% faster" and
 * "71.2% less compute" measure different things. A metric with a baseline is drawn against it
 * (model vs baseline, same unit); metrics without one are drawn only when two or more models
 * report the same label in the same unit, which makes them comparable.
 */
export function metricCharts(people: readonly Subject[], locale: Locale): { charts: ChartSpec[]; note?: string } {
  const entries: Entry[] = people.flatMap((person) =>
    person.profile.models.flatMap((model) => model.metrics.map((metric) => ({ person, model, metric }))),
  );
  const charts: ChartSpec[] = [];
  for (const e of entries) {
    if (e.metric.baseline) charts.push(baselineChart(e, charts.length, locale));
  }
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.metric.baseline) continue;
    const key = `${e.metric.label.toLowerCase()}\u0000${e.metric.unit ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const group of groups.values()) {
    if (new Set(group.map((e) => `${e.person.index}/${e.model.id}`)).size >= 2)
      charts.push(sharedChart(group, charts.length, locale));
  }
  const compared = charts.length;
  if (compared <= maxCharts) return { charts };
  return {
    charts: charts.slice(0, maxCharts),
    note: locale.t('chart.metric.note', {
      shown: locale.number(maxCharts),
      total: locale.number(compared),
      count: compared,
    }),
  };
}

/** The metric's name, and which way is better when the profile says: "Speed (higher is better)". */
function metricName(metric: Metric, locale: Locale): string {
  const label = locale.user(metric.label);
  return metric.better ? locale.t('chart.metric.better', { label, better: metric.better }) : label;
}

/** "Speed (tokens/s)": the table's caption names the unit the values are in. */
function caption(metric: Metric, locale: Locale): string {
  return metric.unit
    ? locale.t('chart.metric.caption', { label: locale.user(metric.label), unit: locale.user(metric.unit) })
    : metric.label;
}

function baselineChart({ person, model, metric }: Entry, n: number, locale: Locale): ChartSpec {
  const baseline = metric.baseline!;
  const labels = [wrapLabel(model.name, 12), wrapLabel(baseline.name, 12)];
  const values = [metric.value, baseline.value];
  const texts = values.map((v) => locale.quantity(v, metric.unit));
  const names = {
    metric: metricName(metric, locale),
    model: locale.user(model.name),
    baseline: locale.user(baseline.name),
  };
  const alt = locale.t('chart.metric.altBaseline', { ...names, value: texts[0]!, baselineValue: texts[1]! });
  return {
    id: `metric-${n + 1}-${slug(`${model.id}-${metric.label}`)}`,
    title: locale.t('chart.metric.titleBaseline', { ...names, name: locale.user(person.name) }),
    alt: metric.claim
      ? `${alt}${locale.t('chart.sentenceGap')}${locale.t('chart.metric.asSourcePutsIt', { claim: locale.user(metric.claim) })}`
      : alt,
    width: halfWidth,
    height: 120,
    config: horizontalBars(
      labels,
      {
        label: metric.label,
        data: values,
        backgroundColor: [person.style.colour, '#ffffff'],
        borderColor: [person.style.colour, neutral.baseline],
        borderWidth: [0, 2],
      },
      texts,
      locale,
    ),
    table: {
      caption: caption(metric, locale),
      headers: ['', locale.t('chart.metric.value')],
      rows: [
        [model.name, texts[0]!],
        [baseline.name, texts[1]!],
      ],
    },
  };
}

function sharedChart(group: readonly Entry[], n: number, locale: Locale): ChartSpec {
  const { metric } = group[0]!;
  const texts = group.map((e) => locale.quantity(e.metric.value, e.metric.unit));
  const values = group.map((e, i) =>
    locale.t('chart.metric.altSharedItem', {
      model: locale.user(e.model.name),
      name: locale.user(e.person.name),
      value: texts[i]!,
    }),
  );
  return {
    id: `metric-${n + 1}-${slug(metric.label)}`,
    title: metricName(metric, locale),
    alt: locale.t('chart.metric.altShared', {
      metric: metricName(metric, locale),
      values: values.join(locale.t('list.comma')),
    }),
    width: halfWidth,
    height: 60 + group.length * 32,
    config: horizontalBars(
      group.map((e) => wrapLabel(e.model.name, 12)),
      {
        label: metric.label,
        data: group.map((e) => e.metric.value),
        backgroundColor: group.map((e) =>
          e.person.style.fill === 'solid' ? e.person.style.colour : e.person.style.tint,
        ),
        borderColor: group.map((e) => e.person.style.colour),
        borderWidth: group.map((e) => (e.person.style.fill === 'solid' ? 0 : 2)),
      },
      texts,
      locale,
    ),
    table: {
      caption: caption(metric, locale),
      headers: [locale.t('chart.metric.model'), locale.t('chart.metric.person'), locale.t('chart.metric.value')],
      rows: group.map((e, i) => [e.model.name, e.person.name, texts[i]!]),
    },
  };
}

interface Bars {
  readonly label: string;
  readonly data: number[];
  readonly backgroundColor: string[];
  readonly borderColor: string[];
  readonly borderWidth: number[];
}

/** One horizontal bar per value, each labelled at its end with its text (e.g. "130 tokens/s"). */
function horizontalBars(labels: (string | string[])[], bars: Bars, values: string[], locale: Locale): ChartConfig {
  // A label of any length stays inside the chart: the table holds the full text.
  const texts = values.map((t) => canvasText(fit(t, 24), locale.dir));
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [
        {
          ...bars,
          borderSkipped: false,
          barThickness: 22,
          directLabels: texts,
          directLabelPosition: 'after',
          directLabelColor: neutral.ink,
        },
      ],
    },
    options: baseOptions({
      indexAxis: 'y',
      layout: { padding: { top: 4, right: labelWidth(texts), bottom: 0, left: 4 } },
      scales: {
        x: axis({ beginAtZero: true, ticks: { maxTicksLimit: 5, number: 'value', font: { size: 11 } } }),
        y: axis({ grid: { display: false }, ticks: { font: { size: 11 } } }),
      },
    }),
  };
}
