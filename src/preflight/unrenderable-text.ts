import type { Problem } from '../errors.js';
import { formatPath } from '../load/source-positions.js';
import type { FieldPath } from '../load/source-positions.js';
import type { Undrawable } from '../render/font-coverage.js';

export interface TextSource {
  /** As shown in messages. */
  readonly file: string;
  /** A validated profile or spec: plain data. */
  readonly value: unknown;
  /** Where a field was written, so each warning says file:line:col. */
  readonly locate?: (path: FieldPath) => { readonly line?: number; readonly column?: number };
}

/** What a piece of text has that the report's fonts do not draw (FontLibrary.undrawable). */
export interface GlyphCheck {
  undrawable(text: string): readonly Undrawable[];
}

/**
 * Warnings for text the report cannot draw, decided from the fonts themselves (their character
 * maps and ligatures, see font-coverage.ts): a character no font has (a script the tool ships no
 * font for, such as Ol Chiki, or a private-use character) would print as a box, and an emoji
 * sequence no font has as one symbol (a flag, a family, a keycap, a skin tone) would print as
 * its parts. Each warning names the file, the field and the text, so a build that says nothing
 * has drawn every letter.
 */
export function unrenderableText(sources: readonly TextSource[], fonts: GlyphCheck): Problem[] {
  const problems: Problem[] = [];
  for (const source of sources) {
    walk(source.value, [], (text, fieldPath) => {
      const found = fonts.undrawable(text);
      const at = source.locate?.(fieldPath) ?? {};
      const path = formatPath(fieldPath);
      const warn = (message: string): void =>
        void problems.push({ file: source.file, ...at, path, message, severity: 'warning' });
      const missing = found.filter((u) => u.kind === 'missing');
      if (missing.length > 0) {
        const list = missing.slice(0, 8).map(describe).join(', ');
        const one = missing.length === 1 && missing[0]!.codePoints.length === 1;
        warn(
          `${one ? 'the character' : 'the characters'} ${list}${missing.length > 8 ? ' and more' : ''} ${one ? 'has' : 'have'} no glyph in the report's fonts and would print as a box`,
        );
      }
      for (const split of found.filter((u) => u.kind === 'split').slice(0, 8)) {
        warn(
          `the emoji ${describe(split)} is not one symbol in the report's fonts and would print as ${split.parts} separate symbols`,
        );
      }
    });
  }
  return problems;
}

/** "ᱥ" (U+1C65), or a sequence with each of its code points. */
function describe(u: Undrawable): string {
  return `"${u.text}" (${u.codePoints.map((cp) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`).join(' ')})`;
}

function walk(value: unknown, path: FieldPath, visit: (text: string, path: FieldPath) => void, depth = 0): void {
  if (depth > 40) return;
  if (typeof value === 'string') visit(value, path);
  else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i], visit, depth + 1));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) walk(v, [...path, key], visit, depth + 1);
  }
}
