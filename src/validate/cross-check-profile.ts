import type { Problem } from '../errors.js';
import type { ParsedYaml } from '../load/parse-yaml.js';
import { formatPath } from '../load/source-positions.js';
import type { FieldPath } from '../load/source-positions.js';
import { dateBounds } from '../schema/partial-date.js';
import { sourceIds } from '../schema/primitives.js';
import type { SourceRef } from '../schema/primitives.js';
import type { Profile } from '../schema/profile-schema.js';
import { didYouMean } from './did-you-mean.js';

/**
 * Checks that need the whole profile: every cited source exists, ids are unique, no period ends
 * before it starts, and nothing is dated after the build date (a likely typo, so a warning).
 */
export function crossCheckProfile(profile: Profile, parsed: ParsedYaml, buildDate: string): Problem[] {
  const problems: Problem[] = [];
  const at = (path: FieldPath, message: string, severity: Problem['severity'] = 'error'): void => {
    const { line, column } = parsed.positions.locate(path);
    problems.push({ file: parsed.file, line, column, path: formatPath(path), message, severity });
  };

  const known = profile.sources.map((s) => s.id);
  const knownSet = new Set(known);
  const cited = new Set<string>();
  const cite = (ref: SourceRef, path: FieldPath): void => {
    sourceIds(ref).forEach((sourceId, i) => {
      cited.add(sourceId);
      if (knownSet.has(sourceId)) return;
      const guess = didYouMean(sourceId, known);
      const where = typeof ref === 'string' ? path : [...path, i];
      at(where, `the source \`${sourceId}\` is not in this profile's sources${guess ? `; did you mean \`${guess}\`?` : `; known ids: ${known.join(', ')}`}`);
    });
  };

  cite(profile.person.source, ['person', 'source']);
  profile.person.highlights?.forEach((h, i) => cite(h.source, ['person', 'highlights', i, 'source']));
  profile.education.forEach((e, i) => cite(e.source, ['education', i, 'source']));
  profile.career.forEach((c, i) => cite(c.source, ['career', i, 'source']));
  profile.papers.forEach((p, i) => cite(p.source, ['papers', i, 'source']));
  profile.models.forEach((m, i) => {
    cite(m.source, ['models', i, 'source']);
    m.metrics.forEach((metric, j) => cite(metric.source, ['models', i, 'metrics', j, 'source']));
  });
  profile.balance.forEach((b, i) => b.evidence.forEach((e, j) => cite(e.source, ['balance', i, 'evidence', j, 'source'])));

  profile.sources.forEach((s, i) => {
    if (!cited.has(s.id)) at(['sources', i, 'id'], `the source \`${s.id}\` is not cited by any fact; cite it or remove it`, 'warning');
  });

  unique(profile.sources.map((s) => s.id), (i, first) => at(['sources', i, 'id'], `the id \`${profile.sources[i]!.id}\` is already used by sources[${first}]; ids must be unique`));
  unique(profile.papers.map((p) => p.id), (i, first) => at(['papers', i, 'id'], `the id \`${profile.papers[i]!.id}\` is already used by papers[${first}]; ids must be unique`));
  unique(profile.models.map((m) => m.id), (i, first) => at(['models', i, 'id'], `the id \`${profile.models[i]!.id}\` is already used by models[${first}]; ids must be unique`));

  const periods: [string, { start?: string | undefined; end?: string | undefined }[]][] = [
    ['education', profile.education],
    ['career', profile.career],
  ];
  for (const [section, entries] of periods) {
    entries.forEach((entry, i) => {
      if (!entry.start || !entry.end || entry.end === 'present') return;
      if (dateBounds(entry.end).last < dateBounds(entry.start).first) {
        at([section, i, 'end'], `the end (${entry.end}) is before the start (${entry.start})`);
      }
    });
  }

  for (const { path, date } of datedFacts(profile)) {
    if (dateBounds(date).first > buildDate) at(path, `the date ${date} is after the build date ${buildDate}; is it a typo?`, 'warning');
  }
  if (profile.person.birthYear !== undefined && String(profile.person.birthYear) > buildDate.slice(0, 4)) {
    at(['person', 'birthYear'], `the birth year ${profile.person.birthYear} is after the build date ${buildDate}`);
  }
  return problems;
}

function unique(values: readonly string[], onDuplicate: (index: number, firstIndex: number) => void): void {
  const first = new Map<string, number>();
  values.forEach((value, i) => {
    const seen = first.get(value);
    if (seen === undefined) first.set(value, i);
    else onDuplicate(i, seen);
  });
}

function* datedFacts(profile: Profile): Generator<{ path: FieldPath; date: string }> {
  for (const [i, e] of profile.education.entries()) {
    if (e.start) yield { path: ['education', i, 'start'], date: e.start };
    if (e.end) yield { path: ['education', i, 'end'], date: e.end };
  }
  for (const [i, c] of profile.career.entries()) {
    if (c.start) yield { path: ['career', i, 'start'], date: c.start };
    if (c.end && c.end !== 'present') yield { path: ['career', i, 'end'], date: c.end };
  }
  for (const [i, p] of profile.papers.entries()) {
    yield { path: ['papers', i, 'year'], date: String(p.year) };
    if (p.date) yield { path: ['papers', i, 'date'], date: p.date };
  }
  for (const [i, m] of profile.models.entries()) if (m.released) yield { path: ['models', i, 'released'], date: m.released };
  for (const [i, s] of profile.sources.entries()) if (s.date) yield { path: ['sources', i, 'date'], date: s.date };
}
