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
  return { ...generated, $id: id };
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
  if (typeof record['description'] === 'string' && record['markdownDescription'] === undefined) record['markdownDescription'] = record['description'];
  for (const [key, value] of Object.entries(record)) if (key !== 'default' && key !== 'const' && key !== 'enum') addMarkdown(value);
}

/** The text written to data/*.schema.json and printed by `profile-report schema`. */
export function formatJsonSchema(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
