import type { Problem } from '../errors.js';
import type { CareerEntry, Education, Paper, Profile, Source } from '../schema/profile-schema.js';
import { slug } from '../derive/format.js';
import { sourceIds } from '../schema/primitives.js';
import { normaliseDoi, normaliseTitle } from './identifiers.js';
import type { Draft, PaperDraft } from './map-records.js';
import type { RecordSource } from './types.js';
import { preprintVenue } from './venue.js';

/** A draft with the file it came from, in import order. */
export interface SourcedDraft {
  readonly draft: Draft;
  readonly file: string;
  readonly fileSource: RecordSource;
  /** Warnings about this draft, said only if the draft is what gets added. */
  readonly warnings: readonly Problem[];
}

export interface Conflict {
  readonly file: string;
  readonly entry: string;
  /** The fact in the profile, such as `papers[2] (x-vlm)`. */
  readonly target: string;
  readonly field: string;
  readonly profile: string;
  readonly imported: string;
}

export interface Duplicate {
  readonly file: string;
  readonly entry: string;
  readonly target: string;
}

export interface ImportPlan {
  readonly papers: Paper[];
  readonly career: CareerEntry[];
  readonly education: Education[];
  readonly highlights: { text: string; source: string | string[] }[];
  readonly sources: Source[];
  readonly duplicates: Duplicate[];
  readonly conflicts: Conflict[];
  readonly warnings: Problem[];
  /** The source id of each import file that something cites (created on first use). */
  readonly fileSourceIds: ReadonlyMap<string, string>;
}

/** The part of a profile the plan reads: what is there already. */
export type ExistingProfile = Pick<Profile, 'papers' | 'career' | 'education' | 'sources'> & { person: { highlights?: { text: string }[] | undefined } };

/**
 * Decides what an import adds: each new paper, role, degree and distinction once, with an id and
 * the sources it cites; what the profile has already is a duplicate, and where the import
 * disagrees with it (another year, another venue) that is a conflict, reported and not applied.
 * The same paper from two files (a .bib and an ORCID record) is one paper, citing both.
 */
export function planImport(existing: ExistingProfile, drafts: readonly SourcedDraft[], today: string): ImportPlan {
  const plan: ImportPlan = { papers: [], career: [], education: [], highlights: [], sources: [], duplicates: [], conflicts: [], warnings: [], fileSourceIds: new Map() };
  const sources = new SourceBook(existing.sources, plan, today);
  const paperIds = new Set(existing.papers.map((p) => p.id));
  const newPapers: { paper: Paper; keys: string[]; draft: SourcedDraft }[] = [];

  // Records that name their authors go first, so the authorship they give wins over a record that cannot.
  const ordered = [...drafts].sort((a, b) => rank(a) - rank(b));
  for (const item of ordered) {
    const { draft, file } = item;
    if (draft.kind === 'paper') {
      const keys = paperKeys(draft.value, draft.record.doi);
      const known = existing.papers.findIndex((p) => overlaps(keys, paperKeys(p, undefined)) || sameTitle(p.title, draft.value.title));
      if (known >= 0) {
        const target = existing.papers[known]!;
        const where = `papers[${known}] (${target.id})`;
        plan.duplicates.push({ file, entry: draft.record.entry, target: where });
        // A preprint does not dispute the venue and year of the published paper it became.
        const preprintOfPublished = draft.value.venue === preprintVenue && target.venue !== preprintVenue;
        compare(plan, file, draft.record.entry, where, [
          ['year', target.year, draft.value.year, !preprintOfPublished],
          ['venue', target.venue, draft.value.venue, !preprintOfPublished],
          ['authorship', target.authorship, draft.value.authorship, draft.record.authors !== undefined],
          ['arxiv', target.arxiv, draft.value.arxiv],
        ]);
        continue;
      }
      const twin = newPapers.find((p) => overlaps(keys, p.keys) || sameTitle(p.paper.title, draft.value.title));
      if (twin) {
        plan.duplicates.push({ file, entry: draft.record.entry, target: `${twin.draft.draft.record.entry} from ${twin.draft.file}` });
        fillGaps(twin.paper, draft.value);
        twin.paper.source = [...new Set([...sourceIds(twin.paper.source), sources.forFile(item)])].slice(0, 10);
        twin.keys.push(...keys);
        continue;
      }
      const id = uniqueId(draft.record.key ?? draft.value.shortName ?? draft.value.title, paperIds);
      const own = sources.forPaper(draft.value, draft.record.doi);
      const paper: Paper = { id, ...draft.value, source: own ? [own, sources.forFile(item)] : sources.forFile(item) } as Paper;
      newPapers.push({ paper, keys, draft: item });
      plan.papers.push(paper);
      plan.warnings.push(...item.warnings);
    } else if (draft.kind === 'role') {
      const key = (c: { organisation: string; title?: string | undefined }): string => `${normaliseTitle(c.organisation)}|${normaliseTitle(c.title ?? '')}`;
      const known = existing.career.findIndex((c) => key(c) === key(draft.value));
      if (known >= 0) {
        const where = `career[${known}] (${existing.career[known]!.organisation})`;
        plan.duplicates.push({ file, entry: draft.record.entry, target: where });
        compare(plan, file, draft.record.entry, where, [
          ['start', existing.career[known]!.start, draft.value.start],
          ['end', existing.career[known]!.end, draft.value.end],
        ]);
      } else if (plan.career.some((c) => key(c) === key(draft.value) && c.start === draft.value.start)) {
        plan.duplicates.push({ file, entry: draft.record.entry, target: 'another imported role' });
      } else plan.career.push({ ...draft.value, source: sources.forFile(item) });
    } else if (draft.kind === 'degree') {
      const key = (e: { institution: string; degree: string }): string => `${normaliseTitle(e.institution)}|${normaliseTitle(e.degree)}`;
      const known = existing.education.findIndex((e) => key(e) === key(draft.value));
      if (known >= 0) {
        const where = `education[${known}] (${existing.education[known]!.institution})`;
        plan.duplicates.push({ file, entry: draft.record.entry, target: where });
        compare(plan, file, draft.record.entry, where, [
          ['field', existing.education[known]!.field, draft.value.field],
          ['start', existing.education[known]!.start, draft.value.start],
          ['end', existing.education[known]!.end, draft.value.end],
        ]);
      } else if (plan.education.some((e) => key(e) === key(draft.value))) {
        plan.duplicates.push({ file, entry: draft.record.entry, target: 'another imported degree' });
      } else plan.education.push({ ...draft.value, source: sources.forFile(item) });
    } else {
      const text = normaliseTitle(draft.value.text);
      const seen = [...(existing.person.highlights ?? []), ...plan.highlights].some((h) => normaliseTitle(h.text) === text);
      if (seen) plan.duplicates.push({ file, entry: draft.record.entry, target: 'person.highlights' });
      else plan.highlights.push({ text: draft.value.text, source: sources.forFile(item) });
    }
  }
  return plan;
}

