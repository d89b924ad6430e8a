import { LineCounter } from 'yaml';

export type FieldPath = readonly (string | number)[];

interface Entry {
  /** Offset of the value's first character. */
  readonly value: number;
  /** Offset of the key, for values inside a mapping. */
  readonly key?: number;
  /** The scalar as written, so messages can quote `1.10` rather than 1.1. */
  readonly raw?: string;
}

export interface Location {
  readonly line: number;
  readonly column: number;
}

/**
 * Where each value of a parsed document was written. Validation speaks in field paths;
 * this turns a path back into line:column, falling back to the nearest written ancestor
 * for a field that is missing.
 */
export class SourcePositions {
  private readonly entries = new Map<string, Entry>();
  private readonly lines: LineCounter;

  constructor(lines: LineCounter) {
    this.lines = lines;
  }

  record(path: FieldPath, entry: Entry): void {
    this.entries.set(pathKey(path), entry);
  }

  /** The value at `path`, or its nearest recorded ancestor. */
  locate(path: FieldPath, prefer: 'value' | 'key' = 'value'): Location {
    for (let n = path.length; n >= 0; n--) {
      const entry = this.entries.get(pathKey(path.slice(0, n)));
      if (entry) {
        const offset = prefer === 'key' && n === path.length && entry.key !== undefined ? entry.key : entry.value;
        return this.at(offset);
      }
    }
    return { line: 1, column: 1 };
  }

  /** The key `key` of the mapping at `path` (used for unknown keys). */
  locateKey(path: FieldPath, key: string): Location {
    return this.locate([...path, key], 'key');
  }

  raw(path: FieldPath): string | undefined {
    return this.entries.get(pathKey(path))?.raw;
  }

  has(path: FieldPath): boolean {
    return this.entries.has(pathKey(path));
  }

  at(offset: number): Location {
    const { line, col } = this.lines.linePos(offset);
    return { line, column: col };
  }
}

function pathKey(path: FieldPath): string {
  return JSON.stringify(path);
}

/** `papers[2].venue` */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}
