import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The fonts the report carries inline, from npm (@fontsource): Source Sans 3 for text, Source
 * Serif 4 for headings, Noto Sans SC for Chinese. Each font comes in unicode-range slices; a
 * report embeds only the slices holding characters it uses, so two Chinese names cost tens of
 * kilobytes, not the 10 MB of a whole CJK font, and the HTML still renders offline.
 */
interface Face {
  readonly family: string;
  readonly weight: string;
  readonly style: string;
  readonly ranges: readonly (readonly [number, number])[];
  readonly rangeText: string;
  readonly file: string;
  /** Fallback faces only supply characters the primary faces lack (CJK, here). */
  readonly fallback: boolean;
}

const wanted: readonly { pkg: string; files: readonly string[]; fallback: boolean }[] = [
  { pkg: '@fontsource/source-sans-3', files: ['400.css', '400-italic.css', '600.css', '700.css'], fallback: false },
  { pkg: '@fontsource/source-serif-4', files: ['600.css'], fallback: false },
  // One weight: Chinese in bold text is drawn emboldened, which saves half the CJK bytes.
  { pkg: '@fontsource/noto-sans-sc', files: ['400.css'], fallback: true },
];

const require = createRequire(import.meta.url);

export class FontLibrary {
  private readonly data = new Map<string, Promise<string>>();

  private constructor(private readonly faces: readonly Face[]) {}

  static async load(): Promise<FontLibrary> {
    const faces: Face[] = [];
    for (const { pkg, files, fallback } of wanted) {
      const dir = path.dirname(require.resolve(`${pkg}/package.json`));
      for (const file of files) faces.push(...parseFaces(await readFile(path.join(dir, file), 'utf8'), dir, fallback));
    }
    return new FontLibrary(faces);
  }

  /** `@font-face` rules with inline data for the faces that `text` needs. */
  async fontFaceCss(text: string): Promise<string> {
    const used = codePoints(text);
    const primary = this.faces.filter((f) => !f.fallback);
    const uncovered = new Set([...used].filter((cp) => !primary.some((f) => covers(f, cp))));
    const chosen = this.faces.filter((f) => (f.fallback ? intersects(f, uncovered) : intersects(f, used)));
    const rules = await Promise.all(
      chosen.map(
        async (f) =>
          `@font-face{font-family:'${f.family}';font-style:${f.style};font-weight:${f.weight};font-display:block;src:url(data:font/woff2;base64,${await this.base64(f.file)}) format('woff2');unicode-range:${f.rangeText}}`,
      ),
    );
    return rules.join('\n');
  }

  /** Files by path, to let the chart renderer use the same type. */
  file(family: string, weight: string, subset = 'latin'): string | undefined {
    return this.faces.find((f) => f.family === family && f.weight === weight && f.style === 'normal' && f.file.includes(`-${subset}-`))?.file;
  }

  private base64(file: string): Promise<string> {
    let cached = this.data.get(file);
    if (!cached) {
      cached = readFile(file).then((b) => b.toString('base64'));
      this.data.set(file, cached);
    }
    return cached;
  }
}

function parseFaces(css: string, dir: string, fallback: boolean): Face[] {
  const faces: Face[] = [];
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
      fallback,
    });
  }
  return faces;
}

export function parseRanges(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    const start = Number.parseInt(lo ?? '0', 16);
    return [start, hi ? Number.parseInt(hi, 16) : start];
  });
}

function codePoints(text: string): Set<number> {
  const set = new Set<number>();
  for (const char of text) set.add(char.codePointAt(0)!);
  return set;
}

function covers(face: Face, cp: number): boolean {
  return face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi);
}

function intersects(face: Face, cps: ReadonlySet<number>): boolean {
  for (const cp of cps) if (covers(face, cp)) return true;
  return false;
}
