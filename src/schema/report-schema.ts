import * as z from 'zod';
import { shippedLanguageList, shippedLanguages } from '../i18n/languages.js';
import { limits } from '../limits.js';
import { fullDate } from './partial-date.js';
import { shortText } from './primitives.js';

export const sectionNames = [
  'cover',
  'at-a-glance',
  'timeline',
  'education',
  'papers',
  'models',
  'balance-points',
  'connections',
  'sources',
] as const;
export type SectionName = (typeof sectionNames)[number];

/** Sections a spec gets without listing any: all but `connections`, which is asked for. */
const defaultSections: readonly SectionName[] = sectionNames.filter((s) => s !== 'connections');

/** `12 months`, `2 years`, `90 days`, `6 weeks`: how old the newest source of a fact that changes with time may be. */
export const maxAgePattern = /^([1-9]\d{0,3}) (day|week|month|year)s?$/;

export const pageSizes = ['A4', 'Letter'] as const;
export type PageSize = (typeof pageSizes)[number];

const describe = <T extends z.ZodType>(schema: T, description: string): T => schema.meta({ description });

/** A path inside the project, relative to the report spec. */
const relativePath = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => !p.includes('\0'), { error: 'the path holds a NUL character' })
  .meta({
    pattern: '^[^\\u0000]*$',
    errorMessage: 'Expected a path relative to this file, such as profiles/ada.yaml.',
  });

/**
 * The report spec (data/report.yaml): what to compare and how the report looks. Paths are
 * relative to the spec's folder and must stay inside the project folder.
 */
export const reportSchema = z
  .strictObject({
    title: describe(shortText, 'The title on the cover and in the PDF metadata.'),
    subtitle: describe(shortText, 'One line under the title.').optional(),
    author: describe(shortText, 'Who prepared the report; goes into the PDF metadata.'),
    subject: describe(shortText, 'One line for the PDF metadata; defaults to the subtitle.').optional(),
    keywords: describe(z.array(shortText).max(30), 'Keywords for the PDF metadata (up to 30).').default([]),
    language: describe(
      z
        .enum(shippedLanguages, {
          error: () => `expected a language the report can be written in: ${shippedLanguageList()}`,
        })
        .meta({
          errorMessage: `Expected one of the languages the report can be written in: ${shippedLanguageList()}.`,
        }),
      'The language of the report: every word the tool writes, dates, numbers and lists.',
    ).default('en'),
    profiles: describe(
      z
        .array(describe(relativePath, 'A profile, relative to this file.'))
        .min(1, { error: 'list at least one profile' })
        .max(limits.people, { error: `too many people; a report compares at most ${limits.people}` }),
      'The profiles to compare, in this order.',
    ),
    sections: describe(
      z
        .array(
          describe(
            z.enum(sectionNames),
            'A section: cover, at-a-glance, timeline, education, papers, models, balance-points, connections (what links the people; two or more) or sources.',
          ),
        )
        .min(1)
        .refine((s) => new Set(s).size === s.length, { error: 'a section is listed twice' })
        .meta({ uniqueItems: true }),
      'Which sections, in which order.',
    ).default([...defaultSections]),
    maxAge: describe(
      z
        .string()
        .regex(maxAgePattern, { error: 'expected an age such as 12 months, 2 years, 6 weeks or 90 days' })
        .meta({
          pattern: maxAgePattern.source,
          errorMessage: 'Expected an age such as 12 months, 2 years, 6 weeks or 90 days.',
        }),
      'Facts that change with time (a current role, metrics, citations) whose newest source is older than this before the build date are flagged as stale, for example 12 months.',
    ).optional(),
    page: describe(z.enum(pageSizes), 'The paper size: A4 or Letter.').default('A4'),
    buildDate: describe(
      fullDate,
      'The date printed on the report and stored in the PDF: the same inputs give the same bytes.',
    ),
    output: describe(
      z.strictObject({
        dir: describe(relativePath, 'Folder for the outputs, relative to this file.').default('out'),
        name: describe(
          z
            .string()
            .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, {
              error: 'expected a file name without a folder or extension, such as report',
            })
            .meta({ errorMessage: 'Expected a file name without a folder or extension, such as report.' }),
          'File name without extension: gives <name>.html and <name>.pdf.',
        ).default('report'),
      }),
      'Where the outputs go: <dir>/<name>.html and <dir>/<name>.pdf.',
    ).default({ dir: 'out', name: 'report' }),
    templates: describe(relativePath, 'A folder whose partials and CSS override the built-in ones.').optional(),
  })
  .meta({ title: 'profile-report report spec', description: 'What to compare and how the report looks.' });

export type ReportSpec = z.output<typeof reportSchema>;
