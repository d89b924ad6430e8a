import type { FieldPath } from '../load/source-positions.js';

/** Reading a profile as written, before (or despite) the schema: every access checks its type. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The entries of the list at `path`, each with its own path; none when it is not a list. */
export function entriesOf(root: unknown, path: FieldPath): { value: unknown; path: FieldPath }[] {
  let current = root;
  for (const part of path) {
    if (!isRecord(current)) return [];
    current = current[part as string];
  }
  return Array.isArray(current) ? (current as unknown[]).map((value, i) => ({ value, path: [...path, i] })) : [];
}

/** The entries of the list under `key` of `value`, with paths relative to `value`. */
export function arrayAt(value: unknown, key: string): { value: unknown; path: FieldPath }[] {
  return isRecord(value) ? entriesOf(value, [key]) : [];
}

export function textAt(value: unknown, key: string): string | undefined {
  if (!isRecord(value)) return undefined;
  const text = value[key];
  return typeof text === 'string' ? text : undefined;
}
