import { createTwoFilesPatch } from 'diff';
import type { ImportResult } from './import-profile.js';

/** The change an import makes to a profile, as a unified diff a person can read. */
export function importDiff(file: string, result: ImportResult): string {
  if (result.before === result.text) return '';
  return createTwoFilesPatch(`${file} (now)`, `${file} (after the import)`, result.before, result.text, undefined, undefined, { context: 2 });
}

/** One paragraph on what the import did, or would do. */
export function importSummaryLines(result: ImportResult): string[] {
  const a = result.added;
  const parts = [
    plural(a.papers.length, 'paper'),
    plural(a.career, 'role'),
    plural(a.education, 'degree'),
    plural(a.highlights, 'distinction'),
    plural(a.sources.length, 'source'),
  ].filter((p) => !p.startsWith('0 '));
  const lines = [`${parts.length > 0 ? parts.join(', ') : 'nothing new'}; ${plural(result.duplicates.length, 'duplicate')} left as they were; ${plural(result.conflicts.length, 'conflict')}; ${plural(result.skipped.filter((p) => p.severity === 'error').length, 'entry', 'entries')} skipped${result.leftOut.length > 0 ? `; ${plural(result.leftOut.length, 'kind')} of fact left out` : ''}.`];
  for (const c of result.conflicts) {
    lines.push(`conflict: ${c.file}  ${c.entry}: ${c.field} is "${c.imported}" there but "${c.profile}" in ${c.target}; kept the profile's`);
  }
  for (const d of result.duplicates) lines.push(`duplicate: ${d.file}  ${d.entry} is already ${d.target}`);
  lines.push(...leftOutLines(result));
  return lines;
}

/** What the files hold that the profile has no place for, one line each. */
export function leftOutLines(result: Pick<ImportResult, 'leftOut'>): string[] {
  return result.leftOut.map((l) => `left out: ${l.file}  ${l.count === 1 ? '' : `${l.count} `}${l.what}: ${l.why}`);
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
