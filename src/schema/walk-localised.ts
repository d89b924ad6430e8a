import * as z from 'zod';
import type { FieldPath } from '../load/source-positions.js';
import { isLocalisedSchema } from './localised-text.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A copy of `value` in which every localisable text (as `schema` declares it) is replaced by
 * what `onText` returns. Walks the schema beside the value, so a source such as
 * `{ id, title }`, which also maps keys to text, is never taken for translations. Tolerates a
 * value that does not fit the schema (it is used on profiles as written, before validation).
 */
export function mapLocalised(
  schema: z.ZodType,
  value: unknown,
  onText: (text: unknown, path: FieldPath) => unknown,
  path: FieldPath = [],
): unknown {
  if (value === undefined || value === null) return value;
  if (isLocalisedSchema(schema)) return onText(value, path);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable) {
    return mapLocalised(schema.unwrap() as z.ZodType, value, onText, path);
  }
  if (schema instanceof z.ZodPipe)
    return mapLocalised(
      (schema.out instanceof z.ZodTransform ? schema.in : schema.out) as z.ZodType,
      value,
      onText,
      path,
    );
  if (schema instanceof z.ZodObject && isRecord(value)) {
    const shape = schema.shape as Record<string, z.ZodType>;
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [
        key,
        shape[key] ? mapLocalised(shape[key], v, onText, [...path, key]) : v,
      ]),
    );
  }
  if (schema instanceof z.ZodArray && Array.isArray(value))
    return (value as unknown[]).map((v, i) => mapLocalised(schema.element as z.ZodType, v, onText, [...path, i]));
  if (schema instanceof z.ZodTuple && Array.isArray(value)) {
    const items = schema.def.items as readonly z.ZodType[];
    return (value as unknown[]).map((v, i) => (items[i] ? mapLocalised(items[i], v, onText, [...path, i]) : v));
  }
  return value;
}
