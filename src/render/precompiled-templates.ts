import { access } from 'node:fs/promises';
import type Handlebars from 'handlebars';
import handlebarsRuntime from 'handlebars/runtime.js';
import { importModule } from '../import-module.js';
import { assembleLayout } from './template-layout.js';
import type { RenderLayout } from './template-layout.js';

/**
 * Where `npm run build` writes the built-in templates precompiled (scripts/precompile-templates.ts):
 * beside this file in dist. There is none beside the TypeScript sources, so a run from them (the
 * tests) compiles the built-in templates instead (built-in-layout.ts).
 */
const precompiledTemplatesUrl = new URL('./built-in-templates.precompiled.js', import.meta.url);

export interface PrecompiledTemplates {
  /** The hash (template-sources-hash.ts) of the templates the module was made from. */
  readonly sourcesHash: string;
  readonly layout: RenderLayout;
}

/**
 * Handlebars' runtime: precompiled templates run on it without loading the compiler. Its own
 * declaration file exports nothing, so its type is stated here (a part of the library's).
 */
const runtime = handlebarsRuntime as unknown as {
  create(): Pick<typeof Handlebars, 'template' | 'registerPartial' | 'unregisterHelper'>;
};

/**
 * Loads the precompiled module, or undefined when there is none. A module that is there but
 * not what the build script writes is a broken package: thrown, never passed over.
 */
export async function loadPrecompiledTemplates(
  url = precompiledTemplatesUrl,
): Promise<PrecompiledTemplates | undefined> {
  try {
    await access(url);
  } catch {
    return undefined;
  }
  const module = await importModule(url.href); // not import(): see import-module.ts
  if (!isPrecompiledModule(module)) throw new Error(`${url.pathname} is not a module of precompiled templates`);
  // The runtime refuses a spec made by another major version of Handlebars, loudly.
  const env = runtime.create();
  const partials = new Map(Object.entries(module.partials).map(([name, spec]) => [name, env.template(spec)]));
  return { sourcesHash: module.sourcesHash, layout: assembleLayout(env, env.template(module.layout), partials) };
}

interface PrecompiledModule {
  readonly sourcesHash: string;
  readonly layout: TemplateSpecification;
  readonly partials: Readonly<Record<string, TemplateSpecification>>;
}

function isPrecompiledModule(value: unknown): value is PrecompiledModule {
  const m = value as Partial<Record<keyof PrecompiledModule, unknown>>;
  return (
    typeof m.sourcesHash === 'string' &&
    typeof m.layout === 'object' &&
    m.layout !== null &&
    typeof m.partials === 'object' &&
    m.partials !== null &&
    Object.values(m.partials).every((spec) => typeof spec === 'object' && spec !== null)
  );
}
