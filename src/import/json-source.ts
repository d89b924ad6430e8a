import { findNodeAtLocation, parseTree } from 'jsonc-parser';
import type { Node as JsonNode } from 'jsonc-parser';
import { parseDocument } from 'yaml';
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
 * and `__proto__` stays an ordinary key); the first time a position is asked for, the text is
 * read once more by jsonc-parser (VS Code's), which gives the offset of every value in about the
 * time JSON.parse takes. (The `yaml` parser, which also reads JSON, took 10 s on a 3 MiB file.)
 */
export function parseJsonFile(
  file: string,
  text: string,
): { ok: true; json: JsonSource } | { ok: false; problem: Problem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const { line, column } = jsonErrorPosition(text, message);
    return {
      ok: false,
      problem: {
        file,
        line,
        column,
        path: '',
        message: `the JSON cannot be read: ${plainJsonMessage(message)}`,
        severity: 'error',
      },
    };
  }
  let tree: { root: JsonNode | undefined; lineStarts: number[] } | undefined;
  const locate = (path: JsonPath): EntryLocation => {
    tree ??= { root: parseTree(text), lineStarts: lineStartsOf(text) };
    for (let n = path.length; n >= 0 && tree.root; n--) {
      const node = findNodeAtLocation(tree.root, [...path.slice(0, n)]);
      if (node) return { ...lineAndColumn(tree.lineStarts, node.offset), path: formatJsonPath(path) };
    }
    return { line: 1, column: 1, path: formatJsonPath(path) };
  };
  return { ok: true, json: { file, value, locate } };
}

function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of an offset, by binary search over the line starts. */
function lineAndColumn(lineStarts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (lineStarts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}

function formatJsonPath(path: JsonPath): string {
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
  return message
    .replace(/, "[\s\S]*" is not valid JSON$/, '')
    .replace(/ in JSON at position \d+.*$/, '')
    .replace(/\s*\(line \d+ column \d+\)$/, '')
    .replace(/^JSON\.parse: /, '');
}

/** Small readers for untyped JSON: each returns undefined rather than throwing on a wrong type. */
export function obj(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
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
