import type { PartialDate } from '../schema/partial-date.js';
import { dateBounds } from '../schema/partial-date.js';
import { sourceIds } from '../schema/primitives.js';
import type { SourceRef } from '../schema/primitives.js';
import type { Profile } from '../schema/profile-schema.js';
import { maxAgePattern } from '../schema/report-schema.js';

/** A fact that changes with time and whose newest source is older than the spec's `maxAge`. */
export interface StaleFact {
  readonly person: number;
  /** Where the fact is, as a field path (`person.currentRole`, `models[1].metrics[0]`). */
  readonly path: string;
  /** The fact in a few words, for the warning. */
  readonly what: string;
  /** What the report marks it with: the newest date any of its sources gives, if any does. */
  readonly newest?: PartialDate;
  readonly sources: readonly string[];
  /** How the marks find it: `headline`, `currentRole`, `career:<i>`, `metric:<model id>|<label>`, `impact`. */
  readonly key: string;
}

/** The last day a fact may be sourced and still be fresh: `maxAge` before the build date. */
export function freshSince(buildDate: string, maxAge: string): string {
  const m = maxAgePattern.exec(maxAge);
  if (!m) throw new Error(`not an age: ${maxAge}`);
  const n = Number(m[1]);
  const [y, mo, d] = buildDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (m[2] === 'day') date.setUTCDate(date.getUTCDate() - n);
  if (m[2] === 'week') date.setUTCDate(date.getUTCDate() - 7 * n);
  if (m[2] === 'month') date.setUTCMonth(date.getUTCMonth() - n);
  if (m[2] === 'year') date.setUTCFullYear(date.getUTCFullYear() - n);
  return date.toISOString().slice(0, 10);
}

/**
 * Facts that can change with time (the headline and current role, roles with no end or ending
 * `present`, model metrics, footprint figures) whose newest source (its `accessed` date, else its
 * publication `date`; a footprint's own `asOf` too) is older than `maxAge` before the build date.
 * A partial date counts from its last day (`2024` is 31 December 2024), giving the fact the
 * benefit of the doubt; a fact none of whose sources is dated cannot be shown fresh, so it is
 * listed too. Facts of history (a paper, a degree, a role that ended) never go stale. Pure.
 */
export function staleFacts(profiles: readonly Profile[], buildDate: string, maxAge: string): StaleFact[] {
  const since = freshSince(buildDate, maxAge);
  const found: StaleFact[] = [];
  profiles.forEach((profile, person) => {
    const dates = new Map(
      profile.sources.map((s) => [s.id, [s.accessed, s.date].filter((d): d is string => d !== undefined)]),
    );
    const check = (key: string, path: string, what: string, ref: SourceRef, own: readonly string[] = []): void => {
      const ids = [...sourceIds(ref)];
      const all = [...own, ...ids.flatMap((id) => dates.get(id) ?? [])];
      const newest = all.sort((a, b) => dateBounds(a).last.localeCompare(dateBounds(b).last)).at(-1);
      if (newest === undefined || dateBounds(newest).last < since)
        found.push({ person, path, what, key, sources: ids, ...(newest ? { newest } : {}) });
    };
    const p = profile.person;
    check('headline', 'person.headline', `headline “${p.headline}”`, p.source);
    if (p.currentRole) check('currentRole', 'person.currentRole', `current role “${p.currentRole}”`, p.source);
    profile.career.forEach((c, i) => {
      if (c.end === undefined || c.end === 'present')
        check(
          `career:${i}`,
          `career[${i}]`,
          `role at ${c.organisation}${c.end === 'present' ? ' (until present)' : ' (no end given)'}`,
          c.source,
        );
    });
    profile.models.forEach((m, i) =>
      m.metrics.forEach((metric, j) =>
        check(
          `metric:${m.id}|${metric.label}`,
          `models[${i}].metrics[${j}]`,
          `metric “${metric.label}” of ${m.name}`,
          metric.source,
        ),
      ),
    );
    if (profile.impact)
      check('impact', 'impact', 'research footprint (citations, h-index)', profile.impact.source, [
        profile.impact.asOf,
      ]);
  });
  return found;
}
