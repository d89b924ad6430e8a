import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.js';
import { shippedLanguages } from '../i18n/languages.js';
import { formatBytes, limits } from '../limits.js';
import { decodeText } from '../load/decode-text.js';
import { FolderHandle } from '../load/folder-handle.js';
import { readInputFile } from '../load/read-input-file.js';
import { templateSourcesHash } from './template-sources-hash.js';

/** The Handlebars sources of a set: what the template worker needs (structured-cloneable). */
export interface TemplateSources {
  readonly layout: string;
  readonly partials: ReadonlyMap<string, string>;
}

/** The templates of one build: built-in files, with a user's folder laid over them by name. */
export interface TemplateSet extends TemplateSources {
  /**
   * The hash (templateSourcesHash) of the built-in templates' Handlebars text, read with them:
   * a set whose own hash is this one renders in process (see built-in-layout.ts).
   */
  readonly builtInHash: string;
  readonly css: string;
  /** The user's own files, by relative name (`layout.hbs`, `extra.css`...), with their path and text: what the safety check reads. */
  readonly userFiles: ReadonlyMap<string, { readonly path: string; readonly text: string }>;
  /**
   * The override folder's message catalogues (`messages/<language>.yaml`) by language tag. Read
   * with the templates, so they are confined to the folder and count towards its caps like them.
   */
  readonly catalogues: ReadonlyMap<string, { readonly path: string; readonly text: string }>;
  /** Files in the override folder that match nothing built in (likely typos). */
  readonly warnings: readonly string[];
}

export const builtInTemplatesDir = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Added after styles.css (built-in or overridden): the easy way to change a few rules. */
const extraCss = 'extra.css';
const messagesFolder = 'messages/';

/**
 * Reads the built-in templates and, if given, an override folder laid out the same way:
 * `layout.hbs`, `styles.css` and `partials/<name>.hbs`. A file replaces the built-in one of the
 * same name; the rest fall back. `extra.css` is appended to the stylesheet instead. Template text is untrusted like profiles: size-capped and
 * strictly decoded, and compiled later with prototype access off and no user helpers.
 */
export async function readTemplateSet(overrideDir?: string): Promise<TemplateSet> {
  const builtIn = await readFolder(builtInTemplatesDir, true);
  if (!overrideDir) return assemble(builtIn, new Map(), [], '');
  const overrides = await readFolder(overrideDir, false);
  const known = new Set([...builtIn.keys(), extraCss, ...shippedLanguages.map((l) => `${messagesFolder}${l}.yaml`)]);
  const warnings = [...overrides.keys()]
    .filter((name) => !known.has(name))
    .map(
      (name) =>
        `${path.join(overrideDir, name)} overrides nothing (a typo?); a template folder may hold ${[...known].sort().join(', ')}`,
    );
  return assemble(builtIn, overrides, warnings, overrideDir);
}

function assemble(
  builtIn: Map<string, string>,
  overrides: Map<string, string>,
  warnings: string[],
  overrideDir: string,
): TemplateSet {
  const pick = (name: string): string => overrides.get(name) ?? builtIn.get(name) ?? '';
  const partials = new Map<string, string>();
  for (const name of new Set([...builtIn.keys(), ...overrides.keys()])) {
    if (name.startsWith('partials/') && builtIn.has(name))
      partials.set(name.slice('partials/'.length, -'.hbs'.length), pick(name));
  }
  const extra = overrides.get(extraCss);
  const userFiles = new Map<string, { path: string; text: string }>();
  const catalogues = new Map<string, { path: string; text: string }>();
  for (const [name, text] of overrides) {
    const file = { path: path.join(overrideDir, name), text };
    if (name.startsWith(messagesFolder)) catalogues.set(name.slice(messagesFolder.length, -'.yaml'.length), file);
    else userFiles.set(name, file);
  }
  const builtInPartials = new Map(
    [...partials.keys()].map((name) => [name, builtIn.get(`partials/${name}.hbs`) ?? ''] as const),
  );
  return {
    builtInHash: templateSourcesHash({ layout: builtIn.get('layout.hbs') ?? '', partials: builtInPartials }),
    layout: pick('layout.hbs'),
    css: extra === undefined ? pick('styles.css') : `${pick('styles.css')}\n/* ${extraCss} */\n${extra}`,
    partials,
    warnings,
    userFiles,
    catalogues,
  };
}

/** Relative name (`layout.hbs`, `partials/cover.hbs`) to text, for the files a set can hold. */
async function readFolder(dir: string, builtIn: boolean): Promise<Map<string, string>> {
  if (builtIn) {
    const files = new Map<string, string>();
    for (const name of await listTemplateFiles(dir)) files.set(name, await readFile(path.join(dir, name), 'utf8'));
    return files;
  }
  // The folder is opened once and every file read through that open folder: a folder (or a
  // link to one) swapped while the build runs cannot make one file come from somewhere else.
  let folder: FolderHandle;
  try {
    folder = await FolderHandle.open(dir);
  } catch (error) {
    throw unreadable(dir, error);
  }
  try {
    return await readUserFolder(folder);
  } finally {
    await folder.close();
  }
}

async function readUserFolder(folder: FolderHandle): Promise<Map<string, string>> {
  const dir = folder.shown;
  const files = new Map<string, string>();
  let names: string[];
  try {
    names = await listTemplateFiles(folder.at(), true);
  } catch (error) {
    throw unreadable(dir, error);
  }
  if (names.length > limits.templateFiles) {
    throw new UserError(
      `the template folder ${dir} holds ${names.length} template, CSS and message files; the limit is ${limits.templateFiles}`,
    );
  }
  let total = 0;
  for (const name of names.sort()) {
    const file = path.join(dir, name);
    // Each file must really be in the folder: a partial linked to /etc/passwd or a private key
    // would otherwise be copied into a report that gets mailed around.
    const read = await readInputFile(folder.at(name), limits.templateBytes, folder.at());
    if (!read.ok) throw new UserError(`${file}: ${folder.describe(read.problem.message)}`);
    total += read.bytes.length;
    if (total > limits.templateFolderBytes) {
      throw new UserError(
        `the template folder ${dir} holds more than ${formatBytes(limits.templateFolderBytes)} of templates, CSS and messages, the limit for a template folder`,
      );
    }
    const text = decodeText(file, read.bytes, limits.templateBytes);
    if (!text.ok) throw new UserError(`${file}: ${text.problem.message}`);
    files.set(name, text.text);
  }
  return files;
}

/** The names a set reads; a user's folder also holds its message catalogues (the built-in ones are read by the i18n module). */
async function listTemplateFiles(dir: string, withMessages = false): Promise<string[]> {
  return [
    ...(await readdir(dir)).filter((n) => n.endsWith('.hbs') || n.endsWith('.css')),
    ...(await readdir(path.join(dir, 'partials')).catch(() => [] as string[]))
      .filter((n) => n.endsWith('.hbs'))
      .map((n) => `partials/${n}`),
    ...(withMessages
      ? (await readdir(path.join(dir, messagesFolder)).catch(() => [] as string[]))
          .filter((n) => n.endsWith('.yaml'))
          .map((n) => `${messagesFolder}${n}`)
      : []),
  ];
}

function unreadable(dir: string, error: unknown): UserError {
  return new UserError(
    `the template folder ${dir} cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    { cause: error },
  );
}
