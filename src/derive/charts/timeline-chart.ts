import { limits } from '../../limits.js';
import { axis, baseOptions, fullWidth } from '../chart-spec.js';
import type { ChartSpec, Json } from '../chart-spec.js';
import { dateToYear, formatDate, formatPeriod, listText, plural, truncate } from '../format.js';
import { neutral } from '../palette.js';
import type { Subject } from '../subject.js';
import { careerRows, maxTimelineRows } from './timeline-rows.js';
import type { Span } from './timeline-rows.js';

type Dataset = { [key: string]: Json | undefined };

interface Mark {
  readonly x: number;
  readonly label: string;
}

interface Row {
  readonly label: readonly [string, string];
  readonly person: Subject;
  readonly spans: readonly Span[];
  readonly marks: readonly { readonly kind: 'paper' | 'release'; readonly items: readonly Mark[] }[];
}

/** Past this many papers per person, papers are drawn as one mark per year with a count. */
const paperMarksPerPerson = Math.floor(limits.chartPoints / limits.people);

/**
 * Everyone on one time axis: roles as spans, papers and releases as marks. The chart always fits
 * one page: with few people and roles, one row per role; otherwise roles are packed into lanes
 * and papers and releases share one row per person. Whatever is not drawn is said in the note,
 * and the table after the chart lists every entry.
 */
