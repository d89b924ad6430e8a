import * as z from 'zod';
import { limits } from '../limits.js';
import { endDate, partialDate } from './partial-date.js';
import { localised, profileLanguage } from './localised-text.js';
import type { Resolved } from './localised-text.js';
import { arxivId, httpsUrl, id, list, longText, shortText, sourceRef } from './primitives.js';

// Text a profile may give in several languages (see localised-text.ts); names, ids, units and
// paper titles stay plain.
const shortLocal = localised(shortText);
const longLocal = localised(longText);

/**
 * The profile of one person: the single source of truth for what a profile may hold. Every
 * object is strict (an unknown key is a typo), the TypeScript types are inferred from here and
 * data/profile.schema.json is generated from here.
 */

const describe = <T extends z.ZodType>(schema: T, description: string): T => schema.meta({ description });

const sourcedText = z.strictObject({
  text: longLocal,
  source: sourceRef,
});

export const personSchema = z.strictObject({
  name: describe(shortText, 'The name as the report should show it, in Latin script (for example Zeng Yan).'),
  nativeName: describe(shortText, 'The name in its native script (for example 曾妍).').optional(),
  birthYear: describe(z.int().min(1900).max(2100), 'Year of birth, only when a source gives it.').optional(),
  headline: describe(shortLocal, 'One line on who the person is.'),
  currentRole: describe(shortLocal, 'The role the person holds now.').optional(),
  highlights: describe(list(sourcedText, limits.listItems, 'highlights'), 'Sourced facts that fit no other section.').optional(),
  source: sourceRef,
});

export const educationSchema = z.strictObject({
  degree: describe(shortLocal, "The degree, for example Bachelor's or Master of Science."),
  field: shortLocal.optional(),
  institution: shortLocal,
  department: shortLocal.optional(),
  start: partialDate.optional(),
  end: partialDate.optional(),
  note: longLocal.optional(),
  source: sourceRef,
});

export const careerSchema = z.strictObject({
  title: describe(shortLocal, 'The job title, when a source gives it.').optional(),
  organisation: shortLocal,
  start: partialDate.optional(),
  // When the role ended, or `present`; left out when no source says.
  end: endDate.optional(),
  note: longLocal.optional(),
  source: sourceRef,
});

export const authorships = ['first', 'co-first', 'last', 'corresponding', 'co-author'] as const;

export const paperSchema = z.strictObject({
  id,
  title: shortText,
  shortName: describe(shortText, 'The short name people use, for example X-VLM.').optional(),
  year: describe(z.int().min(1900).max(2100), 'Year of publication (the venue year, or the preprint year).'),
  // When the paper was first made public, for example its arXiv submission.
  date: partialDate.optional(),
  venue: describe(shortText, 'Where it was published, for example ICML 2022, or arXiv preprint.'),
  authorship: describe(z.enum(authorships), "The person's place among the authors."),
  authors: describe(shortText, 'The author list as the source gives it.').optional(),
  arxiv: arxivId.optional(),
  url: httpsUrl.optional(),
  summary: describe(longLocal, 'One line on what the paper does.'),
  source: sourceRef,
});

export const metricSchema = z.strictObject({
  label: describe(shortLocal, 'What is measured, for example Inference cost.'),
  value: z.number().finite(),
  unit: describe(shortText, 'The unit of value and baseline.value, for example s, B parameters, or relative cost.').optional(),
  baseline: describe(
    z.strictObject({ name: shortText, value: z.number().finite() }),
    'What the value is compared with, in the same unit. Metrics with a baseline get a chart of their own.',
  ).optional(),
  better: describe(z.enum(['higher', 'lower']), 'Whether a higher or a lower value is better; leave it out for a plain size.').optional(),
  claim: describe(shortLocal, 'The claim as the source words it, for example "one seventieth of the cost of GPT-4 Turbo".').optional(),
  source: sourceRef,
});

export const modelSchema = z.strictObject({
  id,
  name: shortText,
  kind: z.enum(['model', 'product', 'system']).default('model'),
  organisation: shortLocal,
  released: partialDate.optional(),
  role: describe(shortLocal, "The person's role in building it."),
  summary: longLocal.optional(),
  innovations: list(longLocal, limits.listItems, 'innovations').default([]),
  metrics: list(metricSchema, limits.listItems, 'metrics').default([]),
  source: sourceRef,
});

export const balanceSchema = z.strictObject({
  tradeoff: describe(shortLocal, 'The trade-off, for example Dynamism vs stability. People with the same trade-off share a picture.'),
  poles: describe(z.tuple([shortLocal, shortLocal]), 'The two poles, left then right, for example [Dynamism, Stability].'),
  position: describe(z.number().min(0).max(100), 'Where the person stands: 0 is fully the left pole, 100 fully the right, 50 a balance.'),
  summary: longLocal.optional(),
  evidence: list(sourcedText, limits.listItems, 'pieces of evidence').min(1, { message: 'give at least one piece of evidence' }),
});

export const sourceSchema = z.strictObject({
  id,
  title: shortText,
  publisher: shortText.optional(),
  date: partialDate.optional(),
  url: httpsUrl.optional(),
  file: describe(shortText, 'A document kept beside the profiles, shown as text (never opened by the renderer).').optional(),
  note: longLocal.optional(),
});

export const profileSchema = z
  .strictObject({
    language: profileLanguage.default('en'),
    person: personSchema,
    education: list(educationSchema, limits.educationEntries, 'education entries').default([]),
    career: list(careerSchema, limits.careerEntries, 'career entries').default([]),
    papers: list(paperSchema, limits.papers, 'papers').default([]),
    models: list(modelSchema, limits.models, 'models').default([]),
    balance: list(balanceSchema, limits.balancePoints, 'balance points').default([]),
    sources: list(sourceSchema, limits.sources, 'sources').min(1, { message: 'give at least one source: every fact cites one' }),
  })
  .meta({ title: 'profile-report profile', description: 'One person, for a profile-report comparison.' });

/** A profile as written: texts may be maps of translations. */
export type LocalisedProfile = z.output<typeof profileSchema>;
/** A profile as a report in one language reads it (see localiseProfile): every text plain. */
export type Profile = Resolved<LocalisedProfile>;
export type Person = Profile['person'];
export type Education = Profile['education'][number];
export type CareerEntry = Profile['career'][number];
export type Paper = Profile['papers'][number];
export type Model = Profile['models'][number];
export type Metric = Model['metrics'][number];
export type BalancePoint = Profile['balance'][number];
export type Source = Profile['sources'][number];
