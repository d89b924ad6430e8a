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
  /** File-level problems (syntax, shape); entry-level ones are found by the mapping. */
  readonly problems: readonly Problem[];
}

export function problemAt(file: string, at: EntryLocation | undefined, message: string, severity: Problem['severity'] = 'error'): Problem {
  return { file, line: at?.line ?? 0, column: at?.column ?? 0, path: at?.path ?? '', message, severity };
}
