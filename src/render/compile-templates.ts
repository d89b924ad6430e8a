import Handlebars from 'handlebars';
import { UserError } from '../errors.js';
import { assembleLayout, templateCompileOptions } from './template-layout.js';
import type { RenderLayout } from './template-layout.js';
import type { TemplateSources } from './template-set.js';
import { templateSourcesHash } from './template-sources-hash.js';

/**
 * Compiles a template set in its own Handlebars environment, each template once and all of them
 * now, so a broken override (a syntax error, an unknown helper), even in a partial the report
 * never uses, is reported naming its file before anything is rendered. Templates are always
 * compiled from strings, with the options of template-layout.ts.
 */
export function compileTemplates(set: TemplateSources): RenderLayout {
  const env = Handlebars.create();
  const partials = new Map<string, HandlebarsTemplateDelegate>();
  for (const [name, source] of set.partials) partials.set(name, compile(env, `partials/${name}.hbs`, source));
  return assembleLayout(env, compile(env, 'layout.hbs', set.layout), partials);
}

/**
 * The compiler's classes, which `Handlebars.compile` uses and the library's types leave out.
 * Through them a template is parsed and compiled once, eagerly: `env.compile` defers both to
 * the first render, so checking a template first (with `env.precompile`) compiled it twice.
 */
interface Compilers {
  readonly Compiler: new () => { compile(ast: hbs.AST.Program, options: CompileOptions): unknown };
  readonly JavaScriptCompiler: new () => {
    compile(environment: unknown, options: CompileOptions, context: undefined, asObject: true): TemplateSpecification;
  };
}

function compile(env: typeof Handlebars, file: string, source: string): HandlebarsTemplateDelegate {
  try {
    // As Handlebars.compile: `data` on (@index, @root…) unless said otherwise.
    const withData = { data: true, ...templateCompileOptions };
    const compilers = env as unknown as Compilers;
    const environment = new compilers.Compiler().compile(env.parse(source, withData), withData);
    return env.template(new compilers.JavaScriptCompiler().compile(environment, withData, undefined, true));
  } catch (error) {
    throw new UserError(
      `template ${file} cannot be compiled: ${(error as Error).message.split('\n').filter(Boolean).join(' ').replace(/\s+/g, ' ')}`,
      { cause: error },
    );
  }
}

/**
 * The text of an ES module holding the set's templates precompiled (`Handlebars.precompile`,
 * the same options) and `sourcesHash`, the hash of the sources they were made from, so a module
 * older than its templates is never used (see precompiled-templates.ts). Written at `npm run
 * build` by scripts/precompile-templates.ts, for the built-in templates only.
 */
export function precompiledTemplatesModule(set: TemplateSources): string {
  const spec = (file: string, source: string): string => {
    try {
      // The JavaScript source of the spec, whatever the library's types say (they give the object).
      return Handlebars.precompile(source, { ...templateCompileOptions }) as unknown as string;
    } catch (error) {
      throw new Error(`templates/${file} cannot be compiled: ${(error as Error).message}`, { cause: error });
    }
  };
  const partials = [...set.partials]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([name, source]) => `  ${JSON.stringify(name)}: ${spec(`partials/${name}.hbs`, source)},`);
  return [
    '// Made by scripts/precompile-templates.ts (`npm run build`) from templates/*.hbs: do not edit.',
    `export const sourcesHash = ${JSON.stringify(templateSourcesHash(set))};`,
    `export const layout = ${spec('layout.hbs', set.layout)};`,
    'export const partials = {',
    ...partials,
    '};',
    '',
  ].join('\n');
}
