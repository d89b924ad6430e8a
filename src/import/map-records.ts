import type * as z from 'zod';
import type { Problem } from '../errors.js';
import { isPartialDate } from '../schema/partial-date.js';
import { careerSchema, educationSchema, paperSchema } from '../schema/profile-schema.js';
import type { CareerEntry, Education, Paper } from '../schema/profile-schema.js';
import { limits } from '../limits.js';
import { httpsUrlOf } from './identifiers.js';
import { authorText, hasContributionMark, matchAuthor } from './match-author.js';
import type { PersonNames } from './match-author.js';
import type { ImportedDegree, ImportedHighlight, ImportedPaper, ImportedRecord, ImportedRole } from './types.js';
import { problemAt } from './types.js';
import { preprintVenue, shortVenue } from './venue.js';

/** A profile entry before it has an id and sources (those depend on the profile it joins). */
export type PaperDraft = Omit<Paper, 'id' | 'source'>;
type RoleDraft = Omit<CareerEntry, 'source'>;
type DegreeDraft = Omit<Education, 'source'>;

export type Draft =
  | { readonly kind: 'paper'; readonly value: PaperDraft; readonly record: ImportedPaper }
  | { readonly kind: 'role'; readonly value: RoleDraft; readonly record: ImportedRole }
  | { readonly kind: 'degree'; readonly value: DegreeDraft; readonly record: ImportedDegree }
  | { readonly kind: 'highlight'; readonly value: { text: string }; readonly record: ImportedHighlight };

export interface Mapped {
  readonly draft?: Draft;
  /** Errors make the entry bad (skipped with --skip-bad); warnings are said and the entry kept. */
  readonly problems: readonly Problem[];
}

/**
 * One imported record to one profile entry, by the rules of the schema: required fields present,
 * dates real, text within limits, and the person found in the author list. Every problem names
 * the entry and points at it in the import file.
 */
export function mapRecord(record: ImportedRecord, file: string, person: PersonNames): Mapped {
  const problems: Problem[] = [];
  const fail = (message: string): void => void problems.push(problemAt(file, record.at, `${record.entry}: ${message}`));
  const warn = (message: string): void =>
    void problems.push(problemAt(file, record.at, `${record.entry}: ${message}`, 'warning'));
  for (const fault of record.faults ?? []) fail(fault);
  for (const note of record.notes ?? []) warn(note);
  let draft: Draft | undefined;
  switch (record.kind) {
    case 'paper':
      draft = paperDraft(record, file, person, fail, warn);
      break;
    case 'role':
      draft = roleDraft(record, fail);
      break;
    case 'degree':
      draft = degreeDraft(record, fail);
      break;
    case 'highlight':
      if (!record.text) fail('has no text to show');
      else draft = { kind: 'highlight', value: { text: record.text }, record };
      break;
  }
  if (draft && !problems.some((p) => p.severity === 'error')) checkSchema(draft, fail);
  return problems.some((p) => p.severity === 'error') ? { problems } : { ...(draft ? { draft } : {}), problems };
}

type Say = (message: string) => void;

