import { stringify } from 'yaml';
import { venueName } from '../derive/charts/papers-charts.js';
import type { Paper } from '../schema/profile-schema.js';
import type { ImportPlan, SourcedDraft } from './import-plan.js';
import { preprintVenue } from './venue.js';
import type { ParsedRecords } from './types.js';

/**
 * The start of a profile made by `import --new NAME`: the schema line, a note on where it came
 * from, the person (name, a headline from the records, citing them) and an empty `sources` list
 * that the import then fills like any other profile.
 */
export function newProfileText(
  target: { readonly name: string; readonly schemaPath: string },
  parsed: readonly ParsedRecords[],
  plan: ImportPlan,
  drafts: readonly SourcedDraft[],
): { text: string; headlineMade: boolean; headline: string } {
  const files = parsed.map((p) => p.file.split(/[\\/]/).pop()).join(', ');
  const { headline, file, made } = headlineOf(parsed, plan, drafts);
  const sourceId = plan.fileSourceIds.get(file) ?? [...plan.fileSourceIds.values()][0] ?? 'import';
  const text = [
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
  return { text, headlineMade: made, headline };
}

/**
 * A JSON Resume's label; else the latest imported role; else the venues of the imported papers
 * ("Author of papers at ICLR, EMNLP and ACL"), which is true of the person whatever else they
 * wrote. Never a count of what this import happened to hold, nor the name of a file: the reader
 * of a report knows neither. A headline made from papers is said, for the user to replace.
 */
function headlineOf(
  parsed: readonly ParsedRecords[],
  plan: ImportPlan,
  drafts: readonly SourcedDraft[],
): { headline: string; file: string; made: boolean } {
  const labelled = parsed.find((p) => p.person?.headline && plan.fileSourceIds.has(p.file));
  if (labelled?.person?.headline) return { headline: labelled.person.headline, file: labelled.file, made: false };
  const roles = drafts.flatMap((d) =>
    d.draft.kind === 'role' && plan.fileSourceIds.has(d.file) ? [{ role: d.draft.value, file: d.file }] : [],
  );
  const latest = roles.sort((a, b) => String(b.role.start ?? '').localeCompare(String(a.role.start ?? '')))[0];
  if (latest)
    return {
      headline: [latest.role.title, latest.role.organisation].filter(Boolean).join(', '),
      file: latest.file,
      made: false,
    };
  const file = [...plan.fileSourceIds.keys()][0] ?? parsed[0]?.file ?? '';
  return { headline: papersHeadline(plan.papers), file, made: true };
}

function papersHeadline(papers: readonly Paper[]): string {
  const byVenue = new Map<string, { count: number; year: number }>();
  for (const p of papers) {
    if (p.venue === undefined || p.venue === preprintVenue) continue;
    const name = venueName(p.venue);
    const seen = byVenue.get(name);
    byVenue.set(name, { count: (seen?.count ?? 0) + 1, year: Math.max(seen?.year ?? 0, p.year) });
  }
  const top = [...byVenue]
    .sort((a, b) => b[1].count - a[1].count || b[1].year - a[1].year || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([name]) => name);
  if (top.length > 0)
    return `Author of papers at ${top.length === 1 ? top[0] : `${top.slice(0, -1).join(', ')} and ${top.at(-1)}`}`;
  const latest = [...papers].sort((a, b) => b.year - a.year)[0];
  if (!latest) return 'Author';
  const title = latest.title.length > 120 ? `${latest.title.slice(0, 120).replace(/\s+\S*$/, '')}…` : latest.title;
  return papers.length === 1 ? `Author of “${title}”` : `Author of “${title}” and other papers`;
}

/** One YAML scalar, quoted only if it must be (a name may hold a colon or look like a number). */
function scalar(text: string): string {
  return stringify(text, { lineWidth: 0 }).trimEnd();
}
