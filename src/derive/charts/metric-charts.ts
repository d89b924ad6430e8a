import type { Metric, Model } from '../../schema/profile-schema.js';
import { axis, baseOptions, halfWidth, labelWidth, wrapLabel } from '../chart-spec.js';
import type { ChartConfig, ChartSpec } from '../chart-spec.js';
import { formatQuantity, slug } from '../format.js';
import { neutral } from '../palette.js';
import type { Subject } from '../subject.js';
import { fit, tickFormat } from './chart-text.js';

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
export function metricCharts(people: readonly Subject[]): { charts: ChartSpec[]; note?: string } {
  const entries: Entry[] = people.flatMap((person) => person.profile.models.flatMap((model) => model.metrics.map((metric) => ({ person, model, metric }))));
  const charts: ChartSpec[] = [];
  for (const e of entries) {
    if (e.metric.baseline) charts.push(baselineChart(e, charts.length));
  }
  const groups = new Map<string, Entry[]>();
  for (const e of entries) {
    if (e.metric.baseline) continue;
    const key = `${e.metric.label.toLowerCase()}\u0000${e.metric.unit ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  for (const group of groups.values()) {
    if (new Set(group.map((e) => `${e.person.index}/${e.model.id}`)).size >= 2) charts.push(sharedChart(group, charts.length));
  }
  const compared = charts.length;
  if (compared <= maxCharts) return { charts };
  return {
    charts: charts.slice(0, maxCharts),
    note: `${maxCharts} of ${compared} compared metrics are drawn; every metric is in the tables below.`,
  };
}

function betterText(metric: Metric): string {
  return metric.better ? ` (${metric.better} is better)` : '';
}

function baselineChart({ person, model, metric }: Entry, n: number): ChartSpec {
  const baseline = metric.baseline!;
  const labels = [wrapLabel(model.name, 12), wrapLabel(baseline.name, 12)];
  const values = [metric.value, baseline.value];
  const texts = values.map((v) => formatQuantity(v, metric.unit));
  return {
    id: `metric-${n + 1}-${slug(`${model.id}-${metric.label}`)}`,
    title: `${metric.label}${betterText(metric)}: ${model.name} (${person.name}) against ${baseline.name}`,
    alt: `${metric.label} of ${model.name}: ${texts[0]}, against ${baseline.name}: ${texts[1]}${betterText(metric)}.${metric.claim ? ` As the source puts it: ${metric.claim}.` : ''}`,
    width: halfWidth,
    height: 120,
    config: horizontalBars(labels, {
      label: metric.label,
      data: values,
      backgroundColor: [person.style.colour, '#ffffff'],
      borderColor: [person.style.colour, neutral.baseline],
      borderWidth: [0, 2],
    }, texts),
    table: {
      caption: `${metric.label}${metric.unit ? ` (${metric.unit})` : ''}`,
      headers: ['', 'Value'],
      rows: [
        [model.name, texts[0]!],
        [baseline.name, texts[1]!],
      ],
    },
  };
}

function sharedChart(group: readonly Entry[], n: number): ChartSpec {
  const { metric } = group[0]!;
  const texts = group.map((e) => formatQuantity(e.metric.value, e.metric.unit));
  return {
    id: `metric-${n + 1}-${slug(metric.label)}`,
    title: `${metric.label}${betterText(metric)}`,
    alt: `${metric.label}${betterText(metric)}: ${group.map((e, i) => `${e.model.name} (${e.person.name}) ${texts[i]}`).join(', ')}.`,
    width: halfWidth,
    height: 60 + group.length * 32,
    config: horizontalBars(group.map((e) => wrapLabel(e.model.name, 12)), {
      label: metric.label,
      data: group.map((e) => e.metric.value),
      backgroundColor: group.map((e) => (e.person.style.fill === 'solid' ? e.person.style.colour : e.person.style.tint)),
      borderColor: group.map((e) => e.person.style.colour),
      borderWidth: group.map((e) => (e.person.style.fill === 'solid' ? 0 : 2)),
    }, texts),
    table: {
      caption: `${metric.label}${metric.unit ? ` (${metric.unit})` : ''}`,
      headers: ['Model', 'Person', 'Value'],
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
function horizontalBars(labels: (string | string[])[], bars: Bars, values: string[]): ChartConfig {
  // A label of any length stays inside the chart: the table holds the full text.
  const texts = values.map((t) => fit(t, 24));
  return {
    type: 'bar',
    data: {
      labels,
      datasets: [{ ...bars, borderSkipped: false, barThickness: 22, directLabels: texts, directLabelPosition: 'after', directLabelColor: neutral.ink }],
    },
    options: baseOptions({
      indexAxis: 'y',
      layout: { padding: { top: 4, right: labelWidth(texts), bottom: 0, left: 4 } },
      scales: {
        x: axis({ beginAtZero: true, ticks: { maxTicksLimit: 5, format: tickFormat(bars.data), font: { size: 11 } } }),
        y: axis({ grid: { display: false }, ticks: { font: { size: 11 } } }),
      },
    }),
  };
}
