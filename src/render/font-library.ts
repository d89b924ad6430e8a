import { readFile } from 'node:fs/promises';
import { ColourEmoji, colourEmojiFiles, emojiClusters, emojiFontFaces, findColourEmoji } from './colour-emoji.js';
import { covers, fontCatalogue, isInvisible, regionFamily } from './font-catalogue.js';
import type { CjkRegion, Face } from './font-catalogue.js';
import { FontCoverage } from './font-coverage.js';
import type { Undrawable } from './font-coverage.js';
import { loadShaper } from './font-shaper.js';
import type { ShapingFont } from './font-shaper.js';
import { isSuperscript, superscriptFaces, superscriptFontFaces } from './superscript-faces.js';
import { parseContextKey, textContexts } from './text-contexts.js';

export { checkFonts } from './font-check.js';
export type { Undrawable } from './font-coverage.js';

/** A face chosen for some characters, and the family name the page (or a chart) knows it by. */
export interface ChosenFace {
  readonly face: Face;
  readonly family: string;
}

const regions: readonly CjkRegion[] = ['sc', 'tc', 'jp', 'kr'];
const langSelectors: Readonly<Record<CjkRegion, string>> = {
  sc: ':lang(zh)',
  tc: ':lang(zh-TW),:lang(zh-HK),:lang(zh-MO),:lang(zh-Hant)',
  jp: ':lang(ja)',
  kr: ':lang(ko)',
};

/**
 * The fonts the report carries inline (see font-catalogue.ts). Latin faces are declared under
 * their own names, which the templates' stacks list first. Every other script's faces are
 * declared under the CJK family of the text's region ("Noto Sans SC" by default), the one name
 * every built-in stack falls back to, so that a template need not know the scripts; unicode-range
 * picks the face for each character. Text in `lang="ja"` (or ko, zh-TW) gets its own stack, so
 * a Japanese name takes Japanese glyph forms. Bold text in those scripts gets a real bold face.
 */
export class FontLibrary {
  private readonly data = new Map<string, Promise<string>>();
  /**
   * faceFor's answers: a page has thousands of characters and each choice sorts every face, which
   * made choosing fonts the slowest part of a rebuild. The faces never change, so neither do
   * the answers, keyed by everything the choice depends on.
   */
  private readonly chosen = new Map<string, Face | undefined>();

  private readonly coverage: FontCoverage;

  private constructor(
    private readonly faces: readonly Face[],
    open: (data: Buffer) => ShapingFont,
    /** The colour emoji font, when installed: it replaces the monochrome one everywhere. */
    readonly emoji: ColourEmoji | undefined,
  ) {
    const asked = faces.filter((f) => f.style === 'normal' && (f.weight === '400' || f.family === 'Source Serif 4'));
    const superscripts = { covers: isSuperscript, file: superscriptFaces[0]!.file };
    this.coverage = new FontCoverage(asked, open, emoji, [superscripts]);
  }

  /** @param emojiFiles where a colour emoji font may be installed (tests point elsewhere) */
  static async load(emojiFiles: readonly string[] = colourEmojiFiles): Promise<FontLibrary> {
    const open = await loadShaper();
    const colour = findColourEmoji(emojiFiles);
    const emoji = colour ? new ColourEmoji(colour, open) : undefined;
    return new FontLibrary(
      fontCatalogue().filter((f) => !(emoji && f.role === 'emoji')),
      open,
      emoji,
    );
  }

  /**
   * `@font-face` rules with inline data for the faces the page needs, and the lang stacks.
   * @param stylesheet the page's CSS, if not inside `html`: it says which text is bold
   */
  async fontFaceCss(html: string, stylesheet = ''): Promise<string> {
    const contexts = textContexts(html, stylesheet);
    const used = new Set<number>();
    for (const set of contexts.values()) for (const cp of set) used.add(cp);
    const latin = this.faces.filter((f) => f.role === 'latin');
    const rules = latin
      .filter((f) => intersects(f, used))
      .map((f) => ({ face: f, family: f.family, weight: f.weight }));
    // Per family, a regular and a bold set of faces. Chromium draws a family from the one set
    // of faces whose weight descriptors match best, never a mix: so each set must hold every face
    // its text needs, and without a bold set the regular one claims all weights (bold text is then
    // drawn in it as it is, never with synthetic bold).
    const sets = new Map<CjkRegion, { regular: Map<string, Face>; bold: Map<string, Face> }>();
    for (const [key, set] of contexts) {
      const { region, bold } = parseContextKey(key);
      for (const cp of set) {
        if (isInvisible(cp) || latin.some((f) => covers(f, cp))) continue;
        const face = this.faceFor(cp, region, bold);
        if (!face) continue;
        let entry = sets.get(region);
        if (!entry) sets.set(region, (entry = { regular: new Map(), bold: new Map() }));
        (bold ? entry.bold : entry.regular).set(face.file, face);
      }
    }
    for (const [region, { regular, bold }] of sets) {
      const family = regionFamily[region];
      if (bold.size === 0) {
        for (const face of regular.values()) rules.push({ face, family, weight: '100 900' });
        continue;
      }
      const boldRanges = new Set([...bold.values()].map((f) => f.rangeText));
      for (const face of regular.values()) {
        rules.push({ face, family, weight: '100 550' });
        if (!boldRanges.has(face.rangeText)) bold.set(face.file, face);
      }
      for (const face of bold.values()) rules.push({ face, family, weight: '551 900' });
    }
    const faces = await Promise.all(
      rules.map(
        async ({ face, family, weight }) =>
          `@font-face{font-family:'${family}';font-style:${face.style};font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${await this.base64(face.file)}) format('woff2');unicode-range:${face.rangeText}}`,
      ),
    );
    // The colour emoji first: faces declared later win a character two faces serve (a digit of a
    // keycap is also in a CJK slice), and the emoji face serves only what its emoji need.
    const emoji = this.emoji
      ? emojiFontFaces(
          this.emoji,
          emojiClusters(html),
          ['sc' as const, ...sets.keys()].map((r) => regionFamily[r]),
        )
      : [];
    return [
      ...emoji,
      ...faces,
      ...superscriptFontFaces(
        used,
        rules.filter((r) => r.family === 'Source Sans 3').map((r) => ({ weight: r.weight, style: r.face.style })),
      ),
      ...langRules(new Set(sets.keys())),
    ].join('\n');
  }

