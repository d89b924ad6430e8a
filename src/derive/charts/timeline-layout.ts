import { limits } from '../../limits.js';
import type { Locale } from '../../i18n/locale.js';
import { dateToYear } from '../format.js';
import type { Subject } from '../subject.js';
import { canvasText, chartText, fit } from './chart-text.js';
import { LabelGaps, placeMarks } from './mark-labels.js';
import type { Cluster, MarkItem, Scale } from './mark-labels.js';
import { careerRows, maxTimelineRows } from './timeline-rows.js';
import type { Span } from './timeline-rows.js';

/*
 * The timeline's rows (see timeline-chart.ts): which rows there are (one per role when they fit,
 * else lanes), each person's rows of papers and releases, spans clipped to the time window, and
 * marks placed so that none hides another and no labels overlap.
 */

export type Kind = 'paper' | 'release';

export interface Row {
  readonly label: readonly [string, string];
  readonly person: Subject;
  readonly spans: readonly Span[];
  readonly marks: readonly { readonly kind: Kind; readonly items: readonly MarkItem[] }[];
}

/** Past this many papers per person, papers are drawn as one mark per year with a count. */
export const paperMarksPerPerson = Math.min(12, Math.floor(limits.chartPoints / limits.people));
/** The narrowest a role is drawn, in pixels: a role from 2021 to 2021 stays visible. */
const minSpanPixels = 8;

/** Whether one row per role (and a row each for papers and releases) fits the page. */
export function oneRowPerRoleFits(people: readonly Subject[]): boolean {
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
export function timelineRows(
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
export function clipSpans(rows: readonly Row[], scale: Scale, locale: Locale): { visible: Row[]; cut: string[] } {
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

export type PlacedRow = { kind: Kind; clusters: Cluster[] }[];

/**
 * Marks merged where they would overlap and labelled where there is room, in order of rows; the
 * marks outside the window and the clusters left without a label are named for the note.
 */
export function placeRowMarks(
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
