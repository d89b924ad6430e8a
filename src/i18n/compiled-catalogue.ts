import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/**
 * The built-in catalogues, compiled to JSON by `npm run build` (scripts/compile-catalogues.mjs)
 * beside the compiled code: reading one is a JSON.parse, where parsing its YAML took about a
 * tenth of the load stage of every build. The YAML stays the catalogue's only source: a
 * compiled file records the hash of the text it was made from and is used only while the YAML
 * still has exactly that text, so an edited catalogue is never shadowed by an old build.
 */
export const compiledCataloguesDir = fileURLToPath(new URL('./catalogues/', import.meta.url));

interface CompiledCatalogue {
  /** SHA-256 of the YAML text it was compiled from. */
  readonly source: string;
  /** Message key to text, in the catalogue's order. */
  readonly messages: readonly (readonly [string, string])[];
}

/** A built-in catalogue's YAML, flattened: `section: { papers: … }` is `section.papers`. */
export function catalogueFromYaml(text: string): Map<string, string> {
  return flatten(parse(text) as unknown);
}

/** The built-in catalogue of `text`: from its compiled file when that was made from this very text, else from the YAML. */
export function readBuiltInCatalogue(text: string, compiledFile: string): Map<string, string> {
  return readCompiled(compiledFile, text) ?? catalogueFromYaml(text);
}

/** Compiles the catalogue `<messagesDir>/<language>.yaml` of each language to `<outDir>/<language>.json`. */
export function writeCompiledCatalogues(messagesDir: string, outDir: string, languages: readonly string[]): void {
  mkdirSync(outDir, { recursive: true });
  for (const language of languages) {
    const text = readFileSync(path.join(messagesDir, `${language}.yaml`), 'utf8');
    const compiled: CompiledCatalogue = { source: sourceHash(text), messages: [...catalogueFromYaml(text)] };
    writeFileSync(path.join(outDir, `${language}.json`), `${JSON.stringify(compiled)}\n`);
  }
}

function readCompiled(file: string, text: string): Map<string, string> | undefined {
  let compiled: CompiledCatalogue;
  try {
    compiled = JSON.parse(readFileSync(file, 'utf8')) as CompiledCatalogue;
  } catch {
    // Not compiled (running from the sources, or a build without the step): the YAML is read.
    return undefined;
  }
  return compiled.source === sourceHash(text) ? new Map(compiled.messages) : undefined;
}

function sourceHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function flatten(value: unknown, prefix = '', into = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') into.set(prefix, value);
  else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, into);
  }
  return into;
}
