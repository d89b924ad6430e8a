import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * Every font the report can carry, from npm (@fontsource), as unicode-range slices. Latin,
 * Greek, Cyrillic and Vietnamese come from Source Sans 3 (text) and Source Serif 4 (headings);
 * each other script from its Noto Sans; Han, kana and Hangul from the Noto Sans CJK family of
 * the text's language (SC, TC, JP, KR); emoji from Noto Emoji (black and white outlines) where
 * the colour emoji font is not installed (see colour-emoji.ts). Only the slices holding
 * characters a report uses are embedded.
 */
type Role = 'latin' | 'script' | 'cjk' | 'emoji';
export type CjkRegion = 'sc' | 'tc' | 'jp' | 'kr';

export interface Face {
  /** The family named in the font file and in `@font-face` for the Latin faces. */
  readonly family: string;
  readonly role: Role;
  readonly region?: CjkRegion;
  readonly weight: string;
  readonly style: string;
  /** The unicode-range as pairs, first and last code point: [lo, hi, lo, hi, ...]. */
  readonly ranges: Uint32Array;
  readonly rangeText: string;
  /** The WOFF2 file (for the page); a WOFF with the same name sits beside it (for Cairo). */
  readonly file: string;
}

interface Wanted {
  readonly pkg: string;
  readonly role: Role;
  readonly region?: CjkRegion;
  readonly files: readonly string[];
  /** Only these subsets: a script font's Latin slices are never used (Source Sans comes first). */
  readonly subsets?: readonly string[];
}

const script = (name: string): Wanted => ({
  pkg: `@fontsource/noto-sans-${name}`,
  role: 'script',
  files: ['400.css', '700.css'],
  subsets: [name],
});
const cjk = (region: CjkRegion): Wanted => ({
  pkg: `@fontsource/noto-sans-${region}`,
  role: 'cjk',
  region,
  files: ['400.css', '700.css'],
  subsets: ['numbered'],
});

const wanted: readonly Wanted[] = [
  { pkg: '@fontsource/source-sans-3', role: 'latin', files: ['400.css', '400-italic.css', '600.css', '700.css'] },
  { pkg: '@fontsource/source-serif-4', role: 'latin', files: ['600.css'] },
  ...['arabic', 'hebrew', 'devanagari', 'bengali', 'tamil', 'thai'].map(script),
  cjk('sc'),
  cjk('tc'),
  cjk('jp'),
  cjk('kr'),
  { pkg: '@fontsource/noto-emoji', role: 'emoji', files: ['400.css'] },
];

/** The family CJK text falls back to in every stack of the built-in templates, by region. */
export const regionFamily: Readonly<Record<CjkRegion, string>> = {
  sc: 'Noto Sans SC',
  tc: 'Noto Sans TC',
  jp: 'Noto Sans JP',
  kr: 'Noto Sans KR',
};

const require = createRequire(import.meta.url);
let catalogue: readonly Face[] | undefined;

/** All faces, read once from the packages' CSS (synchronous, a few milliseconds). */
export function fontCatalogue(): readonly Face[] {
  catalogue ??= wanted.flatMap((w) => {
    const dir = path.dirname(require.resolve(`${w.pkg}/package.json`));
    const name = path.basename(w.pkg);
    return w.files.flatMap((file) =>
      parseFaces(readFileSync(path.join(dir, file), 'utf8'), dir)
        .filter((face) => {
          if (!w.subsets) return true;
          const subset =
            /^(.*)-\d+-(?:normal|italic)\.woff2$/.exec(path.basename(face.file).slice(name.length + 1))?.[1] ?? '';
          return w.subsets.some((s) => (s === 'numbered' ? /^\d+$/.test(subset) : s === subset));
        })
        .map((face) => ({ ...face, role: w.role, ...(w.region ? { region: w.region } : {}) })),
    );
  });
  return catalogue;
}

/**
 * The declarations a face needs, each found with one pattern made once: the CJK packages alone
 * declare some 900 faces, and making the patterns for each face took most of this function's
 * time on every build's start.
 */
const declarations = {
  family: /font-family:\s*([^;]+);/,
  weight: /font-weight:\s*([^;]+);/,
  style: /font-style:\s*([^;]+);/,
  range: /unicode-range:\s*([^;]+);/,
} as const;

function parseFaces(css: string, dir: string): Omit<Face, 'role'>[] {
  const faces: Omit<Face, 'role'>[] = [];
  for (const [, body = ''] of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const get = (declaration: keyof typeof declarations): string | undefined =>
      declarations[declaration].exec(body)?.[1]?.trim();
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(body)?.[1];
    const rangeText = get('range');
    if (!file || !rangeText) continue;
    faces.push({
      family: (get('family') ?? '').replace(/['"]/g, ''),
      weight: get('weight') ?? '400',
      style: get('style') ?? 'normal',
      ranges: parseRanges(rangeText),
      rangeText: rangeText.replace(/\s+/g, ''),
      file: path.join(dir, file),
    });
  }
  return faces;
}

/**
 * `U+4e00-9fff,U+3000` as [0x4e00, 0x9fff, 0x3000, 0x3000], in one typed array: the CJK faces
 * hold some 100,000 ranges, and a small array for each made most of the catalogue's cost.
 */
function parseRanges(text: string): Uint32Array {
  const bounds: number[] = [];
  for (const [, lo = '0', hi] of text.matchAll(/U\+([0-9a-f]+)(?:-([0-9a-f]+))?/gi)) {
    const start = Number.parseInt(lo, 16);
    bounds.push(start, hi ? Number.parseInt(hi, 16) : start);
  }
  return Uint32Array.from(bounds);
}

export function covers(face: Face, cp: number): boolean {
  const { ranges } = face;
  for (let i = 0; i < ranges.length; i += 2) if (cp >= ranges[i]! && cp <= ranges[i + 1]!) return true;
  return false;
}

/**
 * Characters that need no glyph: controls, spaces and joiners, directional marks and isolates,
 * variation selectors and emoji tags (they shape their neighbours, they are not drawn).
 */
export function isInvisible(cp: number): boolean {
  return (
    cp < 0x20 ||
    (cp >= 0x7f && cp < 0xa0) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2028 && cp <= 0x202f) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}
