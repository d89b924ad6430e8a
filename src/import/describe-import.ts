import { createTwoFilesPatch } from 'diff';
import type { ImportResult } from './import-profile.js';
import type { ImpactChange } from './plan-impact.js';

/** The change an import makes to a profile, as a unified diff a person can read. */
export function importDiff(file: string, result: ImportResult): string {
  if (result.before === result.text) return '';
  return createTwoFilesPatch(
    `${file} (now)`,
    `${file} (after the import)`,
    result.before,
    result.text,
    undefined,
    undefined,
    { context: 2 },
  );
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
  if (result.impact?.action === 'added') parts.unshift('a research footprint');
  if (result.impact?.action === 'replaced') parts.unshift('a newer research footprint');
  const lines = [
    `${parts.length > 0 ? parts.join(', ') : 'nothing new'}; ${plural(result.duplicates.length, 'duplicate')} left as they were; ${plural(result.conflicts.length, 'conflict')}; ${plural(result.skipped.filter((p) => p.severity === 'error').length, 'entry', 'entries')} skipped${result.leftOut.length > 0 ? `; ${plural(result.leftOut.length, 'kind')} of fact left out` : ''}.`,
  ];
  for (const c of result.conflicts) {
    lines.push(
      `conflict: ${c.file}  ${c.entry}: ${c.field} is "${c.imported}" there but "${c.profile}" in ${c.target}; kept the profile's`,
    );
  }
  for (const d of result.duplicates) lines.push(`duplicate: ${d.file}  ${d.entry} is already ${d.target}`);
  if (result.impact) lines.push(...impactLines(result.impact));
  lines.push(...leftOutLines(result));
  return lines;
}

/** What the files hold that the profile has no place for, one line each. */
export function leftOutLines(result: Pick<ImportResult, 'leftOut'>): string[] {
  return result.leftOut.map((l) => `left out: ${l.file}  ${l.count === 1 ? '' : `${l.count} `}${l.what}: ${l.why}`);
}

/** The footprint's change in one line ("impact: citations 800 → 950, as of 2026-05-20 → 2026-11-01"), and any older one not used. */
function impactLines(change: ImpactChange): string[] {
  const lines = [
    change.action === 'added'
      ? `impact: ${change.file}  citations ${change.citations}, as of ${change.asOf}; added`
      : change.action === 'replaced'
        ? `impact: citations ${change.before.citations} → ${change.citations}, as of ${change.before.asOf} → ${change.asOf} (from ${change.file})`
        : `impact: kept the profile's (citations ${change.profile.citations}, as of ${change.profile.asOf}); ${change.file} gives citations ${change.citations} as of ${change.asOf}, which is not newer`,
  ];
  for (const o of change.older)
    lines.push(
      `impact: ${o.file}  citations ${o.citations}, as of ${o.asOf}, not used: ${change.file} gives newer figures`,
    );
  return lines;
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
