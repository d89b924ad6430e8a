import * as z from 'zod';
import { dateJsonSchemas } from './partial-date.js';
import { profileSchema } from './profile-schema.js';
import { reportSchema } from './report-schema.js';

/**
 * The JSON Schema editors use (via the `# yaml-language-server: $schema=` line) to complete and
 * check profiles. Generated from the zod schema; data/*.schema.json are committed copies that a
 * test keeps in step.
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
    unrepresentable: 'any',
    override: (ctx) => {
      const replacement = dateJsonSchemas.get(ctx.zodSchema);
      if (!replacement) return;
      for (const key of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[key];
      Object.assign(ctx.jsonSchema, structuredClone(replacement));
    },
  });
  return { ...generated, $id: id };
}

/** The text written to data/*.schema.json and printed by `profile-report schema`. */
export function formatJsonSchema(schema: Record<string, unknown>): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}
