import * as z from 'zod';
import { profileSchema } from './profile-schema.js';
import { reportSchema } from './report-schema.js';

/**
 * The JSON Schema editors use (via the `# yaml-language-server: $schema=` line) to complete and
 * check profiles. Generated from the zod schema, whose fields carry their JSON Schema twins
 * (patterns, readable `errorMessage`s, completion defaults) as metadata; data/*.schema.json are
 * committed copies that a test keeps in step, and another test checks that ajv on this schema
 * and `validate` agree.
 */
export function profileJsonSchema(): Record<string, unknown> {
  return toJsonSchema(profileSchema, 'https://profile-report.dev/schema/profile.json');
}

export function reportJsonSchema(): Record<string, unknown> {
  return toJsonSchema(reportSchema, 'https://profile-report.dev/schema/report.json');
}

function toJsonSchema(schema: z.ZodType, id: string): Record<string, unknown> {
  const generated = z.toJSONSchema(schema, {
    target: 'draft-7',
    // The input side: fields with defaults are optional to whoever writes the YAML.
    io: 'input',
    // Preprocessed dates: their metadata says what they accept.
    unrepresentable: 'any',
    override: (ctx) => {
      // A date's metadata lists every form it takes (text or a bare year); the type zod adds
      // for the text side would refuse the bare year.
      const json = ctx.jsonSchema as Record<string, unknown>;
      if (ctx.zodSchema instanceof z.ZodPipe && Array.isArray(json['anyOf'])) delete json['type'];
    },
  });
  addMarkdown(generated);
  moveMessagesToAlternatives(generated);
  refuseNonFiniteNumbers(generated);
  return { ...generated, $id: id };
}

/** Every object node of a generated schema, parents before children (`default`, `const`, `enum` are values, not schemas). */
function* schemaNodes(node: unknown): Generator<Record<string, unknown>> {
  if (Array.isArray(node)) {
    for (const item of node) yield* schemaNodes(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  yield record;
  for (const [key, value] of Object.entries(record))
    if (key !== 'default' && key !== 'const' && key !== 'enum' && key !== 'examples') yield* schemaNodes(value);
}

/**
 * yaml-language-server reports the problems of the `anyOf` branch that fits best, each with the
 * `errorMessage` of the schema whose keyword failed (a pattern, a type, a const); it never shows
 * the `errorMessage` of the `anyOf` itself. A bad date therefore showed a 227-character regular
 * expression. The message moves down to every branch that has none of its own.
 */
function moveMessagesToAlternatives(root: unknown): void {
  for (const node of [...schemaNodes(root)]) {
    const message = node['errorMessage'];
    const alternatives = node['anyOf'] ?? node['oneOf'];
    if (typeof message !== 'string' || !Array.isArray(alternatives)) continue;
    for (const branch of alternatives) {
      if (
        branch !== null &&
        typeof branch === 'object' &&
        (branch as Record<string, unknown>)['errorMessage'] === undefined
      )
        (branch as Record<string, unknown>)['errorMessage'] = message;
    }
    delete node['errorMessage'];
  }
}

const largest = Number.MAX_VALUE;
/**
 * `validate` refuses `.inf` and `.nan` (no chart or table can show them); yaml-language-server
 * reads them as numbers, and since every comparison with NaN is false, no `minimum` or `maximum`
 * ever stops it. This `if` holds exactly for NaN (it passes both impossible bounds) and the two
 * infinities (beyond the largest double); its `then` asks a number to be text, which it never is,
 * so the editor shows the `then`'s words (an empty `enum` would say it better, but the editor's
 * meta-schema refuses one). For a finite number the `if` fails, and ajv (which already refuses
 * NaN and infinities as not numbers) agrees.
 */
const nanOnly = { type: 'number', minimum: largest, maximum: -largest } as const;
const infinities = [
  { type: 'number', exclusiveMinimum: largest },
  { type: 'number', exclusiveMaximum: -largest },
] as const;
const refusal = {
  type: 'string',
  errorMessage: 'Expected a finite number: .inf and .nan are not numbers a report can show.',
} as const;

function refuseNonFiniteNumbers(root: unknown): void {
  for (const node of [...schemaNodes(root)]) {
    if (node['type'] !== 'number' || node['if'] !== undefined) continue;
    // A number with both bounds already refuses the infinities, in the editor's own words.
    const bounded = typeof node['minimum'] === 'number' && typeof node['maximum'] === 'number';
    node['if'] = bounded ? { ...nanOnly } : { anyOf: [{ ...nanOnly }, ...infinities.map((b) => ({ ...b }))] };
    node['then'] = { ...refusal };
  }
}

/**
 * yaml-language-server shows `markdownDescription` on hover (with `code` rendered) in
 * preference to `description`; other editors read `description`. Both carry the same text.
 */
function addMarkdown(node: unknown): void {
  if (Array.isArray(node)) {
    node.forEach(addMarkdown);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const record = node as Record<string, unknown>;
  if (typeof record['description'] === 'string' && record['markdownDescription'] === undefined)
    record['markdownDescription'] = record['description'];
  for (const [key, value] of Object.entries(record))
    if (key !== 'default' && key !== 'const' && key !== 'enum') addMarkdown(value);
}

/** The text written to data/*.schema.json and printed by `profile-report schema`. */
export function formatJsonSchema(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
