import type { CareerEntry } from '../../schema/profile-schema.js';
import { dateToYear, formatDate, formatPeriod, truncate } from '../format.js';

/** Rows that fit one printed page at the timeline's row height. */
export const maxTimelineRows = 24;

export interface Span {
  readonly start: number;
  readonly end: number;
  /** Drawn by the bar: its period (detailed rows) or its title (packed lanes). */
  readonly label: string;
}

export interface CareerRow {
  /** Two lines: the person, then the role (or "career"). */
  readonly label: readonly [string, string];
  readonly spans: readonly Span[];
}

/**
 * A person's dated roles as timeline rows. With room, one row per role, named on the axis. With
 * many people or roles, roles are packed into as few lanes as their overlaps allow (a career of
 * forty consecutive roles is one lane), each bar labelled with its title where it fits; lanes
 * beyond `budget` are dropped and counted in `hidden`.
 */
export function careerRows(name: string, career: readonly CareerEntry[], now: number, budget: number, detailed: boolean): { rows: CareerRow[]; hidden: number } {
  const dated = career
    .filter((c) => c.start)
    .map((c) => {
      const start = dateToYear(c.start!);
      const end = c.end === undefined ? start : c.end === 'present' ? now : dateToYear(c.end);
      return { entry: c, start, end: Math.max(end, start + 0.08) };
    });
  if (detailed) {
    return {
      rows: dated.map(({ entry, start, end }) => ({
        label: [name, truncate(entry.title ?? entry.organisation, 40)],
        spans: [{ start, end, label: entry.end === undefined ? `${formatDate(entry.start!)}, end not given` : formatPeriod(entry.start, entry.end) }],
      })),
      hidden: 0,
    };
  }
  const lanes: Span[][] = [];
  for (const { entry, start, end } of [...dated].sort((a, b) => a.start - b.start)) {
    const span = { start, end, label: truncate(entry.title ?? entry.organisation, 28) };
    const lane = lanes.find((l) => l.at(-1)!.end <= start + 1e-6);
    if (lane) lane.push(span);
    else lanes.push([span]);
  }
  const kept = lanes.slice(0, Math.max(1, budget));
  const hidden = lanes.slice(kept.length).reduce((n, lane) => n + lane.length, 0);
  return { rows: kept.map((spans, i) => ({ label: [name, i === 0 ? 'career' : `career (${i + 1})`], spans })), hidden };
}
