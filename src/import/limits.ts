import { limits } from '../limits.js';

/**
 * The largest import file. Records are bigger than profiles: an ORCID record or an OpenAlex page
 * of 200 works is a few MiB, a Google Scholar export of 500 papers about 500 KiB.
 */
export const importFileBytes = 8 * 1024 * 1024;

/**
 * All the text a BibTeX file's field values may expand to once `@string` macros are substituted
 * (the file's own text counts too). Twice the largest file: real `@string`s (journal names, month
 * names) add little, while ten nested macros each ten times the last would make gigabytes.
 */
export const bibtexExpandedChars = 2 * importFileBytes;

/**
 * The most records of one kind a single file may hold: no more than a profile can keep. A file of
 * 8,000 papers is refused as soon as it is counted, before any entry is mapped or matched.
 */
const recordsPerFile = {
  paper: limits.papers,
  role: limits.careerEntries,
  degree: limits.educationEntries,
  highlight: limits.listItems,
} as const;

export type RecordKind = keyof typeof recordsPerFile;

const plural: Record<RecordKind, string> = {
  paper: 'papers',
  role: 'roles',
  degree: 'degrees',
  highlight: 'distinctions',
};

/** Why a file that holds `count` records of a kind is refused, or undefined when a profile can hold them. */
export function tooManyRecords(kind: RecordKind, count: number): string | undefined {
  const max = recordsPerFile[kind];
  if (count <= max) return undefined;
  return `this file holds ${count.toLocaleString('en')} ${plural[kind]}, and a profile holds at most ${max}: the file is refused before its entries are read (import the part that belongs in the profile)`;
}
