import type { Problem } from '../errors.js';

export interface TextSource {
  /** As shown in messages. */
  readonly file: string;
  /** A validated profile or spec: plain data. */
  readonly value: unknown;
}

export type MissingCharacters = (text: string) => readonly { char: string; codePoint: number }[];

/**
 * Warnings for text the report cannot draw: every character of a profile or the spec that no
 * embedded font has (a script the tool ships no font for, such as Ol Chiki, or a private-use
 * character) would print as a box. Each warning names the file, the field and the characters,
 * so a build that says nothing has drawn every letter.
 */
export function unrenderableText(sources: readonly TextSource[], missing: MissingCharacters): Problem[] {
  const problems: Problem[] = [];
  for (const source of sources) {
    walk(source.value, '', (text, path) => {
      const found = missing(text);
      if (found.length === 0) return;
      const list = found
        .slice(0, 8)
        .map((m) => `"${m.char}" (U+${m.codePoint.toString(16).toUpperCase().padStart(4, '0')})`)
        .join(', ');
      problems.push({
        file: source.file,
        line: 0,
        column: 0,
        path,
        message: `${found.length === 1 ? 'the character' : 'the characters'} ${list}${found.length > 8 ? ' and more' : ''} ${found.length === 1 ? 'has' : 'have'} no glyph in the report's fonts and would print as a box`,
        severity: 'warning',
      });
    });
  }
  return problems;
}

function walk(value: unknown, path: string, visit: (text: string, path: string) => void, depth = 0): void {
  if (depth > 40) return;
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`, visit, depth + 1));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) walk(v, path ? `${path}.${key}` : key, visit, depth + 1);
  }
}
