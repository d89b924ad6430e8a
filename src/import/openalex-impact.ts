import { limits } from '../limits.js';
import { isPartialDate } from '../schema/partial-date.js';
import { arr, obj, str } from './json-source.js';
import type { JsonPath, JsonSource } from './json-source.js';
import type { ImportedImpact } from './types.js';

/** The bounds the profile schema puts on a count and a year: a figure outside them is a fault of the record. */
const maxCount = 100_000_000;
const years = { min: 1900, max: 2100 };

/**
 * An OpenAlex author's footprint: `cited_by_count`, `summary_stats` (h-index, i10-index; absent
 * in records saved before 2023), `counts_by_year` (newest first in the record, oldest first here)
 * and `updated_date` as the day the figures were true. A figure that is not a count, a year out
 * of range or given twice, is a fault: the footprint is not imported, and the fault is said at
 * its place in the file.
 */
export function openAlexImpact(
  a: Record<string, unknown>,
  json: JsonSource,
  path: JsonPath,
): { impact?: ImportedImpact; faults: { at: JsonPath; message: string }[] } {
  const faults: { at: JsonPath; message: string }[] = [];
  const countAt = (value: unknown, at: JsonPath, name: string): number | undefined => {
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= maxCount) return value;
    faults.push({
      at,
      message: `${name} is ${JSON.stringify(value).slice(0, 40)}, not a whole number from 0 to ${maxCount.toLocaleString('en')}`,
    });
    return undefined;
  };
  const citations = countAt(a['cited_by_count'], [...path, 'cited_by_count'], '`cited_by_count`');
  const stats = obj(a['summary_stats']);
  const hIndex = countAt(stats?.['h_index'], [...path, 'summary_stats', 'h_index'], '`summary_stats.h_index`');
  const i10Index = countAt(stats?.['i10_index'], [...path, 'summary_stats', 'i10_index'], '`summary_stats.i10_index`');

  const rows = arr(a['counts_by_year']);
  if (rows.length > limits.listItems)
    faults.push({
      at: [...path, 'counts_by_year'],
      message: `\`counts_by_year\` has ${rows.length} years; a profile holds at most ${limits.listItems}`,
    });
  const byYear: { year: number; citations: number; works?: number }[] = [];
  const seen = new Set<number>();
  rows.slice(0, limits.listItems).forEach((raw, i) => {
    const at: JsonPath = [...path, 'counts_by_year', i];
    const row = obj(raw);
    const year = row?.['year'];
    if (typeof year !== 'number' || !Number.isInteger(year) || year < years.min || year > years.max) {
      faults.push({
        at,
        message: `\`counts_by_year[${i}].year\` is ${year === undefined ? 'missing' : JSON.stringify(year).slice(0, 40)}, not a year from ${years.min} to ${years.max}`,
      });
      return;
    }
    if (seen.has(year)) faults.push({ at, message: `\`counts_by_year\` gives ${year} twice` });
    seen.add(year);
    const cited = countAt(
      row?.['cited_by_count'],
      [...at, 'cited_by_count'],
      `\`counts_by_year[${i}].cited_by_count\``,
    );
    const works = countAt(row?.['works_count'], [...at, 'works_count'], `\`counts_by_year[${i}].works_count\``);
    if (cited === undefined) {
      if (row?.['cited_by_count'] === undefined)
        faults.push({ at, message: `\`counts_by_year[${i}]\` gives no \`cited_by_count\`` });
      return;
    }
    byYear.push({ year, citations: cited, ...(works === undefined ? {} : { works }) });
  });

  const updated = str(a['updated_date']);
  const asOf = updated?.slice(0, 10);
  if (updated !== undefined && (asOf === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isPartialDate(asOf))) {
    faults.push({
      at: [...path, 'updated_date'],
      message: `\`updated_date\` is "${updated.slice(0, 40)}", not a date (YYYY-MM-DD…)`,
    });
  }
  if (citations === undefined || faults.length > 0) return { faults };
  const name = str(a['display_name']);
  return {
    faults,
    impact: {
      entry: `footprint of author \`${name ?? str(a['id']) ?? '?'}\``,
      at: json.locate([...path, 'cited_by_count']),
      names: [name, ...arr(a['display_name_alternatives']).map(str)]
        .filter((n): n is string => n !== undefined)
        .slice(0, 20),
      citations,
      ...(hIndex === undefined ? {} : { hIndex }),
      ...(i10Index === undefined ? {} : { i10Index }),
      ...(byYear.length > 0 ? { byYear: byYear.sort((x, y) => x.year - y.year) } : {}),
      ...(asOf === undefined ? {} : { asOf }),
    },
  };
}
