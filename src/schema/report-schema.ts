import * as z from 'zod';
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
  'sources',
] as const;
export type SectionName = (typeof sectionNames)[number];

export const pageSizes = ['A4', 'Letter'] as const;
export type PageSize = (typeof pageSizes)[number];

const describe = <T extends z.ZodType>(schema: T, description: string): T => schema.meta({ description });

/** A path inside the project, relative to the report spec. */
const relativePath = z
  .string()
  .min(1)
  .max(500)
  .refine((p) => !p.includes('\0'), { message: 'the path holds a NUL character' });

/**
 * The report spec (data/report.yaml): what to compare and how the report looks. Paths are
 * relative to the spec's folder and must stay inside the project folder.
 */
export const reportSchema = z
  .strictObject({
    title: shortText,
    subtitle: shortText.optional(),
    author: describe(shortText, 'Who prepared the report; goes into the PDF metadata.'),
    subject: describe(shortText, 'One line for the PDF metadata; defaults to the subtitle.').optional(),
    keywords: z.array(shortText).max(30).default([]),
    language: describe(z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'expected a language tag such as en or en-GB' }), 'The language of the report text.').default('en'),
    profiles: describe(
      z.array(relativePath).min(1, { message: 'list at least one profile' }).max(limits.people, { message: `too many people; a report compares at most ${limits.people}` }),
      'The profiles to compare, in this order.',
    ),
    sections: describe(
      z.array(z.enum(sectionNames)).min(1).refine((s) => new Set(s).size === s.length, { message: 'a section is listed twice' }),
      'Which sections, in which order.',
    ).default([...sectionNames]),
    page: z.enum(pageSizes).default('A4'),
    buildDate: describe(fullDate, 'The date printed on the report and stored in the PDF: the same inputs give the same bytes.'),
    output: z
      .strictObject({
        dir: describe(relativePath, 'Folder for the outputs, relative to this file.').default('out'),
        name: describe(
          z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, { message: 'expected a file name without a folder or extension, such as report' }),
          'File name without extension: gives <name>.html and <name>.pdf.',
        ).default('report'),
      })
      .default({ dir: 'out', name: 'report' }),
    templates: describe(relativePath, 'A folder whose partials and CSS override the built-in ones.').optional(),
  })
  .meta({ title: 'profile-report report spec' });

export type ReportSpec = z.output<typeof reportSchema>;
