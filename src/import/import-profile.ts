import type { Problem } from '../errors.js';
import { validateProfile } from '../validate/validate-document.js';
import type { Profile } from '../schema/profile-schema.js';
import { mapRecord } from './map-records.js';
import { matchAuthor } from './match-author.js';
import type { PersonNames } from './match-author.js';
import { planImport } from './plan-import.js';
import type { ExistingProfile } from './plan-import.js';
import type { Conflict, Duplicate, ImportPlan, SourcedDraft } from './import-plan.js';
import type { SourcedImpact } from './plan-impact.js';
import type { ImpactChange } from './plan-impact.js';
import { readRecords } from './read-records.js';
import { appendToLists, setSection } from './splice-yaml.js';
import type { ListAddition } from './splice-yaml.js';
import { newProfileText } from './new-profile.js';
import { problemAt } from './types.js';
import type { ImportFormat, LeftOut, ParsedRecords } from './types.js';

export interface ImportOptions {
  /** The files to import, as text, named as messages should name them. */
  readonly inputs: readonly { readonly file: string; readonly text: string }[];
  /** An existing profile to add to, or a new one to start. */
  readonly target:
    | { readonly kind: 'into'; readonly file: string; readonly text: string }
    | { readonly kind: 'new'; readonly file: string; readonly name: string; readonly schemaPath: string };
  /** The date written in the sources' notes and used to check dates (YYYY-MM-DD). */
  readonly today: string;
  /** Import the good entries of a partly bad file, and report the rest. @default false */
  readonly skipBad?: boolean;
  /** Read every input as this format instead of detecting it. */
  readonly format?: ImportFormat | undefined;
}

export interface ImportResult {
  /** False when an error stops the import; then `text` is the profile unchanged. */
  readonly ok: boolean;
  readonly before: string;
  readonly text: string;
  readonly formats: readonly { readonly file: string; readonly format: ImportFormat; readonly records: number }[];
  /** Errors (when not ok) and warnings. */
  readonly problems: readonly Problem[];
  /** With skipBad: what was left out, and why. */
  readonly skipped: readonly Problem[];
  /** Whole sections of the files that the profile has no place for, counted: never dropped without a word. */
  readonly leftOut: readonly LeftOut[];
  readonly added: {
    readonly papers: readonly string[];
    readonly career: number;
    readonly education: number;
    readonly highlights: number;
    readonly sources: readonly string[];
  };
  readonly duplicates: readonly Duplicate[];
  readonly conflicts: readonly Conflict[];
  /** What became of the research footprint an author record gave: added, replaced or kept. */
  readonly impact?: ImpactChange;
}

/**
 * The whole import, in memory: read each file, map its records, plan against the profile, splice
 * the new entries into the YAML and validate the result as `validate` would. Nothing here reads
 * or writes a file; the CLI does that, and only when the result is ok.
 */