function paperDraft(r: ImportedPaper, file: string, person: PersonNames, fail: Say, warn: Say): Draft | undefined {
  if (!r.title) fail('has no title');
  const year = yearOf(r.year, fail);
  // A work with no venue (a report, a talk, an ORCID work without a journal) is still a paper.
  // An arXiv id alone makes a preprint; with another DOI the paper was published, where the record does not say.
  const published = r.doi !== undefined && !/^10\.48550\//.test(r.doi);
  const venue = r.venue ? shortVenue(r.venue, year) : r.arxiv && !published ? preprintVenue : undefined;
  const authorship = authorshipOf(r, person, fail, warn);
  if (!r.title || !year || !authorship) return undefined;
  // The DOI is the published version's address; an arXiv DOI adds nothing to the arXiv id.
  const doiLink = r.doi && !(r.arxiv && /^10\.48550\//.test(r.doi)) ? `https://doi.org/${r.doi}` : undefined;
  const url = doiLink ?? (r.arxiv ? undefined : httpsUrlOf(r.url));
  const value: PaperDraft = {
    title: r.title,
    ...(r.shortName ? { shortName: r.shortName } : {}),
    year: Number(year),
    ...(venue ? { venue } : {}),
    authorship,
    ...(r.authors && r.authors.length > 0 ? { authors: authorList(r.authors.map(authorText)) } : {}),
    ...(r.arxiv ? { arxiv: r.arxiv } : {}),
    ...(url ? { url } : {}),
    summary: summaryOf(r.abstract) ?? `Imported from ${basename(file)}; no summary yet.`,
  };
  return { kind: 'paper', value, record: r };
}

function yearOf(text: string | undefined, fail: Say): string | undefined {
  if (text === undefined) {
    fail('has no year');
    return undefined;
  }
  if (/^\d{4}$/.test(text) || isPartialDate(text)) return text.slice(0, 4);
  fail(`the year \`${clip(text)}\` is not a date (expected a year such as 2022, or a date such as 2022-07-05)`);
  return undefined;
}

function authorshipOf(r: ImportedPaper, person: PersonNames, fail: Say, warn: Say): Paper['authorship'] | undefined {
  const editors = (r.editors ?? []).map(authorText);
  const editedBy =
    editors.length > 0
      ? ` (${matchAuthor(person, r.editors ?? []).kind === 'absent' ? 'edited by' : `${person.name} is among the editors, who are not its authors:`} ${clip(editors.join(', '), 200)})`
      : '';
  if (!r.authors || r.authors.length === 0) {
    // A person's own list of works (ORCID, a résumé) need not name them among the authors.
    if (r.ownList) {
      warn(
        `the record lists no authors, so ${person.name}'s place among them is unknown; written as co-author: check it`,
      );
      return 'co-author';
    }
    fail(`the record lists no authors${editedBy}, so it is not imported as ${person.name}'s paper`);
    return undefined;
  }
  const match = matchAuthor(person, r.authors);
  const names = r.authors.map(authorText);
  if (match.kind === 'absent') {
    fail(
      `${person.name} is not among its authors (${clip(names.join(', '), 200)})${editedBy}; is the name written another way?`,
    );
    return undefined;
  }
  if (match.kind === 'ambiguous') {
    fail(
      `more than one author could be ${person.name}: ${match.candidates.map((i) => `${names[i]} (author ${i + 1})`).join(', ')}; the import will not guess`,
    );
    return undefined;
  }
  // "Ferrando*, Javier and Obeso*, Oscar": the marked authors share first place.
  const marked = r.authors.map(hasContributionMark);
  if (marked[match.index] && marked[0] && marked.filter(Boolean).length > 1) return 'co-first';
  if (match.index === 0) return 'first';
  return match.index === r.authors.length - 1 ? 'last' : 'co-author';
}

function roleDraft(r: ImportedRole, fail: Say): Draft | undefined {
  if (!r.organisation) fail('has no organisation');
  const start = dateOf('start', r.start, fail);
  const end = r.end === 'present' ? 'present' : dateOf('end', r.end, fail);
  if (!r.organisation) return undefined;
  const value: RoleDraft = {
    ...(r.title ? { title: r.title } : {}),
    organisation: r.organisation,
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
    ...(r.note ? { note: r.note } : {}),
  };
  return { kind: 'role', value, record: r };
}

function degreeDraft(r: ImportedDegree, fail: Say): Draft | undefined {
  if (!r.institution) fail('has no institution');
  if (!r.degree) fail('names no degree (ORCID: the role title; JSON Resume: studyType)');
  const start = dateOf('start', r.start, fail);
  const end = dateOf('end', r.end, fail);
  if (!r.institution || !r.degree) return undefined;
  const value: DegreeDraft = {
    degree: r.degree,
    ...(r.field ? { field: r.field } : {}),
    institution: r.institution,
    ...(r.department ? { department: r.department } : {}),
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
  };
  return { kind: 'degree', value, record: r };
}

function dateOf(field: string, text: string | undefined, fail: Say): string | undefined {
  if (text === undefined) return undefined;
  // Full timestamps (2021-09-01T00:00:00Z) are common in JSON: the day is what counts.
  const day = /^(\d{4}-\d{2}-\d{2})T[\d:.]+(Z|[+-]\d{2}:?\d{2})?$/.exec(text)?.[1] ?? text;
  if (isPartialDate(day)) return day;
  fail(`the ${field} date \`${clip(text)}\` is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
  return undefined;
}

/** The schema decides the limits (length, control characters, https); its words name the field. */
function checkSchema(draft: Draft, fail: Say): void {
  const placeholder = { source: 'import' };
  const checks: [z.ZodType, unknown][] = [
    [paperSchema, { ...draft.value, id: 'import', ...placeholder }],
    [careerSchema, { ...draft.value, ...placeholder }],
    [educationSchema, { ...draft.value, ...placeholder }],
  ];
  if (draft.kind === 'highlight') {
    if (draft.value.text.length > limits.longText)
      fail(`the text is too long; the limit is ${limits.longText} characters`);
    else if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(draft.value.text))
      fail('the text holds a control character (such as NUL or ESC)');
    return;
  }
  const [schema, value] = checks[draft.kind === 'paper' ? 0 : draft.kind === 'role' ? 1 : 2]!;
  const result = schema.safeParse(value);
  if (!result.success)
    for (const issue of result.error.issues) fail(`${issue.path.join('.') || 'entry'}: ${issue.message}`);
}

/** Names joined, cut at a whole name with "et al." to stay within a one-line field. */
function authorList(names: readonly string[]): string {
  const all = names.join(', ');
  if (all.length <= limits.shortText) return all;
  let out = '';
  for (const name of names) {
    const next = out ? `${out}, ${name}` : name;
    if (next.length + ', et al.'.length > limits.shortText) break;
    out = next;
  }
  return `${out}, et al.`;
}

/** The abstract's first sentence, when it makes a one-line summary. */
function summaryOf(abstract: string | undefined): string | undefined {
  if (!abstract) return undefined;
  const text = abstract.replace(/\s+/g, ' ').trim();
  const first = /^(.{20,}?[.!?])(\s|$)/.exec(text)?.[1] ?? text;
  return first.length <= 400 ? first : `${first.slice(0, 400).replace(/\s+\S*$/, '')}…`;
}

function clip(text: string, max = 60): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}

function basename(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}
