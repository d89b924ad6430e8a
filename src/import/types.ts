import type { Problem } from '../errors.js';

/** The record formats `profile-report import` reads. */
export const importFormats = ['bibtex', 'csl-json', 'orcid', 'openalex', 'json-resume'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** Where an entry was written in its file: line:col where the format has lines, and a JSON path. */
export interface EntryLocation {
  readonly line: number;
  readonly column: number;
  /** `$.results[3]` for JSON formats, the BibTeX key for BibTeX. */
  readonly path: string;
}

/** A person's name as a record gives it: split when the record splits it, else one literal. */
export interface ImportedName {
  readonly given?: string;
  readonly family?: string;
  readonly literal?: string;
}

interface Entry {
  /** How the user knows the entry: a BibTeX key, or a title. Named in every message about it. */
  readonly entry: string;
  readonly at: EntryLocation;
  /** What the reader found wrong with the entry itself (a date that is no date): it is not imported. */
  readonly faults?: readonly string[];
  /** What the reader left out of the entry or decided for it, said when the entry is imported. */
  readonly notes?: readonly string[];
}

export interface ImportedPaper extends Entry {
  readonly kind: 'paper';
  readonly title?: string;
  /** The year as the record wrote it (text), checked by the mapping. */
  readonly year?: string;
  readonly date?: string;
  readonly venue?: string;
  /** Undefined when the record carries no author list (ORCID summaries, JSON Resume). */
  readonly authors?: readonly ImportedName[];
  /** Editors, who are not authors: named when the person is among them but not among the authors. */
  readonly editors?: readonly ImportedName[];
  /**
   * The record is the person's own list of their works (an ORCID record, a résumé), so a work
   * with no author list is still theirs. Elsewhere (BibTeX, CSL-JSON, OpenAlex) a work whose
   * authors do not include the person is not theirs.
   */
  readonly ownList?: boolean;
  /** Without its version: `2111.08276`. */
  readonly arxiv?: string;
  readonly doi?: string;
  readonly url?: string;
  readonly abstract?: string;
  readonly shortName?: string;
  /** A key the user chose (BibTeX), used for the paper's id. */
  readonly key?: string;
}

export interface ImportedRole extends Entry {
  readonly kind: 'role';
  readonly organisation?: string;
  readonly title?: string;
  readonly start?: string;
  readonly end?: string;
  readonly note?: string;
}

export interface ImportedDegree extends Entry {
  readonly kind: 'degree';
  readonly institution?: string;
  readonly degree?: string;
  readonly field?: string;
  readonly department?: string;
  readonly start?: string;
  readonly end?: string;
}

/** A distinction or award: becomes one of the person's highlights. */
export interface ImportedHighlight extends Entry {
  readonly kind: 'highlight';
  readonly text?: string;
}

export type ImportedRecord = ImportedPaper | ImportedRole | ImportedDegree | ImportedHighlight;

/**
 * A research footprint as an author record gives it: every figure checked to be a count, the
 * years sorted. `asOf` is the record's own date (YYYY-MM-DD), or absent when it gives none.
 */
export interface ImportedImpact {
  readonly entry: string;
  readonly at: EntryLocation;
  /** The names the record gives its author, checked against the profile's person. */
  readonly names: readonly string[];
  readonly citations: number;
  readonly hIndex?: number;
  readonly i10Index?: number;
  readonly byYear?: readonly { readonly year: number; readonly citations: number; readonly works?: number }[];
  readonly asOf?: string;
}

/** Facts a file holds that the profile has no place for: never dropped without a word. */
export interface LeftOut {
  readonly file: string;
  /** What, in the file's own terms: `ORCID fundings`, `JSON Resume skills`. */
  readonly what: string;
  readonly count: number;
  readonly why: string;
}

/** The file or record the facts came from: becomes one entry in the profile's `sources`. */
export interface RecordSource {
  readonly title: string;
  readonly publisher: string;
  readonly date?: string;
  readonly url?: string;
}

/** One file, read into records. Pure data: nothing here has touched the profile yet. */
export interface ParsedRecords {
  readonly file: string;
  readonly format: ImportFormat;
  readonly source: RecordSource;
  /** What the record says about the person, for `--new`. */
  readonly person?: { readonly name?: string; readonly headline?: string };
  readonly records: readonly ImportedRecord[];
  /** The person's research footprint, from a single author record. */
  readonly impact?: ImportedImpact;
  /** File-level problems (syntax, shape); entry-level ones are found by the mapping. */
  readonly problems: readonly Problem[];
  /** Whole sections the profile has no place for. */
  readonly leftOut?: readonly LeftOut[];
}

export function problemAt(
  file: string,
  at: EntryLocation | undefined,
  message: string,
  severity: Problem['severity'] = 'error',
): Problem {
  return { file, line: at?.line ?? 0, column: at?.column ?? 0, path: at?.path ?? '', message, severity };
}
