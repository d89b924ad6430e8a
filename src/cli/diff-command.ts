import path from 'node:path';
import { exitCodes } from '../errors.js';
import { changeJson, changeWhat } from '../edition/describe-change.js';
import { diffFacts } from '../edition/diff-facts.js';
import { editionFacts } from '../edition/edition-facts.js';
import type { FactsDocument } from '../edition/facts-schema.js';
import { readEditionFacts } from '../edition/read-edition.js';
import { builtInLocale } from '../i18n/locale.js';
import { loadInputs } from '../load/load-inputs.js';
import { readInputFile } from '../load/read-input-file.js';
import { isReportSpecFile } from '../validate/validate-files.js';
import type { Terminal } from './terminal.js';

export interface DiffContext {
  readonly term: Terminal;
  readonly cwd: string;
  readonly today: string;
}

/**
 * `profile-report diff OLD NEW [--json]`: what changed between two editions, each a PDF or HTML
 * report this tool wrote, a report spec (its profiles as they are now), or `git:REV`. Prints
 * for a terminal, or `{ "changes": [...] }` with --json. Reads only; writes nothing.
 */
export async function runDiff(
  before: string,
  after: string,
  flags: { json?: boolean },
  ctx: DiffContext,
): Promise<number> {
  const [old, now] = await Promise.all([facts(before, ctx), facts(after, ctx)]);
  // Values are written as an English report writes them, like every message of the command line.
  const changes = diffFacts(old, now, builtInLocale('en'));
  if (flags.json) {
    ctx.term.out(`${JSON.stringify({ changes: changes.map(changeJson) }, null, 2)}\n`);
    return exitCodes.ok;
  }
  if (changes.length === 0) {
    ctx.term.out(`No changes between ${before} (${old.buildDate}) and ${after} (${now.buildDate}).`);
    return exitCodes.ok;
  }
  ctx.term.out(
    `${changes.length} change${changes.length === 1 ? '' : 's'} from ${before} (${old.buildDate}) to ${after} (${now.buildDate}):`,
  );
  let person = '';
  for (const change of changes) {
    if (change.person !== person) {
      person = change.person;
      ctx.term.out(`\n${person}`);
    }
    const values =
      change.kind === 'changed' ? `: ${change.before ?? '(not given)'} → ${change.after ?? '(not given)'}` : '';
    const sources = change.sources.length > 0 ? `  [${change.sources.map((s) => s.id).join(', ')}]` : '';
    ctx.term.out(`  ${change.kind.padEnd(8)} ${changeWhat(change)}${values}${sources}`);
  }
  return exitCodes.ok;
}

async function facts(edition: string, ctx: DiffContext): Promise<FactsDocument> {
  const request = { cwd: ctx.cwd, today: ctx.today };
  if (!edition.startsWith('git:') && /\.ya?ml$/i.test(edition) && (await isReportSpecFile(edition, ctx.cwd))) {
    const inputs = await loadInputs({ ...request, spec: path.resolve(ctx.cwd, edition) }, readInputFile);
    return editionFacts(
      inputs.spec,
      inputs.profiles.map((p) => p.localised ?? p.profile),
    );
  }
  return readEditionFacts(edition.startsWith('git:') ? edition : path.resolve(ctx.cwd, edition), request);
}
