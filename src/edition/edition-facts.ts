import type { LocalisedProfile } from '../schema/profile-schema.js';
import type { ReportSpec } from '../schema/report-schema.js';
import { factsFormat, factsVersion } from './facts-schema.js';
import type { FactsDocument } from './facts-schema.js';

/**
 * A person is the same person in two editions when their name is: compared after Unicode
 * normalisation, case folding and collapsing spaces, so "Zeng  Yan" and "zeng yan" match.
 */
export function personKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The facts a report with this spec and these profiles shows. Pure. */
export function editionFacts(spec: ReportSpec, profiles: readonly LocalisedProfile[]): FactsDocument {
  return {
    format: factsFormat,
    version: factsVersion,
    title: spec.title,
    buildDate: spec.buildDate,
    language: spec.language,
    people: profiles.map((profile) => ({ key: personKey(profile.person.name), profile })),
  };
}

/**
 * The canonical text of a facts document: keys sorted at every level, no spaces, so the same
 * facts are always the same bytes (the report's bytes depend on them).
 */
export function serialiseFacts(facts: FactsDocument): string {
  return JSON.stringify(sortKeys(facts));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) sorted[key] = sortKeys(v);
  }
  return sorted;
}
