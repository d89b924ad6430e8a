import * as z from 'zod';
import type { FieldPath } from '../load/source-positions.js';

/**
 * Walks a zod schema along a field path, to find the keys a mapping may hold (for "did you
 * mean") and whether a missing field is required. Wrappers (optional, default, pipes) are seen
 * through.
 */
function schemaAt(schema: z.ZodType, path: FieldPath): z.ZodType | undefined {
  let current: z.ZodType | undefined = unwrap(schema);
  for (const part of path) {
    if (!current) return undefined;
    if (current instanceof z.ZodObject && typeof part === 'string')
      current = unwrap(current.shape[part] as z.ZodType | undefined);
    else if (current instanceof z.ZodArray) current = unwrap(current.element as z.ZodType);
    else if (current instanceof z.ZodTuple && typeof part === 'number')
      current = unwrap(current.def.items[part] as z.ZodType | undefined);
    else if (current instanceof z.ZodUnion)
      current = firstDefined(current.options as readonly z.ZodType[], (option) => schemaAt(option, [part]));
    else return undefined;
  }
  return current;
}

export function knownKeys(schema: z.ZodType, path: FieldPath): string[] {
  const at = schemaAt(schema, path);
  return at instanceof z.ZodObject ? Object.keys(at.shape) : [];
}

function firstDefined<T, R>(items: readonly T[], f: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const result = f(item);
    if (result !== undefined) return result;
  }
  return undefined;
}

function unwrap(schema: z.ZodType | undefined): z.ZodType | undefined {
  let current = schema;
  for (let i = 0; i < 10 && current; i++) {
    if (current instanceof z.ZodOptional || current instanceof z.ZodNullable || current instanceof z.ZodDefault) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = (current.out instanceof z.ZodTransform ? current.in : current.out) as z.ZodType;
    } else {
      return current;
    }
  }
  return current;
}
