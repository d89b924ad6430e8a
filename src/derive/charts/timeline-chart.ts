import { limits } from '../../limits.js';
import { axis, baseOptions, fullWidth } from '../chart-spec.js';
import type { ChartSpec, Json } from '../chart-spec.js';
import type { Locale } from '../../i18n/locale.js';
import { dateToYear } from '../format.js';
import { neutral } from '../palette.js';
import type { Subject } from '../subject.js';
import { canvasText, chartText, fit, textWidth } from './chart-text.js';
import { LabelGaps, markRadius, placeMarks } from './mark-labels.js';
import type { Cluster, MarkItem, Scale } from './mark-labels.js';
import { careerRows, maxTimelineRows } from './timeline-rows.js';
import type { Span } from './timeline-rows.js';
import { timeWindow } from './time-window.js';
import { emptyTimeline, timelineAlt, timelineEntries, timelineNote, timelineTable } from './timeline-entries.js';

type Dataset = { [key: string]: Json | undefined };
type Kind = 'paper' | 'release';

interface Row {
  readonly label: readonly [string, string];
  readonly person: Subject;
  readonly spans: readonly Span[];
  readonly marks: readonly { readonly kind: Kind; readonly items: readonly MarkItem[] }[];
}

/** Past this many papers per person, papers are drawn as one mark per year with a count. */
const paperMarksPerPerson = Math.min(12, Math.floor(limits.chartPoints / limits.people));
/** The narrowest a role is drawn, in pixels: a role from 2021 to 2021 stays visible. */
const minSpanPixels = 8;

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

/** Whether one row per role (and a row each for papers and releases) fits the page. */
function oneRowPerRoleFits(people: readonly Subject[]): boolean {
  const detailedRows = people.reduce(
    (n, p) =>
      n +
      p.profile.career.filter((c) => c.start).length +
      (p.profile.papers.length ? 1 : 0) +
      (p.profile.models.some((m) => m.released) ? 1 : 0),
    0,
  );
  return detailedRows <= maxTimelineRows;
}

/** The chart's rows, person by person: roles first, then papers and releases. */
function timelineRows(
  people: readonly Subject[],
  now: number,
  detailed: boolean,
  locale: Locale,
): { rows: Row[]; hiddenRoles: number } {
  const careerBudget = Math.max(1, Math.floor(maxTimelineRows / people.length) - 1);
  const rows: Row[] = [];
  let hiddenRoles = 0;
  for (const person of people) {
    const career = careerRows(person.name, person.profile.career, now, careerBudget, detailed, locale);
    hiddenRoles += career.hidden;
    for (const row of career.rows) rows.push({ label: row.label, person, spans: row.spans, marks: [] });
    rows.push(...markRows(person, detailed, locale));
  }
  return { rows, hiddenRoles };
}

/** A person's papers and releases: a row each when detailed, one shared row otherwise. */
function markRows(person: Subject, detailed: boolean, locale: Locale): Row[] {
  const { profile, name } = person;
  const rowName = (key: string): string => canvasText(locale.t(key), locale.dir);
  const many = profile.papers.length > paperMarksPerPerson || !detailed;
  // Many papers: one mark per year (the count is its label); few: one mark each, named.
  const papers = profile.papers.map((p) => ({
    x: many ? p.year + 0.5 : p.date ? dateToYear(p.date) : p.year + 0.5,
    label: p.shortName ?? fit(p.title, 18),
  }));
  const releases = profile.models.filter((m) => m.released).map((m) => ({ x: dateToYear(m.released!), label: m.name }));
  const who = chartText(name, 28);
  const row = (key: string, marks: Row['marks']): Row => ({ label: [who, rowName(key)], person, spans: [], marks });
  if (!detailed) {
    if (!papers.length && !releases.length) return [];
    return [
      row('chart.timeline.papersAndReleasesRow', [
        { kind: 'paper', items: papers },
        { kind: 'release', items: releases },
      ]),
    ];
  }
  return [
    ...(papers.length ? [row('chart.timeline.papersRow', [{ kind: 'paper', items: papers }])] : []),
    ...(releases.length ? [row('chart.timeline.releasesRow', [{ kind: 'release', items: releases }])] : []),
  ];
}

/** "what (name)", as the note lists an entry. */
function itemName(what: string, person: Subject, locale: Locale): string {
  return locale.t('chart.timeline.item', { what: locale.user(what), name: locale.user(person.name) });
}

/** Spans clipped to the window (the clipped ones are named in `cut`), never narrower than a few pixels. */
function clipSpans(rows: readonly Row[], scale: Scale, locale: Locale): { visible: Row[]; cut: string[] } {
  const { lo, hi } = scale;
  const minSpan = ((hi - lo) * minSpanPixels) / (scale.right - scale.left);
  const cut: string[] = [];
  const visible = rows.map((row) => ({
    ...row,
    spans: row.spans.map((s) => {
      let start = Math.max(s.start, lo);
      let end = Math.min(s.end, hi);
      if (start !== s.start || end !== s.end) cut.push(itemName(s.label, row.person, locale));
      if (end - start < minSpan) {
        const middle = Math.min(Math.max((start + end) / 2, lo + minSpan / 2), hi - minSpan / 2);
        [start, end] = [middle - minSpan / 2, middle + minSpan / 2];
      }
      return { ...s, start, end };
    }),
  }));
  return { visible, cut };
}

type PlacedRow = { kind: Kind; clusters: Cluster[] }[];

/**
 * Marks merged where they would overlap and labelled where there is room, in order of rows; the
 * marks outside the window and the clusters left without a label are named for the note.
 */
function placeRowMarks(
  visible: readonly Row[],
  scale: Scale,
  { detailed, aggregated }: { detailed: boolean; aggregated: boolean },
  locale: Locale,
): { placed: PlacedRow[]; outside: string[]; unlabelled: string[] } {
  const { lo, hi } = scale;
  const outside: string[] = [];
  const unlabelled: string[] = [];
  const gaps = new LabelGaps(visible.length);
  const placed = visible.map((row, index) =>
    row.marks.map((m) => {
      const inside = m.items.filter((i) => i.x >= lo && i.x <= hi);
      for (const i of m.items.filter((i) => i.x < lo || i.x > hi)) outside.push(itemName(i.label, row.person, locale));
      const counted = m.kind === 'paper' && row.person.profile.papers.length > paperMarksPerPerson;
      const count = (n: number): string =>
        canvasText(
          counted && aggregated
            ? locale.number(n)
            : locale.count(m.kind === 'paper' ? 'count.papers' : 'chart.timeline.releaseCount', n),
          locale.dir,
        );
      const sides: ('above' | 'below')[] = detailed
        ? m.kind === 'paper'
          ? ['above', 'below']
          : ['below', 'above']
        : [m.kind === 'paper' ? 'above' : 'below'];
      const items = counted ? inside.map((i) => ({ ...i, label: locale.number(1) })) : inside;
      const clusters = placeMarks(items, scale, count, sides, index, gaps);
      for (const c of clusters) {
        const what = c.items.map((i) => i.label).join(locale.t('list.comma'));
        if (!c.label)
          unlabelled.push(
            locale.t('chart.timeline.unlabelledItem', {
              what: locale.user(what),
              name: locale.user(row.person.name),
              year: String(Math.floor(c.x)),
            }),
          );
      }
      return { kind: m.kind, clusters };
    }),
  );
  return { placed, outside, unlabelled };
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
