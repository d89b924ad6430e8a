import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { hbSubset } from './colour-font-subset.js';

/**
 * Superscript and subscript digits and signs (U+2070–209F): the tool writes exponents with them
 * (1 × 10⁻⁶), and no font slice of npm's Source Sans 3 serves them, so they came from whatever
 * system font Chromium or Cairo found. Adobe's own full Source Sans 3 (npm `source-sans`) has
 * them: the page carries a subset of it holding just the characters it uses, under the family
 * the text is set in, and charts register it whole.
 */
export const superscriptRange = { from: 0x2070, to: 0x209f } as const;

/** The full faces, by weight: regular text takes the first, semibold and bold text the second. */
export const superscriptFaces: readonly { readonly file: string; readonly weight: string }[] = (() => {
  const dir = (name: string): string => createRequire(import.meta.url).resolve(`source-sans/TTF/${name}`);
  return [
    { file: dir('SourceSans3-Regular.ttf'), weight: '400' },
    { file: dir('SourceSans3-Semibold.ttf'), weight: '600' },
  ];
})();

export function isSuperscript(cp: number): boolean {
  return cp >= superscriptRange.from && cp <= superscriptRange.to;
}

const subsets = new Map<string, Buffer>();

/**
 * `@font-face` rules for the superscripts among `used`, under Source Sans 3, one for each weight
 * and style the page declares Source Sans 3 in: Chromium draws a family's text from the faces
 * of one weight descriptor only, so a face with a weight of its own would never be asked.
 */
export function superscriptFontFaces(
  used: ReadonlySet<number>,
  declared: readonly { readonly weight: string; readonly style: string }[],
): string[] {
  const wanted = [...used].filter(isSuperscript).sort((a, b) => a - b);
  if (wanted.length === 0) return [];
  const range = wanted.map((cp) => `U+${cp.toString(16)}`).join(',');
  const variants = [...new Map(declared.map((d) => [`${d.weight} ${d.style}`, d])).values()];
  return variants.map(({ weight, style }) => {
    const face = Number(weight) >= 600 ? superscriptFaces[1]! : superscriptFaces[0]!;
    const key = `${face.file}\u0000${range}`;
    let data = subsets.get(key);
    if (!data) {
      data = hbSubset(readFileSync(face.file), wanted, [], false);
      subsets.set(key, data);
    }
    return `@font-face{font-family:'Source Sans 3';font-style:${style};font-weight:${weight};font-display:block;src:url(data:font/ttf;base64,${data.toString('base64')}) format('truetype');unicode-range:${range}}`;
  });
}
