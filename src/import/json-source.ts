import { LineCounter, isNode, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import type { Problem } from '../errors.js';
import type { EntryLocation } from './types.js';

export type JsonPath = readonly (string | number)[];

/** A parsed JSON file that can say where any value was written. */
export interface JsonSource {
  readonly file: string;
  readonly value: unknown;
  locate(path: JsonPath): EntryLocation;
}

/**
 * JSON text to data, with line:col for any path on demand. JSON.parse does the parsing (fast,
 * and `__proto__` stays an ordinary key); only when a message needs a position is the text read
 * again with the `yaml` parser, which keeps positions and reads JSON because JSON is YAML.
 */
export function parseJsonFile(file: string, text: string): { ok: true; json: JsonSource } | { ok: false; problem: Problem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const { line, column } = jsonErrorPosition(text, message);
    return { ok: false, problem: { file, line, column, path: '', message: `the JSON cannot be read: ${plainJsonMessage(message)}`, severity: 'error' } };
  }
  let doc: Document | undefined;
  const lines = new LineCounter();
  const locate = (path: JsonPath): EntryLocation => {
    doc ??= parseDocument(text, { lineCounter: lines, uniqueKeys: false, prettyErrors: false });
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n), true);
      if (isNode(node) && node.range) {
        const { line, col } = lines.linePos(node.range[0]);
        return { line, column: col, path: formatJsonPath(path) };
      }
    }
    return { line: 1, column: 1, path: formatJsonPath(path) };
  };
  return { ok: true, json: { file, value, locate } };
}

export function formatJsonPath(path: JsonPath): string {
  return `$${path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_][\w-]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('')}`;
}

/** Node reports "… at position 123" (and, in newer versions, "line 4 column 2"). */
function jsonErrorPosition(text: string, message: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const at = /position (\d+)/.exec(message);
  // Some JSON.parse messages carry no position; the YAML parser finds the same fault with one.
  const offset = at ? Number(at[1]) : (parseDocument(text, { prettyErrors: false }).errors[0]?.pos[0] ?? text.length);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

function plainJsonMessage(message: string): string {
  return message.replace(/, "[\s\S]*" is not valid JSON$/, '').replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '').replace(/^JSON\.parse: /, '');
}

/** Small readers for untyped JSON: each returns undefined rather than throwing on a wrong type. */
export function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

export function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** ORCID wraps values as `{ "value": … }`. */
export function wrapped(value: unknown): string | undefined {
  return str(obj(value)?.['value']);
}
