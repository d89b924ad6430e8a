import { stringify } from 'yaml';
import type { ImportPlan, SourcedDraft } from './plan-import.js';
import type { ParsedRecords } from './types.js';

/**
 * The start of a profile made by `import --new NAME`: the schema line, a note on where it came
 * from, the person (name, a headline from the records, citing them) and an empty `sources` list
 * that the import then fills like any other profile.
 */
export function newProfileText(target: { readonly name: string; readonly schemaPath: string }, parsed: readonly ParsedRecords[], plan: ImportPlan, drafts: readonly SourcedDraft[]): string {
  const files = parsed.map((p) => p.file.split(/[\\/]/).pop()).join(', ');
  const { headline, file } = headlineOf(parsed, plan, drafts);
  const sourceId = plan.fileSourceIds.get(file) ?? [...plan.fileSourceIds.values()][0] ?? 'import';
  return [
    `# yaml-language-server: $schema=${target.schemaPath}`,
    `# Started by profile-report import from ${files}. Every imported fact cites the record it came`,
    '# from; papers have a placeholder summary until you write one.',
    '',
    'person:',
    `  name: ${scalar(target.name)}`,
    `  headline: ${scalar(headline)}`,
    `  source: ${sourceId}`,
    '',
    'sources: []',
    '',
  ].join('\n');
}

/** A JSON Resume's label; else the latest imported role; else what was imported. */
function headlineOf(parsed: readonly ParsedRecords[], plan: ImportPlan, drafts: readonly SourcedDraft[]): { headline: string; file: string } {
  const labelled = parsed.find((p) => p.person?.headline && plan.fileSourceIds.has(p.file));
  if (labelled?.person?.headline) return { headline: labelled.person.headline, file: labelled.file };
  const roles = drafts.flatMap((d) => (d.draft.kind === 'role' && plan.fileSourceIds.has(d.file) ? [{ role: d.draft.value, file: d.file }] : []));
  const latest = roles.sort((a, b) => String(b.role.start ?? '').localeCompare(String(a.role.start ?? '')))[0];
  if (latest) return { headline: [latest.role.title, latest.role.organisation].filter(Boolean).join(', '), file: latest.file };
  const file = [...plan.fileSourceIds.keys()][0] ?? parsed[0]?.file ?? '';
  const n = plan.papers.length;
  return { headline: `Author of ${n} paper${n === 1 ? '' : 's'} imported from ${file.split(/[\\/]/).pop()}`, file };
}

/** One YAML scalar, quoted only if it must be (a name may hold a colon or look like a number). */
function scalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}
