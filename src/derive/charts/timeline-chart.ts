import { limits } from '../../limits.js';
import { axis, baseOptions, fullWidth } from '../chart-spec.js';
import type { ChartSpec, Json } from '../chart-spec.js';
import { dateToYear, formatDate, formatPeriod, listText, plural, truncate } from '../format.js';
import { neutral } from '../palette.js';
import type { Subject } from '../subject.js';

interface Row {
  /** Two lines: the person, then the role (or papers / releases). */
  readonly label: readonly [string, string];
  readonly person: number;
}

interface Mark {
  readonly x: number;
  readonly label: string;
}

/**
 * Every person on one time axis: roles as spans, papers and model releases as marks on a row of
 * their own. Roles without dates cannot be placed and are named in a note instead. Rows are
 * capped so eight people still fit a page; the table keeps everything.
 */
export function timelineChart(people: readonly Subject[], buildDate: string): { spec: ChartSpec; undated: string[] } {
  const now = dateToYear(buildDate);
  const rows: Row[] = [];
  const spans = new Map<number, (readonly [number, number] | null)[]>();
  const spanLabels = new Map<number, (string | null)[]>();
  const marks: { person: number; row: number; kind: 'paper' | 'model'; items: Mark[] }[] = [];
  const undated: string[] = [];
  const tableRows: string[][] = [];
  const careerRowsEach = Math.max(3, Math.floor(40 / people.length) - 2);
  let hidden = 0;
  let aggregated = false;
  let min = Infinity;
  let max = -Infinity;
  const see = (x: number): void => {
    min = Math.min(min, x);
    max = Math.max(max, x);
  };

  for (const person of people) {
    const { profile, name, index } = person;
    const dated = profile.career.filter((c) => c.start);
    for (const c of profile.career) {
      const what = [c.title, c.organisation].filter(Boolean).join(', ');
      tableRows.push([name, 'Role', what, formatPeriod(c.start, c.end)]);
      if (!c.start) undated.push(`${what} (${name})`);
    }
    const shown = dated.slice(-careerRowsEach);
    hidden += dated.length - shown.length;
    for (const c of shown) {
      const start = dateToYear(c.start!);
      const end = c.end === undefined ? start : c.end === 'present' ? now : dateToYear(c.end);
      see(start);
      see(end);
      rows.push({ label: [name, truncate(c.title ?? c.organisation, 40)], person: index });
      const at = rows.length - 1;
      setAt(spans, index, at, [start, Math.max(end, start + 0.08)]);
      setAt(spanLabels, index, at, c.end === undefined ? `${formatDate(c.start!)}, end not given` : formatPeriod(c.start, c.end));
    }
    const papers = aggregateByYear(
      profile.papers.map((p) => ({ x: p.date ? dateToYear(p.date) : p.year + 0.5, year: p.year, label: p.shortName ?? truncate(p.title, 18) })),
    );
    for (const p of profile.papers) tableRows.push([name, 'Paper', p.shortName ? `${p.shortName}: ${p.title}` : p.title, p.date ? formatDate(p.date) : String(p.year)]);
    if (papers.length < profile.papers.length) aggregated = true;
    if (papers.length > 0) {
      rows.push({ label: [name, 'papers'], person: index });
      marks.push({ person: index, row: rows.length - 1, kind: 'paper', items: papers });
      papers.forEach((m) => see(m.x));
    }
    const models = profile.models.filter((m) => m.released).map((m) => ({ x: dateToYear(m.released!), label: m.name }));
    for (const m of profile.models) tableRows.push([name, m.kind === 'model' ? 'Model' : m.kind === 'product' ? 'Product' : 'System', m.name, m.released ? formatDate(m.released) : 'date not given']);
    if (models.length > 0) {
      rows.push({ label: [name, 'releases'], person: index });
      marks.push({ person: index, row: rows.length - 1, kind: 'model', items: models });
      models.forEach((m) => see(m.x));
    }
  }
  if (!Number.isFinite(min)) [min, max] = [now - 1, now];
  const labels = rows.map((r) => r.label);

  const datasets: { [key: string]: Json | undefined }[] = [];
  for (const person of people) {
    const data = labels.map((_, i) => spans.get(person.index)?.[i] ?? null);
    if (data.every((d) => d === null)) continue;
    datasets.push({
      type: 'bar',
      label: person.name,
      data: data.map((d) => (d ? [round(d[0]), round(d[1])] : null)),
      backgroundColor: person.style.fill === 'solid' ? person.style.colour : person.style.tint,
      borderColor: person.style.colour,
      borderWidth: person.style.fill === 'solid' ? 0 : 2,
      borderSkipped: false,
      grouped: false,
      barThickness: 14,
      directLabels: labels.map((_, i) => spanLabels.get(person.index)?.[i] ?? null),
      directLabelPosition: 'after',
      directLabelColor: neutral.muted,
      directLabelInsideColor: person.style.fill === 'solid' ? '#ffffff' : person.style.colour,
    });
  }
  for (const m of marks) {
    const style = people[m.person]!.style;
    datasets.push({
      type: 'scatter',
      label: `${people[m.person]!.name} ${m.kind}s`,
      // Rows have two-line labels, so marks find their row by index on a hidden linear axis
      // laid over the category axis (a category axis would read a number as a data index).
      yAxisID: 'rows',
      data: m.items.map((item) => ({ x: round(item.x), y: m.row })),
      pointStyle: m.kind === 'paper' ? 'circle' : 'rectRot',
      pointRadius: m.kind === 'paper' ? 5 : 7,
      backgroundColor: style.colour,
      borderColor: '#ffffff',
      borderWidth: 1,
      directLabels: m.items.map((item) => item.label),
      directLabelPosition: m.kind === 'paper' ? 'marks-above' : 'marks-below',
      directLabelColor: neutral.ink,
    });
  }

  const lo = Math.floor(min);
  const hi = Math.max(Math.ceil(max), lo + 1);
  const alt = `Career timeline from ${lo} to ${hi}. ${people
    .map((p) => `${p.name}: ${plural(p.profile.career.length, 'role')}, ${plural(p.profile.papers.length, 'paper')}, ${plural(p.profile.models.length, 'model or system', 'models and systems')}`)
    .join('; ')}. Roles are bars, papers circles and releases diamonds; the table after the chart lists every entry.`;
  const notes: string[] = [];
  if (hidden > 0) notes.push(`The chart shows each person's ${careerRowsEach} most recent roles; ${plural(hidden, 'earlier role is', 'earlier roles are')} in the table.`);
  if (aggregated) notes.push(`Where a person has more than ${perPersonPaperMarks} papers, they are drawn as one mark per year, labelled with the count.`);
  if (undated.length > 0) notes.push(`Not drawn, as the sources give no dates: ${listText(undated)}.`);

  return {
    undated,
    spec: {
      id: 'timeline',
      title: 'Career timeline',
      alt,
      ...(notes.length ? { note: notes.join(' ') } : {}),
      width: fullWidth,
      height: 60 + rows.length * 40,
      config: {
        type: 'bar',
        data: { labels, datasets },
        options: baseOptions({
          indexAxis: 'y',
          scales: {
            x: axis({ type: 'linear', min: lo, max: hi, ticks: { stepSize: 1, precision: 0, format: { useGrouping: false }, color: neutral.ink, font: { size: 12 } } }),
            y: axis({ type: 'category', grid: { display: false }, ticks: { color: neutral.ink, font: { size: 11 }, autoSkip: false } }),
            rows: { type: 'linear', axis: 'y', display: false, offset: false, min: -0.5, max: rows.length - 0.5, reverse: true },
          },
        }),
      },
      table: { caption: 'Every role, paper and release on the timeline', headers: ['Person', 'Kind', 'What', 'When'], rows: tableRows },
    },
  };
}

/** Past a few dozen papers a year, one mark per year with a count reads better than a smear. */
const perPersonPaperMarks = Math.floor(limits.chartPoints / limits.people);

function aggregateByYear(papers: { x: number; year: number; label: string }[]): Mark[] {
  if (papers.length <= perPersonPaperMarks) return papers.length > 12 ? papers.map((p) => ({ x: p.x, label: '' })) : papers;
  const byYear = new Map<number, number>();
  for (const p of papers) byYear.set(p.year, (byYear.get(p.year) ?? 0) + 1);
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, count]) => ({ x: year + 0.5, label: `${count}` }));
}

function setAt<T>(map: Map<number, (T | null)[]>, person: number, index: number, value: T): void {
  const list = map.get(person) ?? [];
  list[index] = value;
  map.set(person, list);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
