import Handlebars from 'handlebars';
import { UserError, firstLine } from '../errors.js';
import type { TemplateSources } from './template-set.js';

export type RenderLayout = (context: object) => string;

/** Deeper than any real template nests partials; a partial that includes itself gets here fast. */
const maxPartialDepth = 32;

/**
 * Compiles a template set in its own Handlebars environment. Templates are always compiled from
 * strings, only the built-in helpers exist (no user helpers: `knownHelpersOnly`; not even `log`), and prototype
 * access stays at Handlebars' safe default, so `{{constructor.constructor}}` yields nothing.
 * Every failure of a template (a syntax error, a partial that includes itself, a missing
 * partial) is the template's author's to fix, so it is a UserError naming the file.
 */
export function compileTemplates(set: TemplateSources): RenderLayout {
  const env = Handlebars.create();
  // `{{log}}` writes a template's values (profile text, escape sequences and all) to the
  // console, past the CLI's output; a report has nothing to say there. Unknown to the compiler,
  // a template that calls it is refused like any other unknown helper.
  env.unregisterHelper('log');
  const options: CompileOptions = {
    knownHelpersOnly: true,
    knownHelpers: { log: false },
    strict: false,
    preventIndent: true,
  };
  const open: string[] = [];
  for (const [name, source] of set.partials) {
    const file = `partials/${name}.hbs`;
    const template = compile(env, file, source, options);
    env.registerPartial(name, (context: unknown, runtime?: RuntimeOptions) => {
      if (open.length >= maxPartialDepth) {
        const cycle = open.slice(open.indexOf(name));
        throw new UserError(
          `template ${file} includes itself (${[...cycle, name].map((n) => `partials/${n}.hbs`).join(' → ')}); partials may nest at most ${maxPartialDepth} deep`,
        );
      }
      open.push(name);
      try {
        return template(context, runtime);
      } finally {
        open.pop();
      }
    });
  }
  const layout = compile(env, 'layout.hbs', set.layout, options);
  return (context) => {
    open.length = 0;
    try {
      return layout(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    } catch (error) {
      if (error instanceof UserError) throw error;
      const where = open.length > 0 ? `partials/${open.at(-1)}.hbs` : 'layout.hbs';
      throw new UserError(`template ${where} cannot be rendered: ${firstLine(error)}`, { cause: error });
    }
  };
}

function compile(
  env: typeof Handlebars,
  name: string,
  source: string,
  options: CompileOptions,
): HandlebarsTemplateDelegate {
  try {
    // Parsing now, not at first use, so a broken override is reported before anything is printed.
    env.precompile(source, options);
    return env.compile(source, options);
  } catch (error) {
    throw new UserError(
      `template ${name} cannot be compiled: ${(error as Error).message.split('\n').filter(Boolean).join(' ').replace(/\s+/g, ' ')}`,
      { cause: error },
    );
  }
}
