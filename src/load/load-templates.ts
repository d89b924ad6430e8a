import type { Problem } from '../errors.js';
import type { Language } from '../i18n/languages.js';
import type { Locale } from '../i18n/locale.js';
import { readLocale } from '../i18n/read-locale.js';
import { checkTemplateFolder } from '../render/template-safety.js';
import { readTemplateSet } from '../render/template-set.js';
import type { TemplateSet } from '../render/template-set.js';

export interface LoadedTemplates {
  /** The built-in templates with the template folder laid over them, checked. */
  readonly templates: TemplateSet;
  /** The messages of the report's language, with the folder's catalogue laid over them. */
  readonly locale: Locale;
  /** Files and messages of the folder that override nothing (likely typos). */
  readonly warnings: readonly Problem[];
}

/**
 * The template folder and the message catalogue, read as inputs are: at the start of the
 * build, so that the stages after it touch no file. The folder is checked now (a template
 * that could run script is refused before anything is drawn), and so is its catalogue (a
 * broken message is an error at file:line:col, a ValidationError).
 */
export async function loadTemplates(templatesDir: string | undefined, language: Language): Promise<LoadedTemplates> {
  const templates = await readTemplateSet(templatesDir);
  checkTemplateFolder(templates);
  const messages = readLocale(language, templates.catalogues.get(language));
  return {
    templates,
    locale: messages.locale,
    warnings: [...templates.warnings, ...messages.warnings].map((message): Problem => ({
      message,
      severity: 'warning',
    })),
  };
}
