import type { ValidationCache } from './validation-cache.js';
import { readEditionFacts } from '../edition/read-edition.js';
import { resolveBuild, inputRequest } from '../resolve-build.js';
import type { BuildOptions, ResolvedBuild } from '../resolve-build.js';
import { loadInputs } from './load-inputs.js';
import type { LoadedInputs } from './load-inputs.js';
import { loadTemplates } from './load-templates.js';
import type { LoadedTemplates } from './load-templates.js';
import type { FileReader } from './read-input-file.js';

/** Everything a build reads, read: the inputs, the earlier edition, the templates and the messages. */
export interface LoadedReport extends LoadedInputs, Omit<LoadedTemplates, 'warnings'> {
  /** Every warning of loading: the inputs' (located), then the template folder's. */
  readonly warnings: LoadedInputs['warnings'];
}

export interface LoadHooks {
  /** Each part of loading as it finishes: the inputs (with --since), then the templates. */
  readonly onStage?: (stage: 'load' | 'templates', ms: number) => void;
}

/**
 * The load stage: every file a build reads is read here, before anything is derived, so the
 * stages after it are pure. The spec and profiles first (validated, every problem at once), the
 * earlier edition (`since`), then the settings are resolved (the template folder depends on the
 * spec and the flags), then the template folder and its messages.
 */
export async function loadReport(
  user: BuildOptions,
  read: FileReader,
  cache: ValidationCache | undefined,
  hooks: LoadHooks = {},
): Promise<{ inputs: LoadedReport; build: ResolvedBuild }> {
  let started = performance.now();
  const request = inputRequest(user);
  const loaded = await loadInputs(request, read, cache);
  // The earlier edition is an input like the profiles: read and checked before anything is drawn.
  const since = user.since === undefined ? undefined : await readEditionFacts(user.since, request);
  const build = await resolveBuild(user, loaded);
  hooks.onStage?.('load', performance.now() - started);
  started = performance.now();
  const templates = await loadTemplates(build.templatesDir, build.language);
  hooks.onStage?.('templates', performance.now() - started);
  return {
    inputs: {
      ...loaded,
      ...(since ? { since } : {}),
      templates: templates.templates,
      locale: templates.locale,
      warnings: [...loaded.warnings, ...templates.warnings],
    },
    build,
  };
}
