import { Ajv } from 'ajv';
import type { ValidateFunction } from 'ajv';
import { profileJsonSchema, reportJsonSchema } from '../../src/schema/json-schema.js';

/**
 * The generated JSON Schemas checked as an editor checks them, set up once for every schema
 * test: every error (an editor underlines them all), and `verbose`, which names the schema of
 * each failing keyword, where yaml-language-server finds the `errorMessage` it shows. Not strict:
 * the schemas carry editor keywords (`errorMessage`, `markdownDescription`) ajv does not know.
 */
export const editorAjv = new Ajv({ allErrors: true, strict: false, verbose: true });

export const editorSchemas = { profile: profileJsonSchema(), report: reportJsonSchema() } as const;
export const checkProfile: ValidateFunction = editorAjv.compile(editorSchemas.profile);
export const checkReport: ValidateFunction = editorAjv.compile(editorSchemas.report);

export type SchemaNode = Record<string, unknown>;

/** Every schema node under `node`, with the JSON pointer that leads to it (not inside values). */
export function* schemaNodes(node: unknown, at = '#'): Generator<{ at: string; node: SchemaNode }> {
  if (node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) yield* schemaNodes(item, `${at}/${i}`);
    return;
  }
  yield { at, node: node as SchemaNode };
  for (const [key, value] of Object.entries(node))
    if (!['default', 'const', 'enum', 'examples'].includes(key)) yield* schemaNodes(value, `${at}/${key}`);
}
