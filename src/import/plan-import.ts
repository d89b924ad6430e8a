import type { Problem } from '../errors.js';
import type { CareerEntry, Education, Impact, Paper, Profile, Source } from '../schema/profile-schema.js';
import { sourceIds } from '../schema/primitives.js';
import { normaliseTitle } from './identifiers.js';
import { PaperIndex, idStem, paperKeys, sameWork, twoPublications } from './paper-index.js';
import { SourceBook } from './source-book.js';
import type { Draft, PaperDraft } from './map-records.js';
import type { ImportedImpact, RecordSource } from './types.js';
import { planImpact } from './plan-impact.js';
import type { SourcedImpact } from './plan-impact.js';
import type { ImportPlan, SourcedDraft } from './import-plan.js';
import { preprintVenue } from './venue.js';

interface NewPaper {
  readonly paper: Paper;
  readonly draft: SourcedDraft;
  readonly keys: string[];
}

/** The part of a profile the plan reads: what is there already. */
export type ExistingProfile = Pick<Profile, 'papers' | 'career' | 'education' | 'sources'> &
  Partial<Pick<Profile, 'impact'>> & { person: { highlights?: { text: string }[] | undefined } };

/**
 * Decides what an import adds: each new paper, role, degree and distinction once, with an id and
 * the sources it cites; what the profile has already is a duplicate, and where the import
 * disagrees with it (another year, another venue) that is a conflict, reported and not applied.
 * The same paper from two files (a .bib and an ORCID record) is one paper, citing both.
 */
export function planImport(
  existing: ExistingProfile,
  drafts: readonly SourcedDraft[],
  today: string,
  impacts: readonly SourcedImpact[] = [],
): ImportPlan {
  const plan: ImportPlan = {
    papers: [],
    career: [],
    education: [],
    highlights: [],
    sources: [],
    duplicates: [],
    conflicts: [],
    warnings: [],
    fileSourceIds: new Map(),
  };
  const sources = new SourceBook(existing.sources, plan, today);
  const paperIds = new Set(existing.papers.map((p) => p.id));
  const known = new PaperIndex<number>();
  existing.papers.forEach((p, i) => known.add(i, p, paperKeys(p, { id: p.id })));
  const fresh = new PaperIndex<NewPaper>();
  const roles = firstIndexBy(existing.career, roleKey);
  const degrees = firstIndexBy(existing.education, degreeKey);
  const plannedRoles = new Set<string>();
  const plannedDegrees = new Set<string>();
  const highlights = new Set((existing.person.highlights ?? []).map((h) => normaliseTitle(h.text)));

  // Records that name their authors go first, so the authorship they give wins over a record that
  // cannot; the papers are then written in the order of the files.
  const ordered = [...drafts].sort((a, b) => rank(a) - rank(b));
  const position = new Map(drafts.map((d, i) => [d, i]));
  const drafted = new Map<Paper, SourcedDraft>();
  for (const item of ordered) {
    const { draft, file } = item;
    if (draft.kind === 'paper') {
      const keys = paperKeys(draft.value, {
        doi: draft.record.doi,
        id: draft.record.key === undefined ? undefined : idStem(draft.record.key),
      });
      const oneWork = (i: number): boolean => !twoPublications(keys, paperKeys(existing.papers[i]!));
      const similar = known.similar(draft.value);
      const index = known.find(keys, oneWork) ?? (similar !== undefined && oneWork(similar) ? similar : undefined);
      if (index !== undefined) {
        const target = existing.papers[index]!;
        const where = `papers[${index}] (${target.id})`;
        plan.duplicates.push({ file, entry: draft.record.entry, target: where });
        // A preprint does not dispute the venue and year of the published paper it became.
        const preprintOfPublished = draft.value.venue === preprintVenue && target.venue !== preprintVenue;
        compare(plan, file, draft.record.entry, where, [
          ['title', target.title, draft.value.title],
          ['year', target.year, draft.value.year, !preprintOfPublished],
          ['venue', target.venue, draft.value.venue, !preprintOfPublished],
          ['authorship', target.authorship, draft.value.authorship, draft.record.authors !== undefined],
          ['arxiv', target.arxiv, draft.value.arxiv],
        ]);
        continue;
      }
      const byKey = fresh.find(keys, (other) => !twoPublications(keys, other.keys));
      // One DOI or arXiv id on two entries with unrelated titles is a copying mistake in the file, not one paper.
      const clash = byKey && !sameWork(byKey.paper.title, draft.value.title) ? byKey : undefined;
      if (clash) {
        plan.warnings.push({
          ...item.draft.record.at,
          file,
          severity: 'warning',
          message: `${draft.record.entry}: has the same DOI or arXiv id as ${clash.draft.draft.record.entry} but another title ("${clash.paper.title.slice(0, 80)}"); both are kept as papers: check which the identifier belongs to`,
        });
      }
      const twin = clash ? undefined : (byKey ?? fresh.cutShort(draft.value));
      if (twin) {
        plan.duplicates.push({
          file,
          entry: draft.record.entry,
          target: `${twin.draft.draft.record.entry} from ${twin.draft.file}`,
        });
        fillGaps(twin.paper, draft.value);
        twin.paper.source = [...new Set([...sourceIds(twin.paper.source), sources.forFile(item)])].slice(0, 10);
        twin.keys.push(...keys);
        fresh.add(twin, twin.paper, keys);
        continue;
      }
      const id = uniqueId(draft.record.key ?? draft.value.shortName ?? draft.value.title, paperIds);
      const own = sources.forPaper(draft.value, draft.record.doi);
      const paper: Paper = {
        id,
        ...draft.value,
        source: own ? [own, sources.forFile(item)] : sources.forFile(item),
      } as Paper;
      fresh.add({ paper, draft: item, keys: [...keys] }, paper, keys);
      plan.papers.push(paper);
      drafted.set(paper, item);
      plan.warnings.push(...item.warnings);
    } else if (draft.kind === 'role') {
      const key = roleKey(draft.value);
      const index = roles.get(key);
      if (index !== undefined) {
        const target = existing.career[index]!;
        const where = `career[${index}] (${target.organisation})`;
        plan.duplicates.push({ file, entry: draft.record.entry, target: where });
        compare(plan, file, draft.record.entry, where, [
          ['start', target.start, draft.value.start],
          ['end', target.end, draft.value.end],
        ]);
      } else if (plannedRoles.has(`${key}|${draft.value.start ?? ''}`)) {
        plan.duplicates.push({ file, entry: draft.record.entry, target: 'another imported role' });
      } else {
        plannedRoles.add(`${key}|${draft.value.start ?? ''}`);
        plan.career.push({ ...draft.value, source: sources.forFile(item) });
        plan.warnings.push(...item.warnings);
      }
    } else if (draft.kind === 'degree') {
      const key = degreeKey(draft.value);
      const index = degrees.get(key);
      if (index !== undefined) {
        const target = existing.education[index]!;
        const where = `education[${index}] (${target.institution})`;
        plan.duplicates.push({ file, entry: draft.record.entry, target: where });
        compare(plan, file, draft.record.entry, where, [
          ['field', target.field, draft.value.field],
          ['start', target.start, draft.value.start],
          ['end', target.end, draft.value.end],
        ]);
      } else if (plannedDegrees.has(key)) {
        plan.duplicates.push({ file, entry: draft.record.entry, target: 'another imported degree' });
      } else {
        plannedDegrees.add(key);
        plan.education.push({ ...draft.value, source: sources.forFile(item) });
        plan.warnings.push(...item.warnings);
      }
    } else {
      const text = normaliseTitle(draft.value.text);
      if (highlights.has(text)) plan.duplicates.push({ file, entry: draft.record.entry, target: 'person.highlights' });
      else {
        highlights.add(text);
        plan.highlights.push({ text: draft.value.text, source: sources.forFile(item) });
        plan.warnings.push(...item.warnings);
      }
    }
  }
  plan.papers.sort((a, b) => (position.get(drafted.get(a)!) ?? 0) - (position.get(drafted.get(b)!) ?? 0));
  const footprint = planImpact(existing.impact, impacts, today, (item) => sources.forFile(item));
  if (footprint) plan.impact = footprint;
  return plan;
}

