import { axis, baseOptions, fullWidth } from '../chart-spec.js';
import type { ChartSpec, Json } from '../chart-spec.js';
import type { Locale } from '../../i18n/locale.js';
import { dateToYear } from '../format.js';
import { neutral } from '../palette.js';
import type { Subject } from '../subject.js';
import { chartText, textWidth } from './chart-text.js';
import { markRadius } from './mark-labels.js';
import type { Cluster, Scale } from './mark-labels.js';
import { clipSpans, oneRowPerRoleFits, paperMarksPerPerson, placeRowMarks, timelineRows } from './timeline-layout.js';
import type { Kind, PlacedRow, Row } from './timeline-layout.js';
import type { Span } from './timeline-rows.js';
import { timeWindow } from './time-window.js';
import { emptyTimeline, timelineAlt, timelineEntries, timelineNote, timelineTable } from './timeline-entries.js';

type Dataset = { [key: string]: Json | undefined };

/**
 * Everyone on one time axis: roles as spans, papers and releases as marks. The chart always fits
 * one page: with few people and roles, one row per role; otherwise roles are packed into lanes
 * and papers and releases share one row per person. Marks that would hide one another become one
 * mark with a count; labels never overlap, and whatever has no label, lies outside the axis or is
 * not drawn is said in the note. The table after the chart lists every entry.
 */
export function timelineChart(
  people: readonly Subject[],
  buildDate: string,
  locale: Locale,
): { spec: ChartSpec; undated: string[] } {
  const detailed = oneRowPerRoleFits(people);
  const aggregated = people.some((p) => p.profile.papers.length > paperMarksPerPerson);
  const entries = timelineEntries(people, locale);
  const { undated } = entries;
  const { rows, hiddenRoles } = timelineRows(people, dateToYear(buildDate), detailed, locale);

  const xs = rows.flatMap((r) => [
    ...r.spans.flatMap((s) => [s.start, s.end]),
    ...r.marks.flatMap((m) => m.items.map((i) => i.x)),
  ]);
  if (xs.length === 0) return { undated, spec: emptyTimeline(entries, locale) };

  const window = timeWindow(xs);
  const { lo, hi } = window;
  const labels = rows.map((r) => [...r.label]);
  const scale: Scale = {
    lo,
    hi,
    left: 4 + 10 + Math.max(...labels.flat().map((l) => textWidth(l, 11))),
    right: fullWidth - 24,
  };
  const { visible, cut } = clipSpans(rows, scale, locale);
  const { placed, outside, unlabelled } = placeRowMarks(visible, scale, { detailed, aggregated }, locale);
  const datasets = people.flatMap((person) => personDatasets(person, visible, placed, detailed, locale));

  const note = timelineNote(locale, {
    lo,
    hi,
    detailed,
    hiddenRoles,
    aggregatedAbove: aggregated ? paperMarksPerPerson : undefined,
    cut,
    outside,
    unlabelled,
    entries,
  });
  return {
    undated,
    spec: {
      id: 'timeline',
      title: locale.t('chart.timeline.title'),
      alt: timelineAlt(people, lo, hi, locale),
      ...(note ? { note } : {}),
      width: fullWidth,
      // Compact rows are lower, so that a full chart and its section heading share a page.
      height: 60 + labels.length * (detailed ? 36 : 32),
      config: {
        type: 'bar',
        data: { labels, datasets },
        options: baseOptions({ indexAxis: 'y', scales: timelineScales(window, labels.length) }),
      },
      table: timelineTable(entries, locale),
    },
  };
}

/** A person's datasets: one bar dataset per span position, then one for papers and one for releases. */
function personDatasets(
  person: Subject,
  visible: readonly Row[],
  placed: readonly PlacedRow[],
  detailed: boolean,
  locale: Locale,
): Dataset[] {
  const { style, name } = person;
  const datasets: Dataset[] = [];
  const widest = Math.max(0, ...visible.filter((r) => r.person === person).map((r) => r.spans.length));
  // One dataset per span position, so a packed lane can hold several bars on one row.
  for (let k = 0; k < widest; k++) {
    const span = (row: Row): Span | undefined => (row.person === person ? row.spans[k] : undefined);
    datasets.push({
      type: 'bar',
      label: k === 0 ? chartText(name, 40) : `${chartText(name, 40)} (${k + 1})`,
      data: visible.map((row) => {
        const s = span(row);
        return s ? [round(s.start), round(s.end)] : null;
      }),
      backgroundColor: style.fill === 'solid' ? style.colour : style.tint,
      borderColor: style.colour,
      borderWidth: style.fill === 'solid' ? 0 : 2,
      borderSkipped: false,
      grouped: false,
      barThickness: 14,
      directLabels: visible.map((row) => span(row)?.drawn ?? null),
      directLabelPosition: detailed ? 'after' : 'inside',
      directLabelColor: neutral.muted,
      directLabelInsideColor: style.fill === 'solid' ? '#ffffff' : style.colour,
    });
  }
  for (const kind of ['paper', 'release'] as const) {
    const marks = placed.flatMap((row, index) =>
      visible[index]!.person === person
        ? row.filter((m) => m.kind === kind).flatMap((m) => m.clusters.map((c) => ({ c, index })))
        : [],
    );
    if (marks.length === 0) continue;
    const series = locale.t(kind === 'paper' ? 'chart.timeline.papersRow' : 'chart.timeline.releasesRow');
    datasets.push(
      markDataset(locale.t('chart.timeline.series', { name: chartText(name, 40), series }), kind, style.colour, marks),
    );
  }
  return datasets;
}

/** Years across, rows down, and the hidden axis the marks find their row on (see markDataset). */
function timelineScales(window: { lo: number; hi: number; step: number }, rowCount: number): Json {
  return {
    x: axis({
      type: 'linear',
      min: window.lo,
      max: window.hi,
      ticks: { stepSize: window.step, precision: 0, number: 'year', color: neutral.ink, font: { size: 12 } },
    }),
    y: axis({
      type: 'category',
      grid: { display: false },
      ticks: { color: neutral.ink, font: { size: 11 }, autoSkip: false },
    }),
    rows: {
      type: 'linear',
      axis: 'y',
      display: false,
      offset: false,
      min: -0.5,
      max: rowCount - 0.5,
      reverse: true,
    },
  };
}

function markDataset(
  label: string,
  kind: Kind,
  colour: string,
  marks: readonly { c: Cluster; index: number }[],
): Dataset {
  return {
    type: 'scatter',
    label,
    // Rows have two-line labels, so marks find their row by index on a hidden linear axis
    // laid over the category axis (a category axis would read a number as a data index).
    yAxisID: 'rows',
    data: marks.map(({ c, index }) => ({ x: round(c.x), y: index })),
    pointStyle: kind === 'paper' ? 'circle' : 'rectRot',
    pointRadius: marks.map(({ c }) => (kind === 'paper' ? markRadius : 7) + (c.items.length > 1 ? 1.5 : 0)),
    backgroundColor: colour,
    borderColor: '#ffffff',
    borderWidth: 1,
    clip: false,
    directLabels: marks.map(({ c }) => (c.label ? chartText(c.label, 24) : null)),
    directLabelPosition: 'placed',
    directLabelSides: marks.map(({ c }) => c.side),
    directLabelColor: neutral.ink,
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
