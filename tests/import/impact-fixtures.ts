import { minimalProfile } from './helpers.js';

/* The records and profiles the footprint tests import into, shared by the in-process tests and the CLI's. */

/** Heather A. Piwowar's OpenAlex author record of 2022: counts per year, no summary_stats. */
export const piwowarFile = 'openalex-author-by-orcid-2022.json';
/** An OpenAlex author record of 2023 with summary_stats (all zero: the author was deleted). */
export const statsFile = 'openalex-A5317838346.json';

/** The hand-written profile of the helpers, for the person a record is of. */
export const profileFor = (name: string): string => minimalProfile.replace('Ada Lovelace', name);
export const heather = profileFor('Heather A. Piwowar');

/** The profile's text with an `impact` section before `sources`. */
export const withImpact = (impact: string): string =>
  heather
    .replace('\nsources:', `\n# Figures read by hand.\nimpact:\n${impact}\n\nsources:`)
    .replace(
      '    title: A biography\n',
      '    title: A biography\n  - id: scholar\n    title: Google Scholar profile\n',
    );
