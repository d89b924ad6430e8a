import * as z from 'zod';
import { limits } from '../limits.js';
import { localised, profileLanguage } from './localised-text.js';
import type { Resolved } from './localised-text.js';
import { endDate, partialDate } from './partial-date.js';
import { arxivId, httpsUrl, id, list, longText, shortText, sourceRef } from './primitives.js';

/**
 * The profile of one person: the single source of truth for what a profile may hold. Every
 * object is strict (an unknown key is a typo), the TypeScript types are inferred from here and
 * data/profile.schema.json is generated from here, a description on every field.
 */

const describe = <T extends z.ZodType>(schema: T, description: string): T => schema.meta({ description });

// Text a profile may give in several languages (see localised-text.ts); names, ids, units and
// paper titles stay plain.
const shortLocal = localised(shortText);
const longLocal = localised(longText);
// What an editor fills in when completing a year: a valid one, not 0.
const year = (description: string) => z.int().min(1900).max(2100).meta({ description, default: 2024 });

const sourcedText = z.strictObject({
  text: describe(longLocal, 'The fact, in a sentence or two.'),
  source: sourceRef,
});

const photoSchema = z.strictObject({
  file: describe(
    shortText,
    'The picture: a JPEG, PNG or WebP file, relative to this profile and inside the project, for example ../photos/zeng-yan.jpg. It is re-encoded, cropped to 4:5 and stripped of all metadata.',
  ),
  credit: describe(
    shortText,
    'Who took or made the picture, and its licence, printed with the sources: for example "Photo: Jane Doe, CC BY 4.0".',
  ),
  source: sourceRef,
  alt: describe(
    shortLocal,
    'What the picture shows, for screen readers; by default "Portrait of" and the name.',
  ).optional(),
});

const personSchema = z.strictObject({
  name: describe(shortText, 'The name as the report should show it, in Latin script (for example Zeng Yan).'),
  nativeName: describe(shortText, 'The name in its native script (for example 曾妍).').optional(),
  birthYear: year('Year of birth, only when a source gives it.').optional(),
  headline: describe(shortLocal, 'One line on who the person is.'),
  currentRole: describe(shortLocal, 'The role the person holds now.').optional(),
  photo: describe(
    photoSchema,
    'A portrait, shown on the cover and beside the name in the table at a glance.',
  ).optional(),
  highlights: describe(
    list(sourcedText, limits.listItems, 'highlights'),
    'Sourced facts that fit no other section.',
  ).optional(),
  source: sourceRef,
});

export const educationSchema = z.strictObject({
  degree: describe(shortLocal, "The degree, for example Bachelor's or Master of Science."),
  field: describe(shortLocal, 'The field of study, for example Computer science.').optional(),
  institution: describe(shortLocal, 'The university or school, for example Peking University.'),
  department: describe(shortLocal, 'The department, school or lab within the institution.').optional(),
  start: describe(partialDate, 'When the studies began.').optional(),
  end: describe(partialDate, 'When the studies ended (or are expected to).').optional(),
  note: describe(longLocal, 'Anything the reader should know about these studies.').optional(),
  source: sourceRef,
});

export const careerSchema = z.strictObject({
  title: describe(shortLocal, 'The job title, when a source gives it.').optional(),
  organisation: describe(shortLocal, 'The employer, for example ByteDance Seed.'),
  start: describe(partialDate, 'When the role began.').optional(),
  end: describe(endDate, 'When the role ended, or `present`; leave it out when no source says.').optional(),
  note: describe(longLocal, 'Anything the reader should know about this role.').optional(),
  source: sourceRef,
});

const authorships = ['first', 'co-first', 'last', 'corresponding', 'co-author'] as const;

export const paperSchema = z.strictObject({
  id: describe(id, 'A short id for this paper, unique in this profile, for example x-vlm.'),
  title: describe(shortText, 'The title as published (never translated).'),
  shortName: describe(shortText, 'The short name people use, for example X-VLM.').optional(),
  year: year('Year of publication (the venue year, or the preprint year).'),
  date: describe(partialDate, 'When the paper was first made public, for example its arXiv submission.').optional(),
  venue: describe(
    shortText,
    'Where it was published, for example ICML 2022, or arXiv preprint; leave it out when no source names one.',
  ).optional(),
  authorship: describe(
    z.enum(authorships),
    "The person's place among the authors: first, co-first, last, corresponding or co-author.",
  ),
  authors: describe(shortText, 'The author list as the source gives it.').optional(),
  arxiv: arxivId.optional(),
  url: describe(httpsUrl, 'A link to the paper (https only).').optional(),
  summary: describe(longLocal, 'One line on what the paper does.'),
  source: sourceRef,
});

const metricSchema = z.strictObject({
  label: describe(shortLocal, 'What is measured, for example Inference cost.'),
  value: describe(z.number(), 'The figure, in `unit`.').meta({ default: 100 }),
  unit: describe(
    shortText,
    'The unit of value and baseline.value, for example s, B parameters, or relative cost.',
  ).optional(),
  baseline: describe(
    z.strictObject({
      name: describe(shortText, 'What it is compared with, for example Seedance 1.5 Pro.'),
      value: describe(z.number(), 'Its figure, in the same unit.').meta({ default: 100 }),
    }),
    'What the value is compared with, in the same unit. Metrics with a baseline get a chart of their own.',
  ).optional(),
  better: describe(
    z.enum(['higher', 'lower']),
    'Whether a higher or a lower value is better; leave it out for a plain size.',
  ).optional(),
  claim: describe(
    shortLocal,
    'The claim as the source words it, for example "one seventieth of the cost of GPT-4 Turbo".',
  ).optional(),
  source: sourceRef,
});

