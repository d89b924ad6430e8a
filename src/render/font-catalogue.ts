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
  readonly ranges: readonly (readonly [number, number])[];
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

function parseFaces(css: string, dir: string): Omit<Face, 'role'>[] {
  const faces: Omit<Face, 'role'>[] = [];
  for (const [, body] of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const get = (prop: string): string | undefined => new RegExp(`${prop}:\\s*([^;]+);`).exec(body ?? '')?.[1]?.trim();
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(body ?? '')?.[1];
    const rangeText = get('unicode-range');
    if (!file || !rangeText) continue;
    faces.push({
      family: (get('font-family') ?? '').replace(/['"]/g, ''),
      weight: get('font-weight') ?? '400',
      style: get('font-style') ?? 'normal',
      ranges: parseRanges(rangeText),
      rangeText: rangeText.replace(/\s+/g, ''),
      file: path.join(dir, file),
    });
  }
  return faces;
}

function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(lo ?? '0', 16);
    return [start, hi ? Number.parseInt(hi, 16) : start];
  });
}

export function covers(face: Face, cp: number): boolean {
  return face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
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
