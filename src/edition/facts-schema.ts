import * as z from 'zod';
import { limits } from '../limits.js';
import { profileSchema } from '../schema/profile-schema.js';
import { fullDate } from '../schema/partial-date.js';

/**
 * The facts a report carries (in the PDF as an attached file, in the HTML as an inert data
 * block), so a later build can say what changed since this edition. Each person's profile is
 * kept as written, translations included, so editions in different languages compare fact by
 * fact; the profile schema itself checks them when an edition is read back, since an edition
 * someone sends is as untrusted as a profile.
 */
export const factsFormat = 'profile-report/facts';
/** Bumped when a field changes meaning; a reader refuses a newer version rather than guess. */
export const factsVersion = 1;

/** The file name of the attachment in the PDF and the id of the data block in the HTML. */
export const factsFileName = 'profile-report-facts.json';
export const factsElementId = 'profile-report-facts';

const factsPersonSchema = z.strictObject({
  /** How the person is matched across editions: their name, normalised (see personKey). */
  key: z.string().min(1).max(limits.shortText),
  profile: profileSchema,
});

export const factsSchema = z
  .strictObject({
    format: z.literal(factsFormat),
    version: z.literal(factsVersion),
    title: z.string().max(limits.shortText),
    buildDate: fullDate,
    language: z.string().max(35),
    people: z.array(factsPersonSchema).min(1).max(limits.people),
  })
  .meta({
    title: 'profile-report facts',
    description: 'The facts one edition of a profile-report report shows, per person, as its profiles were written.',
  });

export type FactsDocument = z.output<typeof factsSchema>;

/** The JSON Schema of the facts format, for whoever reads editions with other tools. */
export function factsJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(factsSchema, { target: 'draft-7', io: 'output', unrepresentable: 'any' }),
    $id: 'https://profile-report.dev/schema/facts-1.json',
  };
}

/** Largest facts block read back from an edition: eight profiles at the profile size cap, with room for JSON's escapes. */
export const factsMaxBytes = limits.people * limits.fileBytes * 2;
