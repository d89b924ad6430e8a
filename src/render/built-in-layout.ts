import { loadPrecompiledTemplates } from './precompiled-templates.js';
import type { PrecompiledTemplates } from './precompiled-templates.js';
import type { RenderLayout } from './template-layout.js';
import type { TemplateSources } from './template-set.js';
import { templateSourcesHash } from './template-sources-hash.js';

/*
 * Once per process, shared by every build: the built-in templates are ours, and compiled they
 * are plain functions with nothing to close.
 */
let precompiled: Promise<PrecompiledTemplates | undefined> | undefined;
let compiled: { readonly hash: string; readonly layout: RenderLayout } | undefined;

/**
 * The layout to render a set with in process, when its Handlebars text is the built-in
 * templates' (a folder that overrides only CSS or messages counts); undefined for any other
 * set, which is a stranger's and renders in the worker (template-runner.ts).
 *
 * The templates precompiled at `npm run build` are used only when the set's hash is the one
 * they were made from. A module older than the templates (a template edited since the build) is
 * passed over and the set compiled here instead, once: slower, never wrong, and the same as a
 * run from the TypeScript sources, which have no precompiled module.
 */
/** Templates to render, with the built-in templates' hash when the load stage read them (TemplateSet). */
export type RenderableTemplates = TemplateSources & { readonly builtInHash?: string };

export async function builtInLayout(
  set: RenderableTemplates,
  hash = templateSourcesHash(set),
): Promise<RenderLayout | undefined> {
  // The built-in templates' hash comes with the set, from the load stage, which read them: a set
  // that does not say it (sources made elsewhere) renders in the worker.
  if (set.builtInHash === undefined || hash !== set.builtInHash) return undefined;
  precompiled ??= loadPrecompiledTemplates();
  const module = await precompiled;
  if (module?.sourcesHash === hash) return module.layout;
  if (compiled?.hash !== hash) {
    // The compiler is loaded only here: a build from the precompiled templates never needs it.
    const { compileTemplates } = await import('./compile-templates.js');
    compiled = { hash, layout: compileTemplates(set) };
  }
  return compiled.layout;
}
