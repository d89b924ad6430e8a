import type { Locale } from '../i18n/locale.js';
import type { SourceRef } from '../schema/primitives.js';
import type { Profile } from '../schema/profile-schema.js';
import { venueName } from './charts/papers-charts.js';
import type { SourceIndex, SourceLink } from './source-index.js';
import type { Subject } from './subject.js';
import { coAuthors, nameMatches, nameWords } from './author-names.js';
import { foldText } from './fold-text.js';

interface ConnectionLine {
  readonly text: string;
  /** The sources of every fact the line joins, from each person's profile. */
  readonly sources: readonly SourceLink[];
}

export interface ConnectionsView {
  readonly lead: string;
  /** One line when nothing connects anyone. */
  readonly none?: string;
  readonly pairs: readonly { readonly title: string; readonly lines: readonly ConnectionLine[] }[];
  /** Institutions two or more people share, for a line under the timeline. */
  readonly sharedInstitutions?: string;
}

/** What the lines of a pair are written with: the locale, a profile's text marked as the user's, citations. */
interface PairText {
  readonly locale: Locale;
  readonly u: (text: string) => string;
  readonly cite: (refs: readonly [number, SourceRef][]) => SourceLink[];
}

/** Co-authors they share, outside the papers they wrote together. */
function sharedCoAuthors(a: Subject, b: Subject, joint: ReadonlySet<string>, text: PairText): ConnectionLine[] {
  const { locale, u, cite } = text;
  const lines: ConnectionLine[] = [];
  const ownNames = [a, b].flatMap((s) => [
    s.profile.person.name,
    ...(s.profile.person.nativeName ? [s.profile.person.nativeName] : []),
  ]);
  const coA = a.profile.papers
    .filter((p) => p.authors && !joint.has(foldText(p.title)))
    .flatMap((p) => coAuthors(p.authors!).map((name) => ({ name, ref: p.source })));
  const coB = b.profile.papers
    .filter((p) => p.authors && !joint.has(foldText(p.title)))
    .flatMap((p) => coAuthors(p.authors!).map((name) => ({ name, ref: p.source })));
  const seen = new Set<string>();
  for (const x of coA) {
    if (ownNames.some((n) => nameMatches(n, x.name))) continue;
    const ys = coB.filter((y) => nameMatches(x.name, y.name));
    const key = nameWords(x.name).sort().join(' ');
    if (ys.length === 0 || seen.has(key)) continue;
    seen.add(key);
    const refsA = coA.filter((o) => nameMatches(o.name, x.name)).map((o) => [a.index, o.ref] as [number, SourceRef]);
    lines.push({
      text: locale.t('connections.coAuthor', { name: u(x.name) }),
      sources: cite([...refsA, ...ys.map((y) => [b.index, y.ref] as [number, SourceRef])]),
    });
  }
  return lines;
}

/** Venues they share (a venue without its year: ICML 2022 and ICML 2024 are both ICML). */
function sharedVenues(a: Subject, b: Subject, joint: ReadonlySet<string>, text: PairText): ConnectionLine[] {
  const { locale, u, cite } = text;
  const lines: ConnectionLine[] = [];
  const venues = new Map<string, { name: string; a: [number, SourceRef][]; b: [number, SourceRef][] }>();
  for (const [who, s] of [
    ['a', a],
    ['b', b],
  ] as const) {
    for (const p of s.profile.papers) {
      // A paper whose profile names no venue shares none.
      if (joint.has(foldText(p.title)) || p.venue === undefined) continue;
      const name = venueName(p.venue);
      const key = foldText(name);
      if (/\barxiv\b|preprint/.test(key)) continue;
      const entry = venues.get(key) ?? { name, a: [], b: [] };
      entry[who].push([s.index, p.source]);
      venues.set(key, entry);
    }
  }
  for (const v of venues.values()) {
    if (v.a.length === 0 || v.b.length === 0) continue;
    lines.push({
      text: locale.t('connections.venue', {
        venue: u(v.name),
        first: u(a.name),
        firstCount: locale.count('count.papers', v.a.length),
        second: u(b.name),
        secondCount: locale.count('count.papers', v.b.length),
      }),
      sources: cite([...v.a, ...v.b]),
    });
  }
  return lines;
}

interface Place {
  readonly name: string;
  readonly from?: number;
  readonly to?: number;
  readonly ref: SourceRef;
}

function places(profile: Profile, buildYear: number): Place[] {
  const year = (d: string | undefined): number | undefined =>
    d === undefined || d === 'present' ? undefined : Number(d.slice(0, 4));
  return [
    ...profile.education.map((e) => ({ name: e.institution, from: year(e.start), to: year(e.end), ref: e.source })),
    ...profile.career.map((c) => ({
      name: c.organisation,
      from: year(c.start),
      to: c.end === 'present' ? buildYear : year(c.end),
      ref: c.source,
    })),
  ].map((p) => ({
    name: p.name,
    ref: p.ref,
    ...(p.from !== undefined ? { from: p.from } : {}),
    ...(p.to !== undefined ? { to: p.to } : {}),
  }));
}

