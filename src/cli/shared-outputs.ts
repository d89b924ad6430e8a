import path from 'node:path';
import { UsageError, UserError } from '../errors.js';
import { readInputFile } from '../load/read-input-file.js';
import { displayPath } from '../load/resolve-inside.js';
import { resolveBuild } from '../resolve-build.js';
import { validateReportSpec } from '../validate/validate-document.js';
import type { BuildTarget } from './build-one.js';

/**
 * Refuses, before anything is built, a batch in which two report specs would write the same
 * files: built side by side, one would silently replace the other's report. Folders are
 * compared by real path, so `out` and a link to it are the same folder. A spec that cannot be
 * read or is invalid is left to its own build, which reports it.
 */
export async function refuseSharedOutputs(targets: readonly BuildTarget[], cwd: string): Promise<void> {
  const writers = new Map<string, string[]>();
  for (const target of targets) {
    if (target.spec === undefined) continue;
    const output = await outputOf(target.spec, cwd);
    if (output === undefined) continue;
    writers.set(output, [...(writers.get(output) ?? []), target.label]);
  }
  const clashes = [...writers].filter(([, specs]) => specs.length > 1);
  if (clashes.length === 0) return;
  const lines = clashes.map(([output, specs]) => {
    const shown = displayPath(cwd, output);
    const files = `${shown}.html and ${shown}.pdf`;
    return new Set(specs).size === 1
      ? `${specs[0]} is given ${specs.length} times (it writes ${files})`
      : `${joinNames(specs)} ${specs.length === 2 ? 'both' : 'all'} write ${files}`;
  });
  throw new UsageError(
    `${lines.join('; ')}: reports built together must not write the same files; give each its own output.name or output.dir`,
  );
}

/**
 * The real path of a spec's outputs without their extension (`/project/out/report`), as the
 * build will resolve it (resolveBuild: the same rule, the same confinement).
 */
async function outputOf(spec: string, cwd: string): Promise<string | undefined> {
  const specPath = path.resolve(cwd, spec);
  const read = await readInputFile(specPath);
  if (!read.ok) return undefined;
  const value = validateReportSpec(displayPath(cwd, specPath), read.bytes).value;
  if (value === undefined) return undefined;
  // A folder that leads out of the project is the build's to refuse, with its own message.
  const build = await resolveBuild({ cwd, spec }, { spec: value, specDir: path.dirname(specPath), specPath }).catch(
    (error: unknown) => {
      if (error instanceof UserError) return undefined;
      throw error;
    },
  );
  return build && path.join(build.outDir, build.outName);
}

function joinNames(names: readonly string[]): string {
  return names.length === 2 ? `${names[0]} and ${names[1]}` : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