const modelSchema = z.strictObject({
  id: describe(id, 'A short id for this model or product, unique in this profile, for example seedance-2-0.'),
  name: describe(shortText, 'The name of the model, product or system, for example Seedance 2.0.'),
  kind: describe(z.enum(['model', 'product', 'system']), 'What it is: a model, a product or a system.').default(
    'model',
  ),
  organisation: describe(shortLocal, 'Who released it, for example ByteDance Seed.'),
  released: describe(partialDate, 'When it was released.').optional(),
  role: describe(shortLocal, "The person's role in building it."),
  summary: describe(longLocal, 'What it is, in a sentence or two.').optional(),
  innovations: describe(
    list(longLocal, limits.listItems, 'innovations'),
    'What was new about it, one sentence each.',
  ).default([]),
  metrics: describe(
    list(metricSchema, limits.listItems, 'metrics'),
    'Headline figures, each with its unit and what it is compared with.',
  ).default([]),
  source: sourceRef,
});

const balanceSchema = z.strictObject({
  tradeoff: describe(
    shortLocal,
    'The trade-off, for example Dynamism vs stability. People with the same trade-off share a picture.',
  ),
  poles: describe(
    z.tuple([
      describe(shortLocal, 'The left pole, for example Dynamism.'),
      describe(shortLocal, 'The right pole, for example Stability.'),
    ]),
    'The two poles, left then right, for example [Dynamism, Stability].',
  ),
  position: describe(
    z.number().min(0).max(100),
    'Where the person stands: 0 is fully the left pole, 100 fully the right, 50 a balance.',
  ).meta({ default: 50 }),
  summary: describe(longLocal, 'How the person balances the two, in a sentence or two.').optional(),
  evidence: describe(
    list(sourcedText, limits.listItems, 'pieces of evidence').min(1, {
      error: 'give at least one piece of evidence',
    }),
    'Sourced facts that show where the person stands (at least one).',
  ),
});

const count = (description: string) => describe(z.int().min(0).max(100_000_000), description).meta({ default: 0 });

/**
 * A research footprint: figures that change with time, so each is dated (`asOf`) and sourced.
 * Counts differ between services (Google Scholar counts more than OpenAlex or Scopus), so the
 * report always says which service and when.
 */
const impactSchema = z.strictObject({
  citations: count('Citations of all the person’s works, as the source counts them.'),
  hIndex: count('The h-index: h works cited at least h times each.').optional(),
  i10Index: count('Works cited at least 10 times.').optional(),
  byYear: describe(
    list(
      z.strictObject({
        year: year('The calendar year.'),
        citations: count('Citations received in that year.'),
        works: count('Works published in that year.').optional(),
      }),
      limits.listItems,
      'years',
    ),
    'Citations (and works) per year, as the source gives them.',
  ).optional(),
  asOf: describe(partialDate, 'When the figures were true (the date the source gives, or when you read them).'),
  source: sourceRef,
});

const sourceSchema = z.strictObject({
  id: describe(id, 'The id facts cite in their `source`, for example article or arxiv-2111-08276.'),
  title: describe(shortText, 'The title as published (never translated).'),
  publisher: describe(shortText, 'Who published it, for example 字母AI or arXiv.').optional(),
  date: describe(partialDate, 'When it was published.').optional(),
  accessed: describe(
    partialDate,
    'When you last read it: facts that change with time count from here (see maxAge in the report spec).',
  ).optional(),
  url: describe(httpsUrl, 'Where to read it (https only).').optional(),
  file: describe(
    shortText,
    'A document kept beside the profiles, shown as text (never opened by the renderer).',
  ).optional(),
  note: describe(longLocal, 'Anything the reader should know about this source.').optional(),
});

export const profileSchema = z
  .strictObject({
    language: profileLanguage.default('en'),
    person: describe(personSchema, 'Who the person is.'),
    education: describe(
      list(educationSchema, limits.educationEntries, 'education entries'),
      'Degrees, oldest first.',
    ).default([]),
    career: describe(list(careerSchema, limits.careerEntries, 'career entries'), 'Roles, oldest first.').default([]),
    papers: describe(list(paperSchema, limits.papers, 'papers'), 'Papers the person wrote or co-wrote.').default([]),
    models: describe(
      list(modelSchema, limits.models, 'models'),
      'Models, products or systems the person helped build.',
    ).default([]),
    balance: describe(
      list(balanceSchema, limits.balancePoints, 'balance points'),
      'The trade-offs that define the person’s work, and where they stand.',
    ).default([]),
    impact: describe(
      impactSchema,
      'The research footprint: citations, h-index and citations per year, dated and sourced.',
    ).optional(),
    sources: describe(
      list(sourceSchema, limits.sources, 'sources').min(1, {
        error: 'give at least one source: every fact cites one',
      }),
      'Where the facts come from; every fact cites one of these by id.',
    ),
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
export type Impact = NonNullable<Profile['impact']>;
