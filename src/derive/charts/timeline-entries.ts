import type { Locale } from '../../i18n/locale.js';
import { baseOptions, fullWidth } from '../chart-spec.js';
import type { ChartSpec } from '../chart-spec.js';
import type { Subject } from '../subject.js';
import type { ChartTable } from '../view-model.js';
import { plainText } from '../inline-markup.js';

/** What the timeline lists in words: its table, the roles without dates, and the roles' notes. */
export interface TimelineEntries {
  /** Person, kind, what, when: one row per role, paper and release, dated or not. */
  readonly rows: string[][];
  readonly undated: string[];
  readonly roleNotes: string[];
}

/** Every entry of every person, in the report's language; the chart's table holds them all. */
export function timelineEntries(people: readonly Subject[], locale: Locale): TimelineEntries {
  const rows: string[][] = [];
  const undated: string[] = [];
  const roleNotes: string[] = [];
  for (const { profile, name } of people) {
    for (const c of profile.career) {
      const what = [c.title, c.organisation].filter(Boolean).join(locale.t('list.comma'));
      rows.push([
        name,
        locale.t('chart.timeline.role'),
        c.note
          ? locale.t('chart.timeline.roleWithNote', { what: locale.user(what), note: locale.user(plainText(c.note)) })
          : what,
        locale.period(c.start, c.end),
      ]);
      // A role's note is printed under the chart: every field of a profile appears somewhere.
      if (c.note)
        roleNotes.push(
          locale.t('chart.timeline.roleNote', {
            name: locale.user(name),
            what: locale.user(what),
            note: locale.user(plainText(c.note).replace(/[.。．\s]+$/u, '')),
          }),
        );
      if (!c.start) undated.push(locale.t('chart.timeline.item', { what: locale.user(what), name: locale.user(name) }));
    }
    for (const p of profile.papers) {
      const title = p.shortName ? `${p.shortName}${locale.t('papers.nameSeparator')}${p.title}` : p.title;
      rows.push([name, locale.t('chart.timeline.paper'), title, locale.date(p.date ?? String(p.year))]);
    }
    for (const m of profile.models) {
      rows.push([
        name,
        locale.t('models.kind', { kind: m.kind }),
        m.name,
        m.released ? locale.date(m.released) : locale.t('chart.timeline.dateNotGiven'),
      ]);
    }
  }
  return { rows, undated, roleNotes };
}

/** "Career timeline from 2015 to 2027. Zeng Yan: 4 roles, 3 papers, 2 models and systems; …" */
export function timelineAlt(people: readonly Subject[], lo: number, hi: number, locale: Locale): string {
  const each = people.map((p) =>
    locale.t('chart.timeline.altPerson', {
      name: locale.user(p.name),
      roles: locale.count('count.roles', p.profile.career.length),
      papers: locale.count('count.papers', p.profile.papers.length),
      models: locale.count('count.models', p.profile.models.length),
    }),
  );
  return locale.t('chart.timeline.alt', {
    from: String(lo),
    to: String(hi),
    people: each.join(locale.t('list.semicolon')),
  });
}

/** What the drawing leaves out or simplifies, said under the chart. */
export interface TimelineOmissions {
  readonly lo: number;
  readonly hi: number;
  readonly detailed: boolean;
  readonly hiddenRoles: number;
  /** Set when papers were drawn one mark per year: past this many per person. */
  readonly aggregatedAbove: number | undefined;
  readonly cut: readonly string[];
  readonly outside: readonly string[];
  readonly unlabelled: readonly string[];
  readonly entries: TimelineEntries;
}

/** The note under the timeline, or undefined when the chart shows everything as it is. */
export function timelineNote(locale: Locale, o: TimelineOmissions): string | undefined {
  const span = { from: String(o.lo), to: String(o.hi) };
  // Notes must stay short: a few entries and a count of the rest (the table has them all).
  const few = (items: readonly string[]): string => locale.summary(items, 6);
  const notes: string[] = [];
  if (!o.detailed) notes.push(locale.t('chart.timeline.packedNote'));
  if (o.hiddenRoles > 0) notes.push(locale.count('chart.timeline.hiddenNote', o.hiddenRoles));
  if (o.aggregatedAbove !== undefined)
    notes.push(locale.t('chart.timeline.aggregatedNote', { n: locale.number(o.aggregatedAbove) }));
  if (o.cut.length > 0) notes.push(locale.t('chart.timeline.cutNote', { ...span, list: few(o.cut) }));
  if (o.outside.length > 0) notes.push(locale.t('chart.timeline.outsideNote', { ...span, list: few(o.outside) }));
  if (o.unlabelled.length > 0) notes.push(locale.t('chart.timeline.unlabelledNote', { list: few(o.unlabelled) }));
  if (o.entries.undated.length > 0)
    notes.push(locale.t('chart.timeline.undatedNote', { list: locale.list(o.entries.undated) }));
  if (o.entries.roleNotes.length > 0)
    notes.push(
      locale.t('chart.timeline.rolesNote', { notes: o.entries.roleNotes.join(locale.t('chart.sentenceGap')) }),
    );
  return notes.length ? notes.join(locale.t('chart.sentenceGap')) : undefined;
}

/** The timeline when nothing has a date: one line on the page, and the table. */
export function emptyTimeline(entries: TimelineEntries, locale: Locale): ChartSpec {
  const empty = locale.t(entries.undated.length > 0 ? 'chart.timeline.emptyUndated' : 'chart.timeline.empty');
  return {
    id: 'timeline',
    title: locale.t('chart.timeline.title'),
    alt: empty,
    empty,
    width: fullWidth,
    height: 60,
    config: { type: 'bar', data: { labels: [], datasets: [] }, options: baseOptions({}) },
    table: timelineTable(entries, locale),
  };
}

export function timelineTable(entries: TimelineEntries, locale: Locale): ChartTable {
  const headers = [
    locale.t('chart.timeline.person'),
    locale.t('chart.timeline.kind'),
    locale.t('chart.timeline.what'),
    locale.t('chart.timeline.when'),
  ];
  return { caption: locale.t('chart.timeline.caption'), headers, rows: entries.rows };
}