export function timelineChart(people: readonly Subject[], buildDate: string): { spec: ChartSpec; undated: string[] } {
  const now = dateToYear(buildDate);
  const detailedRows = people.reduce((n, p) => n + p.profile.career.filter((c) => c.start).length + (p.profile.papers.length ? 1 : 0) + (p.profile.models.some((m) => m.released) ? 1 : 0), 0);
  const detailed = detailedRows <= maxTimelineRows;
  const careerBudget = Math.max(1, Math.floor(maxTimelineRows / people.length) - 1);

  const rows: Row[] = [];
  const tableRows: string[][] = [];
  const undated: string[] = [];
  const notes: string[] = [];
  let hiddenRoles = 0;
  let aggregated = false;

  for (const person of people) {
    const { profile, name } = person;
    for (const c of profile.career) {
      const what = [c.title, c.organisation].filter(Boolean).join(', ');
      tableRows.push([name, 'Role', what, formatPeriod(c.start, c.end)]);
      if (!c.start) undated.push(`${what} (${name})`);
    }
    for (const p of profile.papers) tableRows.push([name, 'Paper', p.shortName ? `${p.shortName}: ${p.title}` : p.title, p.date ? formatDate(p.date) : String(p.year)]);
    for (const m of profile.models) tableRows.push([name, m.kind === 'model' ? 'Model' : m.kind === 'product' ? 'Product' : 'System', m.name, m.released ? formatDate(m.released) : 'date not given']);

    const career = careerRows(name, profile.career, now, careerBudget, detailed);
    hiddenRoles += career.hidden;
    for (const row of career.rows) rows.push({ label: row.label, person, spans: row.spans, marks: [] });

    const papers = profile.papers.map((p) => ({ x: p.date ? dateToYear(p.date) : p.year + 0.5, year: p.year, label: p.shortName ?? truncate(p.title, 18) }));
    if (papers.length > paperMarksPerPerson) aggregated = true;
    const paperMarks = papers.length > paperMarksPerPerson ? perYear(papers) : papers.length > 12 || !detailed ? papers.map((p) => ({ x: p.x, label: '' })) : papers;
    const releases = profile.models.filter((m) => m.released).map((m) => ({ x: dateToYear(m.released!), label: detailed ? m.name : '' }));
    if (detailed) {
      if (paperMarks.length) rows.push({ label: [name, 'papers'], person, spans: [], marks: [{ kind: 'paper', items: paperMarks }] });
      if (releases.length) rows.push({ label: [name, 'releases'], person, spans: [], marks: [{ kind: 'release', items: releases }] });
    } else if (paperMarks.length || releases.length) {
      rows.push({ label: [name, 'papers and releases'], person, spans: [], marks: [{ kind: 'paper', items: paperMarks }, { kind: 'release', items: releases }] });
    }
  }

  const datasets: Dataset[] = [];
  for (const person of people) {
    const { style, name } = person;
    const widest = Math.max(0, ...rows.filter((r) => r.person === person).map((r) => r.spans.length));
    // One dataset per span position, so a packed lane can hold several bars on one row.
    for (let k = 0; k < widest; k++) {
      const span = (row: Row): Span | undefined => (row.person === person ? row.spans[k] : undefined);
      datasets.push({
        type: 'bar',
        label: k === 0 ? name : `${name} (${k + 1})`,
        data: rows.map((row) => {
          const s = span(row);
          return s ? [round(s.start), round(s.end)] : null;
        }),
        backgroundColor: style.fill === 'solid' ? style.colour : style.tint,
        borderColor: style.colour,
        borderWidth: style.fill === 'solid' ? 0 : 2,
        borderSkipped: false,
        grouped: false,
        barThickness: 14,
        directLabels: rows.map((row) => span(row)?.label ?? null),
        directLabelPosition: detailed ? 'after' : 'inside',
        directLabelColor: neutral.muted,
        directLabelInsideColor: style.fill === 'solid' ? '#ffffff' : style.colour,
      });
    }
    for (const kind of ['paper', 'release'] as const) {
      const placed = rows.flatMap((row, index) => (row.person === person ? row.marks.filter((m) => m.kind === kind).flatMap((m) => m.items.map((item) => ({ item, index }))) : []));
      if (placed.length === 0) continue;
      datasets.push({
        type: 'scatter',
        label: `${name} ${kind}s`,
        // Rows have two-line labels, so marks find their row by index on a hidden linear axis
        // laid over the category axis (a category axis would read a number as a data index).
        yAxisID: 'rows',
        data: placed.map(({ item, index }) => ({ x: round(item.x), y: index })),
        pointStyle: kind === 'paper' ? 'circle' : 'rectRot',
        pointRadius: kind === 'paper' ? 5 : 7,
        backgroundColor: style.colour,
        borderColor: '#ffffff',
        borderWidth: 1,
        directLabels: placed.map(({ item }) => item.label),
        directLabelPosition: kind === 'paper' ? 'marks-above' : 'marks-below',
        directLabelColor: neutral.ink,
      });
    }
  }
  const labels = rows.map((r) => [...r.label]);
  let xs = rows.flatMap((r) => [...r.spans.flatMap((s) => [s.start, s.end]), ...r.marks.flatMap((m) => m.items.map((i) => i.x))]);

  if (xs.length === 0) xs = [now - 1, now];
  const lo = Math.floor(Math.min(...xs));
  const hi = Math.max(Math.ceil(Math.max(...xs)), lo + 1);
  if (!detailed) notes.push('Roles are packed into as few rows per person as their overlaps allow; papers and releases share one row per person.');
  if (hiddenRoles > 0) notes.push(`${plural(hiddenRoles, 'overlapping role is', 'overlapping roles are')} not drawn, to keep the chart on one page; every role is in the table.`);
  if (aggregated) notes.push(`Where a person has more than ${paperMarksPerPerson} papers, they are drawn as one mark per year, labelled with the count.`);
  if (undated.length > 0) notes.push(`Not drawn, as the sources give no dates: ${listText(undated)}.`);

  return {
    undated,
    spec: {
      id: 'timeline',
      title: 'Career timeline',
      alt: `Career timeline from ${lo} to ${hi}. ${people
        .map((p) => `${p.name}: ${plural(p.profile.career.length, 'role')}, ${plural(p.profile.papers.length, 'paper')}, ${plural(p.profile.models.length, 'model or system', 'models and systems')}`)
        .join('; ')}. Roles are bars, papers circles and releases diamonds; the table after the chart lists every entry.`,
      ...(notes.length ? { note: notes.join(' ') } : {}),
      width: fullWidth,
      // Compact rows are lower, so that a full chart and its section heading share a page.
      height: 60 + labels.length * (detailed ? 36 : 32),
      config: {
        type: 'bar',
        data: { labels, datasets },
        options: baseOptions({
          indexAxis: 'y',
          scales: {
            x: axis({ type: 'linear', min: lo, max: hi, ticks: { stepSize: hi - lo > 14 ? 2 : 1, precision: 0, format: { useGrouping: false }, color: neutral.ink, font: { size: 12 } } }),
            y: axis({ type: 'category', grid: { display: false }, ticks: { color: neutral.ink, font: { size: 11 }, autoSkip: false } }),
            rows: { type: 'linear', axis: 'y', display: false, offset: false, min: -0.5, max: labels.length - 0.5, reverse: true },
          },
        }),
      },
      table: { caption: 'Every role, paper and release on the timeline', headers: ['Person', 'Kind', 'What', 'When'], rows: tableRows },
    },
  };
}

function perYear(papers: readonly { year: number }[]): Mark[] {
  const counts = new Map<number, number>();
  for (const p of papers) counts.set(p.year, (counts.get(p.year) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ x: year + 0.5, label: String(count) }));
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
