import { RenderError } from '../errors.js';
import { cssProblems } from './css-safety.js';
import { htmlProblems, parseHtml } from './html-safety.js';
import type { TemplateSet } from './template-set.js';

/**
 * Checks the files of a user's template folder before anything is rendered, so a refusal can
 * name the file and line that broke a rule. Templates are parsed as HTML the way a browser
 * parses them (Handlebars expressions are plain text to that parser); stylesheets are
 * tokenised as CSS. What only appears once rendered (an attribute built from a `{{value}}`) is
 * caught by the check of the whole page in html-safety.ts.
 */
export function checkTemplateFolder(set: TemplateSet): void {
  const found: string[] = [];
  for (const [name, { path, text }] of set.userFiles) {
    const problems = name.endsWith('.css')
      ? cssProblems(text)
      : htmlProblems(parseHtml(text, name === 'layout.hbs'), { templated: true });
    for (const p of problems) found.push(`${path}:${p.line}:${p.column}  ${p.message}`);
  }
  if (found.length > 0) throw unsafeTemplates(found);
}

export function unsafeTemplates(lines: readonly string[]): RenderError {
  return new RenderError(
    `the template folder makes reports that could run script, fetch or navigate, so it cannot be used (a report is mailed and opened anywhere):\n${lines.map((l) => `  ${l}`).join('\n')}`,
  );
}