function rank(item: SourcedDraft): number {
  return item.draft.kind === 'paper' && item.draft.record.authors === undefined ? 1 : 0;
}

function paperKeys(p: { title: string; year: number; arxiv?: string | undefined; url?: string | undefined }, doi: string | undefined): string[] {
  const keys = [`title:${normaliseTitle(p.title)}|${p.year}`];
  if (p.arxiv) keys.push(`arxiv:${p.arxiv.replace(/v\d+$/, '')}`);
  const d = doi ?? (p.url && /doi\.org\//.test(p.url) ? normaliseDoi(p.url) : undefined);
  if (d) keys.push(`doi:${d}`);
  return keys;
}

function overlaps(a: readonly string[], b: readonly string[]): boolean {
  return a.some((k) => b.includes(k));
}

/** The same title in another year is the same paper with a disputed year, not a new paper. */
function sameTitle(a: string, b: string): boolean {
  const na = normaliseTitle(a);
  return na.length >= 20 && na === normaliseTitle(b);
}

function compare(plan: ImportPlan, file: string, entry: string, target: string, fields: [string, unknown, unknown, boolean?][]): void {
  for (const [field, mine, theirs, known = true] of fields) {
    if (!known || mine === undefined || theirs === undefined) continue;
    const same = typeof mine === 'string' && typeof theirs === 'string' ? normaliseTitle(mine) === normaliseTitle(theirs) : mine === theirs;
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
  const stem = slug(base.split(/\s+/).slice(0, 6).join(' '), 'paper').slice(0, 56).replace(/-+$/, '') || 'paper';
  let id = stem;
  for (let n = 2; taken.has(id); n++) id = `${stem}-${n}`;
  taken.add(id);
  return id;
}

/** The profile's sources plus the ones the import creates, each created once, on first citation. */
class SourceBook {
  private readonly ids: Set<string>;
  constructor(
    private readonly existing: readonly Source[],
    private readonly plan: ImportPlan,
    private readonly today: string,
  ) {
    this.ids = new Set(existing.map((s) => s.id));
  }

  forFile(item: SourcedDraft): string {
    const known = this.plan.fileSourceIds.get(item.file);
    if (known) return known;
    const s = item.fileSource;
    const base = s.url && /orcid\.org|openalex\.org/.test(s.url) ? `${s.publisher}-${s.url.split('/').pop()}` : `import-${s.title}`;
    const id = this.add(base, { title: s.title, publisher: s.publisher, ...(s.date ? { date: s.date } : {}), ...(s.url ? { url: s.url } : {}), note: `Imported with profile-report import on ${this.today}.` });
    (this.plan.fileSourceIds as Map<string, string>).set(item.file, id);
    return id;
  }

  forPaper(paper: PaperDraft, doi: string | undefined): string | undefined {
    if (paper.arxiv) return this.add(`arxiv-${paper.arxiv}`, { title: paper.title, publisher: 'arXiv', url: `https://arxiv.org/abs/${paper.arxiv}` });
    if (doi) return this.add(`doi-${doi}`, { title: paper.title, publisher: paper.venue, url: `https://doi.org/${doi}` });
    return undefined;
  }

  /** Reuses a source with the same address; otherwise adds one with a fresh id. */
  private add(base: string, fields: Omit<Source, 'id'>): string {
    const same = [...this.existing, ...this.plan.sources].find((s) => fields.url !== undefined && s.url === fields.url);
    if (same) return same.id;
    const stem = slug(base, 'import').slice(0, 60).replace(/-+$/, '');
    let id = stem;
    for (let n = 2; this.ids.has(id); n++) id = `${stem}-${n}`;
    this.ids.add(id);
    this.plan.sources.push({ id, ...fields, title: fields.title.slice(0, 300) });
    return id;
  }
}
