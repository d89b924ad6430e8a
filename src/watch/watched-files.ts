import path from 'node:path';
import { defaultSpecPath } from '../load/load-inputs.js';
import { builtInTemplatesDir } from '../render/template-set.js';
import { inputRequest } from '../resolve-build.js';
import type { BuildOptions } from '../resolve-build.js';

/** The folders a watch starts with: the spec's, those of profiles named on the command line, the template folders. */
export function watchRoots(options: BuildOptions): string[] {
  const { cwd } = inputRequest(options);
  const roots = new Set<string>([
    path.dirname(path.resolve(cwd, options.spec ?? defaultSpecPath)),
    builtInTemplatesDir,
  ]);
  for (const p of options.profiles ?? []) roots.add(path.dirname(path.resolve(cwd, p)));
  if (options.templates) roots.add(path.resolve(cwd, options.templates));
  return [...roots];
}

/** Whether a path lies in a dependency or version-control folder, which no report reads. */
export function inToolFolder(file: string): boolean {
  return /(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(file);
}

/** Profiles, specs, templates and styles; not editors' swap and backup files. */
export function isSource(file: string): boolean {
  return /\.(ya?ml|hbs|css)$/i.test(file) && !path.basename(file).startsWith('.');
}
