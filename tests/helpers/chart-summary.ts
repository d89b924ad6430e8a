import type { ChartSpec, Json } from '../../src/derive/chart-spec.js';

type Options = { readonly [key: string]: Json | undefined };

/**
 * What a golden file keeps of a chart: what the reader is told (title, alt text, note, table),
 * what is drawn (type, category labels, each dataset's values, marks and direct labels) and the
 * axis settings that change the picture (range, direction, stacking, how ticks are numbered).
 * Colours of the grid, font sizes and padding are left out: they are the same for every chart
 * and would only multiply the lines a reviewer has to read.
 */
function chartSummary(chart: ChartSpec): Record<string, unknown> {
  const { config } = chart;
  const options = config.options;
  const plugins = (options.plugins ?? {}) as Options;
  const legend = (plugins.legend ?? {}) as Options;
  return defined({
    id: chart.id,
    title: chart.title,
    alt: chart.alt,
    note: chart.note,
    empty: chart.empty,
    size: `${chart.width}×${chart.height}`,
    lang: chart.lang,
    numbers: chart.numbers,
    type: config.type,
    indexAxis: options.indexAxis,
    legend: legend.display ? (legend.position ?? 'shown') : 'hidden',
    // The room kept beside the plot for direct labels, which grows with the longest label.
    padding: (options.layout as Options | undefined)?.padding,
    labels: (config.data.labels ?? []).map((label) => (typeof label === 'string' ? label : label.join(' / '))),
    datasets: config.data.datasets.map(datasetSummary),
    scales: Object.fromEntries(
      Object.entries((options.scales ?? {}) as Record<string, Options>).map(([name, scale]) => [
        name,
        scaleSummary(scale),
      ]),
    ),
    table: { caption: chart.table.caption, headers: chart.table.headers, rows: chart.table.rows },
  });
}

function datasetSummary(dataset: Options): Record<string, unknown> {
  const data = (dataset.data ?? []) as readonly Json[];
  return defined({
    type: dataset.type,
    label: dataset.label,
    axis: dataset.yAxisID,
    stack: dataset.stack,
    order: dataset.order,
    points: data.length,
    drawn: data.filter((point) => point !== null).length,
    marker: dataset.pointStyle,
    radius: dataset.pointRadius,
    style: defined({
      fill: dataset.backgroundColor,
      border: dataset.borderColor,
      borderWidth: dataset.borderWidth,
      barThickness: dataset.barThickness,
      labels: dataset.directLabelColor,
      labelsInside: dataset.directLabelInsideColor,
    }),
    data,
    directLabels: dataset.directLabels,
    directLabelPosition: dataset.directLabelPosition,
    directLabelSides: dataset.directLabelSides,
  });
}

function scaleSummary(scale: Options): Record<string, unknown> {
  const ticks = (scale.ticks ?? {}) as Options;
  const title = (scale.title ?? {}) as Options;
  return defined({
    type: scale.type,
    axis: scale.axis,
    display: scale.display,
    min: scale.min,
    max: scale.max,
    reverse: scale.reverse,
    offset: scale.offset,
    stacked: scale.stacked,
    beginAtZero: scale.beginAtZero,
    grace: scale.grace,
    grid: (scale.grid as Options | undefined)?.display === false ? false : undefined,
    title: title.display ? title.text : undefined,
    ticks: defined({
      number: ticks.number,
      stepSize: ticks.stepSize,
      precision: ticks.precision,
      maxTicksLimit: ticks.maxTicksLimit,
      autoSkip: ticks.autoSkip,
      includeBounds: ticks.includeBounds,
      size: (ticks.font as Options | undefined)?.size,
    }),
  });
}

/** The entries that are set: a setting a chart does not use, or an empty group of them, is left out. */
function defined(value: Record<string, unknown>): Record<string, unknown> {
  const empty = (v: unknown): boolean =>
    v === undefined || (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
  return Object.fromEntries(Object.entries(value).filter(([, v]) => !empty(v)));
}

/**
 * JSON for a golden file: objects one key a line, anything short (an axis's ticks, a dataset's
 * colours) on one line, and a dataset's values on one line however many, so a chart reads as a page
 * rather than a column of brackets. Long lists of text (labels, table rows) keep one item a line,
 * so that a changed label shows as one changed line.
 */
export function goldenJson(value: unknown, indent = ''): string {
  if (oneLine(value).length <= 140 || isValues(value)) return oneLine(value);
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + goldenJson(v, inner)).join(',\n')}\n${indent}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${goldenJson(v, inner)}`);
    return `{\n${entries.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([k, v]) => `${JSON.stringify(k)}: ${oneLine(v)}`)
      .join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** A dataset's values: numbers, gaps, [from, to] pairs or {x, y} points. */
function isValues(value: unknown): boolean {
  const scalar = (v: unknown): boolean => v === null || typeof v === 'number';
  const point = (v: unknown): boolean =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x !== 'object');
  return Array.isArray(value) && value.every((v) => scalar(v) || point(v) || (Array.isArray(v) && v.every(scalar)));
}

/** A report's charts as one golden file. */
export function chartsGolden(charts: readonly ChartSpec[]): string {
  return `${goldenJson(charts.map(chartSummary))}\n`;
}
