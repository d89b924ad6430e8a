import type { ParsedRecords } from './types.js';

/**
 * One form for every imported string. LaTeX writes an accented i on the dotless ı (`{\'{\i}}`,
 * since the dot gives way to the accent), which decodes to "ı" plus a combining accent: a
 * different string from "í" that no name search finds. The dotless letter under an accent is
 * the plain letter again, and NFC composes the pair into the one precomposed character.
 */
function normaliseText(text: string): string {
  return text
    .replace(/ı(?=\p{M})/gu, 'i')
    .replace(/ȷ(?=\p{M})/gu, 'j')
    .normalize('NFC');
}

/** Every string of every record, person and source of a parsed file, normalised. */
export function normaliseRecords(parsed: ParsedRecords): ParsedRecords {
  return deep(parsed) as ParsedRecords;
}

function deep(value: unknown): unknown {
  if (typeof value === 'string') return normaliseText(value);
  if (Array.isArray(value)) return value.map(deep);
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) out[key] = deep(v);
    return out;
  }
  return value;
}