  /**
   * The face that draws `cp` in text of `region`: that region's CJK face first, then the
   * scripts, then the other CJK regions, then emoji. Bold asks for the 700 face where there is one.
   */
  faceFor(cp: number, region: CjkRegion, bold: boolean): Face | undefined {
    const key = `${region}${bold ? '+' : '-'}${cp}`;
    if (this.chosen.has(key)) return this.chosen.get(key);
    const face = this.chooseFace(cp, region, bold);
    this.chosen.set(key, face);
    return face;
  }

  private chooseFace(cp: number, region: CjkRegion, bold: boolean): Face | undefined {
    const order = (f: Face): number =>
      f.role === 'cjk'
        ? f.region === region
          ? 0
          : 2 + regions.indexOf(f.region!)
        : f.role === 'script'
          ? 1
          : f.role === 'emoji'
            ? 9
            : 10;
    const candidates = this.faces
      .filter((f) => f.role !== 'latin' && f.style === 'normal' && covers(f, cp))
      .sort((a, b) => order(a) - order(b));
    if (candidates.length === 0) return undefined;
    const best = order(candidates[0]!);
    const same = candidates.filter((f) => order(f) === best);
    return same.find((f) => f.weight === (bold ? '700' : '400')) ?? same.find((f) => f.weight === '400') ?? same[0];
  }

  /**
   * What a chart needs registered with Cairo to draw `text`: WOFF files (Cairo does not read
   * WOFF2), named by the family a chart's font stack lists, at the weights charts use.
   */
  chartFaces(text: string, region: CjkRegion): ChosenFace[] {
    // In the catalogue's order, whatever the text's: Pango searches the families in this order.
    const chosen = new Map<string, ChosenFace>();
    const used = new Set<number>();
    for (const char of text) used.add(char.codePointAt(0)!);
    for (const face of this.faces) {
      if (
        face.role === 'latin' &&
        face.family === 'Source Sans 3' &&
        face.style === 'normal' &&
        face.weight !== '700' &&
        intersects(face, used)
      )
        chosen.set(face.file, { face, family: 'Source Sans 3' });
    }
    for (const cp of used) {
      if (
        isInvisible(cp) ||
        this.faces.some((f) => f.role === 'latin' && f.family === 'Source Sans 3' && covers(f, cp))
      )
        continue;
      for (const bold of [false, true]) {
        const face = this.faceFor(cp, region, bold);
        if (face)
          chosen.set(face.file, { face, family: face.role === 'cjk' ? regionFamily[face.region!] : 'Source Sans 3' });
      }
    }
    return this.faces.flatMap((face) => chosen.get(face.file) ?? []);
  }

  /** The colour emoji font file a chart with `text` needs registered, if it shows any emoji. */
  chartEmoji(text: string): string | undefined {
    return this.emoji && emojiClusters(text).length > 0 ? this.emoji.file : undefined;
  }

  /** What in `text` the report's fonts do not draw (see font-coverage.ts). */
  undrawable(text: string): Undrawable[] {
    return this.coverage.undrawable(text);
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

function langRules(present: ReadonlySet<CjkRegion>): string[] {
  if ([...present].every((r) => r === 'sc')) return [];
  return regions
    .filter((r) => present.has(r))
    .flatMap((r) => {
      const family = `'${regionFamily[r]}'`;
      const selectors = langSelectors[r].split(',');
      return [
        `${selectors.map((s) => `:root ${s}`).join(',')}{font-family:'Source Sans 3',${family},sans-serif}`,
        `${selectors.map((s) => `:root :is(h1,h2,h3,h4,h5,h6,.latin)${s}`).join(',')}{font-family:'Source Serif 4',${family},serif}`,
      ];
    });
}

function intersects(face: Face, cps: ReadonlySet<number>): boolean {
  for (const cp of cps) if (covers(face, cp)) return true;
  return false;
}