function doi(url: string | undefined): string | undefined {
  const m = url === undefined ? null : /^https:\/\/(?:dx\.)?doi\.org\/(.+)$/i.exec(url);
  return m ? decodeURIComponent(m[1]!).toLowerCase() : undefined;
}

/**
 * What connects the people compared, pair by pair, derived from their profiles alone: papers
 * they wrote together (the same arXiv id, DOI or title), co-authors they share (names matched in
 * any form), institutions they share (with the years they overlap there, or "at different
 * times"), venues they share, and models or products both worked on. Each line cites the facts it
 * joins. Pure.
 */
export function connectionsView(
  people: readonly Subject[],
  sources: SourceIndex,
  locale: Locale,
  buildDate: string,
): ConnectionsView {
  const buildYear = Number(buildDate.slice(0, 4));
  const u = (t: string): string => locale.user(t);
  const cite = (refs: readonly [number, SourceRef][]): SourceLink[] => {
    const links = refs.flatMap(([person, ref]) => sources.links(person, ref));
    return [...new Map(links.map((l) => [l.number, l])).values()].sort((a, b) => a.number - b.number);
  };
  const pairText: PairText = { locale, u, cite };
  const pairs: ConnectionsView['pairs'][number][] = [];
  const shared = new Map<string, string>();
  for (let i = 0; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) {
      const a = people[i]!;
      const b = people[j]!;
      const lines: ConnectionLine[] = [];

      // Papers they wrote together.
      const joint = new Set<string>();
      for (const p of a.profile.papers) {
        const q = b.profile.papers.find(
          (o) =>
            (p.arxiv && p.arxiv === o.arxiv) ||
            (doi(p.url) && doi(p.url) === doi(o.url)) ||
            foldText(p.title) === foldText(o.title),
        );
        if (!q) continue;
        joint.add(foldText(p.title));
        lines.push({
          text: locale.t('connections.jointPaper', { title: u(p.shortName ?? p.title), year: String(p.year) }),
          sources: cite([
            [a.index, p.source],
            [b.index, q.source],
          ]),
        });
      }

      lines.push(...sharedCoAuthors(a, b, joint, pairText));

      // Institutions they share.
      const pa = places(a.profile, buildYear);
      const pb = places(b.profile, buildYear);
      const done = new Set<string>();
      for (const x of pa) {
        const key = foldText(x.name);
        if (done.has(key)) continue;
        const xs = pa.filter((o) => foldText(o.name) === key);
        const ys = pb.filter((o) => foldText(o.name) === key);
        if (ys.length === 0) continue;
        done.add(key);
        const overlap = overlapYears(xs, ys);
        const when =
          overlap === undefined
            ? locale.t('connections.differentTimes')
            : overlap === null
              ? locale.t('connections.datesNotGiven')
              : locale.t('connections.together', {
                  years: overlap[0] === overlap[1] ? String(overlap[0]) : locale.numberRange(overlap[0], overlap[1]),
                });
        shared.set(key, u(x.name));
        lines.push({
          text: locale.t('connections.institution', { name: u(x.name), when }),
          sources: cite([
            ...xs.map((o) => [a.index, o.ref] as [number, SourceRef]),
            ...ys.map((o) => [b.index, o.ref] as [number, SourceRef]),
          ]),
        });
      }

      lines.push(...sharedVenues(a, b, joint, pairText));

      // Models or products they both worked on.
      for (const m of a.profile.models) {
        const n = b.profile.models.find((o) => o.id === m.id || foldText(o.name) === foldText(m.name));
        if (n)
          lines.push({
            text: locale.t('connections.model', { name: u(m.name) }),
            sources: cite([
              [a.index, m.source],
              [b.index, n.source],
            ]),
          });
      }

      pairs.push({ title: locale.t('connections.pair', { first: u(a.name), second: u(b.name) }), lines });
    }
  }
  const any = pairs.some((p) => p.lines.length > 0);
  const names = locale.list(people.map((p) => u(p.name)));
  return {
    lead: locale.t('connections.lead'),
    ...(any ? {} : { none: locale.t('connections.none', { names }) }),
    pairs: people.length > 2 ? pairs.filter((p) => p.lines.length > 0) : pairs,
    ...(shared.size > 0
      ? { sharedInstitutions: locale.t('connections.sharedInstitutions', { list: locale.list([...shared.values()]) }) }
      : {}),
  };
}

/** The years two people were at one place together: a span, `undefined` for never, `null` when dates are missing. */
function overlapYears(xs: readonly Place[], ys: readonly Place[]): [number, number] | undefined | null {
  let best: [number, number] | undefined;
  let unknown = false;
  for (const x of xs) {
    for (const y of ys) {
      if (x.from === undefined || y.from === undefined) {
        unknown = true;
        continue;
      }
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to ?? x.from, y.to ?? y.from);
      if (from <= to && (!best || to - from > best[1] - best[0])) best = [from, to];
    }
  }
  return best ?? (unknown ? null : undefined);
}
