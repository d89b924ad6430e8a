import type Handlebars from 'handlebars';
import { UserError, firstLine } from '../errors.js';

/** Renders the page from the view; throws UserError for a template's fault. */
export type RenderLayout = (context: object) => string;

/**
 * How every template is compiled, at run time (compile-templates.ts) and when the package is
 * built (the built-in templates, precompiled): only the built-in helpers exist (no user helpers:
 * `knownHelpersOnly`; not even `log`, which writes a template's values, escape sequences and
 * all, to the console past the CLI's output, so a template that calls it is refused like any
 * other unknown helper).
 */
export const templateCompileOptions: CompileOptions = {
  knownHelpersOnly: true,
  knownHelpers: { log: false },
  strict: false,
  preventIndent: true,
};

/** A Handlebars environment: the full library's or its runtime's (which cannot compile). */
type Environment = Pick<typeof Handlebars, 'registerPartial' | 'unregisterHelper'>;

/** Deeper than any real template nests partials; a partial that includes itself gets here fast. */
const maxPartialDepth = 32;

/**
 * Registers compiled partials in `env` and returns the layout as one render function. Prototype
 * access stays at Handlebars' safe default, so `{{constructor.constructor}}` yields nothing.
 * Every failure of a template (a partial that includes itself, a missing partial, a value it
 * cannot read) is the template's author's to fix, so it is a UserError naming the file.
 */
export function assembleLayout(
  env: Environment,
  layout: HandlebarsTemplateDelegate,
  partials: ReadonlyMap<string, HandlebarsTemplateDelegate>,
): RenderLayout {
  env.unregisterHelper('log');
  const open: string[] = [];
  for (const [name, template] of partials) {
    env.registerPartial(name, (context: unknown, runtime?: RuntimeOptions) => {
      if (open.length >= maxPartialDepth) {
        const cycle = open.slice(open.indexOf(name));
        throw new UserError(
          `template partials/${name}.hbs includes itself (${[...cycle, name].map((n) => `partials/${n}.hbs`).join(' → ')}); partials may nest at most ${maxPartialDepth} deep`,
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

/** Renders, refusing a page longer than `maxChars` (a template that repeats without end). */
export function renderWithin(layout: RenderLayout, context: object, maxChars: number): string {
  const html = layout(context);
  if (html.length > maxChars) {
    throw new UserError(
      `the templates produced ${html.length.toLocaleString('en')} characters of HTML; the limit is ${maxChars.toLocaleString('en')}`,
    );
  }
  return html;
}
