import type { Problem } from '../errors.js';
import type { CareerEntry, Education, Impact, Paper, Source } from '../schema/profile-schema.js';
import type { Draft } from './map-records.js';
import type { ImpactChange } from './plan-impact.js';
import type { RecordSource } from './types.js';

/*
 * The shape of an import plan: what planImport decides and what writing it (splice-yaml,
 * new-profile) and naming its sources (source-book) read. Its own module so that those can
 * depend on the shape without depending on the planner.
 */

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
  /** The research footprint to write, and what became of the profile's (added, replaced or kept). */
  impact?: { readonly value?: Impact; readonly change: ImpactChange };
  /** The source id of each import file that something cites (created on first use). */
  readonly fileSourceIds: ReadonlyMap<string, string>;
}