export async function importIntoProfile(options: ImportOptions): Promise<ImportResult> {
  const before = options.target.kind === 'into' ? options.target.text : '';
  const fail = (problems: Problem[], extra: Partial<ImportResult> = {}): ImportResult => ({
    ...empty(before),
    ...extra,
    ok: false,
    problems,
  });

  let existing: Profile | undefined;
  if (options.target.kind === 'into') {
    const checked = validateProfile(options.target.file, new TextEncoder().encode(options.target.text), options.today);
    if (!checked.value)
      return fail(
        checked.problems.map((p) =>
          p.severity === 'error' ? { ...p, message: `${p.message} (fix the profile before importing into it)` } : p,
        ),
      );
    existing = checked.value;
  }
  const person: PersonNames = existing
    ? existing.person
    : { name: options.target.kind === 'new' ? options.target.name : '' };

  const parsed: ParsedRecords[] = [];
  for (const input of options.inputs)
    parsed.push(
      await readRecords(input.file, input.text, { format: options.format, skipBad: options.skipBad ?? false }),
    );
  const formats = parsed.map((p) => ({ file: p.file, format: p.format, records: p.records.length }));
  const leftOut = parsed.flatMap((p) => p.leftOut ?? []);

  const errors: Problem[] = [];
  const skipped: Problem[] = [];
  const drafts: SourcedDraft[] = [];
  for (const file of parsed) {
    const fatal = file.records.length === 0 && file.problems.some((p) => p.severity === 'error');
    (options.skipBad && !fatal ? skipped : errors).push(...file.problems);
    for (const record of file.records) {
      const mapped = mapRecord(record, file.file, person);
      const bad = mapped.problems.filter((p) => p.severity === 'error');
      if (bad.length > 0 || !mapped.draft) (options.skipBad ? skipped : errors).push(...bad);
      else drafts.push({ draft: mapped.draft, file: file.file, fileSource: file.source, warnings: mapped.problems });
    }
  }
  // Someone else's citations would be a wrong fact with a source: the record must name the person.
  const impacts: SourcedImpact[] = [];
  for (const file of parsed) {
    if (!file.impact) continue;
    const { names, at, entry } = file.impact;
    if (
      names.length === 0 ||
      matchAuthor(
        person,
        names.map((literal) => ({ literal })),
      ).kind !== 'absent'
    )
      impacts.push({ impact: file.impact, file: file.file, fileSource: file.source });
    else
      (options.skipBad ? skipped : errors).push(
        problemAt(
          file.file,
          at,
          `${entry}: the record is of ${names[0]}, not ${person.name}, so its citation counts are not imported; import the record of ${person.name}`,
        ),
      );
  }
  if (errors.length > 0) return fail(errors, { formats, skipped, leftOut });

  const plan = planImport(
    existing ?? { papers: [], career: [], education: [], sources: [], person: {} },
    drafts,
    options.today,
    impacts,
  );
  const facts = plan.papers.length + plan.career.length + plan.education.length + plan.highlights.length;
  if (options.target.kind === 'new' && facts === 0) {
    // A new profile needs at least one fact, and a source for its person to cite.
    const files = options.inputs.map((i) => i.file).join(', ');
    return fail(
      [
        {
          file: files,
          path: '',
          message: 'these files hold nothing to start a profile from (no paper, role, degree or distinction)',
          severity: 'error',
        },
      ],
      { formats, skipped, leftOut },
    );
  }
  const fresh = options.target.kind === 'new' ? newProfileText(options.target, parsed, plan, drafts) : undefined;
  const start = fresh?.text ?? before;
  if (fresh?.headlineMade) {
    plan.warnings.push({
      file: options.target.file,
      path: 'person.headline',
      message: `no record gives a headline, so it was written from the imported papers ("${fresh.headline}"); replace it with one line on who the person is`,
      severity: 'warning',
    });
  }
  const additions: ListAddition[] = [
    { path: ['person', 'highlights'], items: plan.highlights },
    { path: ['education'], items: plan.education },
    { path: ['career'], items: plan.career },
    { path: ['papers'], items: plan.papers },
    { path: ['sources'], items: plan.sources },
  ];
  const listed = appendToLists(start, additions);
  const text = plan.impact?.value ? setSection(listed, 'impact', { ...plan.impact.value }, ['byYear']) : listed;
  const summary = {
    formats,
    skipped,
    leftOut,
    added: added(plan),
    duplicates: plan.duplicates,
    conflicts: plan.conflicts,
    ...(plan.impact ? { impact: plan.impact.change } : {}),
  };
  const checked = validateProfile(options.target.file, new TextEncoder().encode(text), options.today);
  const problems = [...checked.problems.filter((p) => !isUncitedWarning(p)), ...plan.warnings];
  if (!checked.value) return fail(problems, summary);
  return { ok: true, before, text, problems, ...summary };
}

/** Sources nobody cites are the user's business, not the import's. */
function isUncitedWarning(p: Problem): boolean {
  return p.severity === 'warning' && p.message.includes('is not cited by any fact');
}

function added(plan: ImportPlan): ImportResult['added'] {
  return {
    papers: plan.papers.map((p) => p.id),
    career: plan.career.length,
    education: plan.education.length,
    highlights: plan.highlights.length,
    sources: plan.sources.map((s) => s.id),
  };
}

function empty(before: string): ImportResult {
  return {
    ok: false,
    before,
    text: before,
    formats: [],
    problems: [],
    skipped: [],
    leftOut: [],
    added: { papers: [], career: 0, education: 0, highlights: 0, sources: [] },
    duplicates: [],
    conflicts: [],
  };
}

export type { ExistingProfile };
