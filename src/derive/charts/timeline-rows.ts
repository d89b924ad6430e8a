import type { Locale } from '../../i18n/locale.js';
import type { CareerEntry } from '../../schema/profile-schema.js';
import { dateToYear } from '../format.js';
import { canvasText, chartText, fit } from './chart-text.js';

/** Rows that fit one printed page at the timeline's row height. */
export const maxTimelineRows = 24;

export interface Span {
  readonly start: number;
  readonly end: number;
  /** What the bar is, for notes: its period (detailed rows) or its title (packed lanes). */
  readonly label: string;
  /** The same as the canvas draws it by the bar: cut to fit, in the report's direction. */
  readonly drawn: string;
}

export interface CareerRow {
  /** Two lines as drawn on the axis: the person, then the role (or "career"). */
  readonly label: readonly [string, string];
  readonly spans: readonly Span[];
}

/**
 * A person's dated roles as timeline rows. With room, one row per role, named on the axis. With
 * many people or roles, roles are packed into as few lanes as their overlaps allow (a career of
 * forty consecutive roles is one lane), each bar labelled with its title where it fits; lanes
 * beyond `budget` are dropped and counted in `hidden`.
 */
export function careerRows(
  name: string,
  career: readonly CareerEntry[],
  now: number,
  budget: number,
  detailed: boolean,
  locale: Locale,
): { rows: CareerRow[]; hidden: number } {
  const person = chartText(name, 28);
  const dated = career
    .filter((c) => c.start)
    .map((c) => {
      const start = dateToYear(c.start!);
      const end = c.end === undefined ? start : c.end === 'present' ? now : dateToYear(c.end);
      return { entry: c, start, end: Math.max(end, start + 0.08) };
    });
  if (detailed) {
    return {
      rows: dated.map(({ entry, start, end }) => {
        const period =
          entry.end === undefined
            ? locale.t('chart.timeline.endNotGiven', { start: locale.date(entry.start!) })
            : locale.period(entry.start, entry.end);
        return {
          label: [person, chartText(entry.title ?? entry.organisation, 40)],
          spans: [{ start, end, label: period, drawn: canvasText(period, locale.dir) }],
        };
      }),
      hidden: 0,
    };
  }
  const lanes: Span[][] = [];
  for (const { entry, start, end } of [...dated].sort((a, b) => a.start - b.start)) {
    const title = fit(entry.title ?? entry.organisation, 28);
    const span = { start, end, label: title, drawn: chartText(title, 40) };
    const lane = lanes.find((l) => l.at(-1)!.end <= start + 1e-6);
    if (lane) lane.push(span);
    else lanes.push([span]);
  }
  const kept = lanes.slice(0, Math.max(1, budget));
  const hidden = lanes.slice(kept.length).reduce((n, lane) => n + lane.length, 0);
  const lane = (i: number): string =>
    canvasText(
      i === 0
        ? locale.t('chart.timeline.careerRow')
        : locale.t('chart.timeline.careerRowN', { n: locale.number(i + 1) }),
      locale.dir,
    );
  return { rows: kept.map((spans, i) => ({ label: [person, lane(i)], spans })), hidden };
}
