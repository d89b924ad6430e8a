import Handlebars from 'handlebars';
import { UserError } from '../errors.js';
import type { TemplateSet } from './template-set.js';

export type RenderLayout = (context: object) => string;

/**
 * Compiles a template set in its own Handlebars environment. Templates are always compiled from
 * strings, only the built-in helpers exist (no user helpers: `knownHelpersOnly`), and prototype
 * access stays at Handlebars' safe default, so `{{constructor.constructor}}` yields nothing.
 */
export function compileTemplates(set: TemplateSet): RenderLayout {
  const env = Handlebars.create();
  const options: CompileOptions = { knownHelpersOnly: true, strict: false, preventIndent: true };
  for (const [name, source] of set.partials) {
    env.registerPartial(name, compile(env, `partials/${name}.hbs`, source, options));
  }
  const layout = compile(env, 'layout.hbs', set.layout, options);
  return (context) =>
    layout(context, {
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
    });
}

function compile(env: typeof Handlebars, name: string, source: string, options: CompileOptions): HandlebarsTemplateDelegate {
  try {
    // Parsing now, not at first use, so a broken override is reported before anything is printed.
    env.precompile(source, options);
    return env.compile(source, options);
  } catch (error) {
    throw new UserError(`template ${name} cannot be compiled: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
}
