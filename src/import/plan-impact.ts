import type { Impact } from '../schema/profile-schema.js';
import type { ImportedImpact, RecordSource } from './types.js';

/** A research footprint read from one import file. */
export interface SourcedImpact {
  readonly impact: ImportedImpact;
  readonly file: string;
  readonly fileSource: RecordSource;
}

/** Figures and their date, as the summary names them. */
export interface ImpactFigures {
  readonly citations: number;
  readonly asOf: string;
}

/**
 * What an import did to the profile's research footprint: added it, replaced an older one, or
 * kept the profile's because it is as new or newer. Files whose footprint lost to a newer one
 * from another file of the same import are named too.
 */
export type ImpactChange = ImpactFigures & {
  readonly file: string;
  readonly older: readonly (ImpactFigures & { readonly file: string })[];
} & (
    | { readonly action: 'added' }
    | { readonly action: 'replaced'; readonly before: ImpactFigures }
    | { readonly action: 'kept'; readonly profile: ImpactFigures }
  );

/**
 * Footprints are figures of a moment, so the newest wins: the newest of the files, then that
 * against the profile's. A record with no date counts as read today. The import replaces the
 * profile's only when it is newer at the profile's own precision (a profile's `2026-05` is not
 * older than an import of 2026-05-20), and cites the file's source only when it is written.
 */
export function planImpact(
  existing: Impact | undefined,
  impacts: readonly SourcedImpact[],
  today: string,
  sourceFor: (item: SourcedImpact) => string,
): { value?: Impact; change: ImpactChange } | undefined {
  const dated = impacts.map((item) => ({ item, asOf: item.impact.asOf ?? today }));
  const newest = dated.reduce<(typeof dated)[number] | undefined>(
    (best, d) => (best === undefined || d.asOf > best.asOf ? d : best),
    undefined,
  );
  if (!newest) return undefined;
  const older = dated
    .filter((d) => d !== newest)
    .map((d) => ({ file: d.item.file, citations: d.item.impact.citations, asOf: d.asOf }));
  const figures = { file: newest.item.file, citations: newest.item.impact.citations, asOf: newest.asOf, older };
  if (existing && !isNewer(newest.asOf, existing.asOf)) {
    return { change: { ...figures, action: 'kept', profile: { citations: existing.citations, asOf: existing.asOf } } };
  }
  const { citations, hIndex, i10Index, byYear } = newest.item.impact;
  const value: Impact = {
    citations,
    ...(hIndex === undefined ? {} : { hIndex }),
    ...(i10Index === undefined ? {} : { i10Index }),
    ...(byYear === undefined ? {} : { byYear: byYear.map((y) => ({ ...y })) }),
    asOf: newest.asOf,
    source: sourceFor(newest.item),
  };
  const change: ImpactChange = existing
    ? { ...figures, action: 'replaced', before: { citations: existing.citations, asOf: existing.asOf } }
    : { ...figures, action: 'added' };
  return { value, change };
}

/** `imported` (YYYY-MM-DD) is later than `profile` (YYYY, YYYY-MM or YYYY-MM-DD), compared at the profile's precision. */
function isNewer(imported: string, profile: string): boolean {
  return imported.slice(0, profile.length) > profile;
}
