import * as z from 'zod';
import { fullDatePattern, partialDatePattern } from './json-patterns.js';

/**
 * A date as precise as the source gives it: `2021`, `2021-09` or `2025-06-11`. Kept as the
 * text written, never turned into a Date, so no time zone can shift it by a day.
 */
export type PartialDate = string;

const shape = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isPartialDate(text: string): boolean {
  const m = shape.exec(text);
  if (!m) return false;
  const [, , month, day] = m;
  if (month === undefined) return true;
  const mm = Number(month);
  if (mm < 1 || mm > 12) return false;
  if (day === undefined) return true;
  const dd = Number(day);
  return dd >= 1 && dd <= daysInMonth(Number(m[1]), mm);
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 31;
}

/** YAML reads a bare `2021` as a number; as a date it means the text "2021". */
function yearNumberAsText(value: unknown): unknown {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1000 && value <= 9999 ? String(value) : value;
}

const dateMessage = 'expected a date written as YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date)';
const dateHelp = 'A date as precise as a source gives it: `2021`, `2021-09` or `2021-09-14` (a real calendar date).';
const yearNumber = { type: 'integer', minimum: 1000, maximum: 9999, description: 'A year, written as a plain number.' };

// zod cannot put the preprocessing into a JSON Schema, so each date carries its JSON Schema as
// metadata: the same rules as patterns (calendar-checked, leap years included).

export const partialDate = z
  .preprocess(yearNumberAsText, z.string().refine(isPartialDate, { error: dateMessage }))
  .meta({
    anyOf: [{ type: 'string', pattern: partialDatePattern }, yearNumber],
    description: dateHelp,
    errorMessage: 'Expected a date written as YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date).',
    default: '2024',
  });

/** An end date, or `present` for what is still going on. */
export const endDate = z
  .preprocess(
    yearNumberAsText,
    z.string().refine((t) => t === 'present' || isPartialDate(t), {
      error: `${dateMessage}, or the word present`,
    }),
  )
  .meta({
    anyOf: [
      { type: 'string', pattern: partialDatePattern },
      { const: 'present', description: 'Still going on.' },
      yearNumber,
    ],
    description: `${dateHelp} Or \`present\` for what is still going on.`,
    errorMessage: 'Expected a date written as YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date), or present.',
    default: 'present',
  });

/** A full date, for the build date that makes outputs reproducible. */
export const fullDate = z
  .string()
  .refine((t) => /^\d{4}-\d{2}-\d{2}$/.test(t) && isPartialDate(t), {
    error: 'expected a full date written as YYYY-MM-DD (a real calendar date)',
  })
  .meta({
    pattern: fullDatePattern,
    description: 'A full date, `YYYY-MM-DD`.',
    errorMessage: 'Expected a full date written as YYYY-MM-DD (a real calendar date).',
  });

/** The earliest and latest day a partial date may mean, as YYYY-MM-DD. */
export function dateBounds(date: PartialDate): { first: string; last: string } {
  const [y, m, d] = date.split('-');
  if (d !== undefined) return { first: date, last: date };
  if (m !== undefined)
    return { first: `${y}-${m}-01`, last: `${y}-${m}-${String(daysInMonth(Number(y), Number(m))).padStart(2, '0')}` };
  return { first: `${y}-01-01`, last: `${y}-12-31` };
}