function roleKey(c: { organisation: string; title?: string | undefined }): string {
  return `${normaliseTitle(c.organisation)}|${normaliseTitle(c.title ?? '')}`;
}

function degreeKey(e: { institution: string; degree: string }): string {
  return `${normaliseTitle(e.institution)}|${normaliseTitle(e.degree)}`;
}

/** Each key to the first entry that has it: the entry a duplicate is reported against. */
function firstIndexBy<T>(list: readonly T[], key: (item: T) => string): Map<string, number> {
  const map = new Map<string, number>();
  list.forEach((item, i) => {
    const k = key(item);
    if (!map.has(k)) map.set(k, i);
  });
  return map;
}

function rank(item: SourcedDraft): number {
  return item.draft.kind === 'paper' && item.draft.record.authors === undefined ? 1 : 0;
}

function compare(
  plan: ImportPlan,
  file: string,
  entry: string,
  target: string,
  fields: [string, unknown, unknown, boolean?][],
): void {
  for (const [field, mine, theirs, known = true] of fields) {
    if (!known || mine === undefined || theirs === undefined) continue;
    const same =
      typeof mine === 'string' && typeof theirs === 'string'
        ? normaliseTitle(mine) === normaliseTitle(theirs)
        : mine === theirs;
    if (!same) plan.conflicts.push({ file, entry, target, field, profile: String(mine), imported: String(theirs) });
  }
}

/**
 * A later record of the same paper fills what the first left out, and never overwrites, except
 * that the published version (its venue and year) supersedes an arXiv preprint.
 */
function fillGaps(paper: Paper, other: PaperDraft): void {
  const target = paper as Record<string, unknown>;
  if (paper.venue === preprintVenue && other.venue !== preprintVenue) {
    target['venue'] = other.venue;
    target['year'] = other.year;
  }
  for (const [key, value] of Object.entries(other)) if (target[key] === undefined) target[key] = value;
}

function uniqueId(base: string, taken: Set<string>): string {
  const stem = idStem(base);
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}
