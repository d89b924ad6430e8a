import { PdfDict, PdfName, PdfRef, PdfString } from './pdf-values.js';
import type { PdfValue } from './pdf-values.js';

/** A value written back as PDF syntax: what an incremental update needs to copy a dictionary with changes. */
export function writeValue(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(5)));
  if (value instanceof PdfName) return writeName(value.name);
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfString) return `<${value.bytes.toString('hex').toUpperCase()}>`;
  if (value instanceof PdfDict) return writeDict(value.entries);
  return `[${value.map(writeValue).join(' ')}]`;
}

/** A dictionary from entries; a value given as a string is written as it is (already PDF syntax). */
export function writeDict(
  entries: ReadonlyMap<string, PdfValue | string> | Iterable<[string, PdfValue | string]>,
): string {
  const lines = [...entries].map(
    ([key, value]) => `${writeName(key)} ${typeof value === 'string' ? value : writeValue(value)}`,
  );
  return `<<${lines.join('\n')}>>`;
}

/** A name, its delimiters, white space, `#` and bytes outside printable ASCII escaped as #xx (UTF-8). */
export function writeName(name: string): string {
  let out = '/';
  for (const byte of Buffer.from(name, 'utf8')) {
    const regular = byte > 0x20 && byte < 0x7f && !'()<>[]{}/%#'.includes(String.fromCharCode(byte));
    out += regular ? String.fromCharCode(byte) : `#${byte.toString(16).padStart(2, '0').toUpperCase()}`;
  }
  return out;
}
