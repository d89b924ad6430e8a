import { readFileSync } from 'node:fs';
import { covers, isInvisible } from './font-catalogue.js';
import type { Face } from './font-catalogue.js';
import { isEmojiCluster } from './colour-emoji.js';
import type { ColourEmoji } from './colour-emoji.js';
import type { ShapingFont } from './font-shaper.js';
import { woffToSfnt } from './woff-to-ttf.js';

/** A piece of text the report's fonts cannot draw: one character, or one emoji sequence. */
export interface Undrawable {
  /** As written: "ᱥ", or a whole sequence such as a flag. */
  readonly text: string;
  readonly codePoints: readonly number[];
  /**
   * `missing`: no font has a glyph for it, so it prints as a box. `split`: an emoji sequence
   * that the fonts draw only as its parts (a family as four people, a flag as two letters).
   */
  readonly kind: 'missing' | 'split';
  /** For `split`: how many symbols it prints as. */
  readonly parts?: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Sequences that stand for one symbol: flags, ZWJ sequences, keycaps, skin tones, tag flags. */
const sequence = /\p{Regional_Indicator}|[\u200d\u20e3\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;

/**
 * Whether the report's fonts draw a piece of text, decided as the printer decides: each grapheme
 * cluster is shaped (HarfBuzz) with the fonts that would be asked for it, in the page's order,
 * and is drawn when one of them gives it no .notdef glyph (glyph 0, the box). An emoji sequence
 * must also come out as one glyph: a font without the ligature draws its parts side by side.
 * A face is asked only for characters its `unicode-range` serves (the browser asks it for no
 * others), but whether it has them is read from its own character map.
 */
export class FontCoverage {
  private readonly opened = new Map<string, ShapingFont>();
  private readonly answers = new Map<string, Undrawable | null>();

  /**
   * @param faces the faces text may be drawn with, in the page's order of preference
   * @param open opens a font file's bytes for shaping
   * @param emoji the colour emoji font, asked first for emoji
   * @param whole whole fonts (not slices) that serve some characters, asked after the faces
   */
  constructor(
    private readonly faces: readonly Face[],
    private readonly open: (data: Buffer) => ShapingFont,
    private readonly emoji?: ColourEmoji,
    private readonly whole: readonly { readonly covers: (cp: number) => boolean; readonly file: string }[] = [],
  ) {}

  /** Every cluster of `text` the fonts do not draw, each once, in order of first appearance. */
  undrawable(text: string): Undrawable[] {
    const found: Undrawable[] = [];
    const seen = new Set<string>();
    // Word by word: Intl.Segmenter takes quadratic time over a long string, and no cluster spans a space.
    for (const word of text.split(/\s+/)) {
      for (const { segment } of segmenter.segment(word)) {
        if (seen.has(segment)) continue;
        seen.add(segment);
        const answer = this.answer(segment);
        if (answer) found.push(answer);
      }
    }
    return found;
  }

  private answer(cluster: string): Undrawable | null {
    let answer = this.answers.get(cluster);
    if (answer === undefined) {
      answer = this.judge(cluster);
      // A long watch session keeps only what recent builds asked.
      if (this.answers.size > 50_000) this.answers.clear();
      this.answers.set(cluster, answer);
    }
    return answer;
  }

  private judge(cluster: string): Undrawable | null {
    const codePoints = [...cluster].map((c) => c.codePointAt(0)!);
    const visible = codePoints.filter((cp) => !isInvisible(cp));
    if (visible.length === 0) return null;
    const isSequence = sequence.test(cluster);
    const fonts = this.candidates(cluster, visible[0]!);
    let parts = 0;
    for (const font of fonts) {
      // A lone character needs only the character map; anything longer is shaped.
      if (codePoints.length === 1) {
        if (font.has(visible[0]!)) return null;
        continue;
      }
      const glyphs = font.shape(cluster);
      if (glyphs.some((g) => g.id === 0)) continue;
      const drawn = glyphs.filter((g) => g.advance > 0).length;
      if (!isSequence || drawn <= 1) return null;
      parts = parts === 0 ? drawn : Math.min(parts, drawn);
    }
    if (parts > 0) return { text: cluster, codePoints, kind: 'split', parts };
    // Name the characters no font has at all, or the whole cluster when only the mix fails.
    const lacking = visible.filter((cp) => !this.candidates(String.fromCodePoint(cp), cp).some((f) => f.has(cp)));
    if (lacking.length > 0 && lacking.length < visible.length && !isSequence) {
      return { text: lacking.map((cp) => String.fromCodePoint(cp)).join(''), codePoints: lacking, kind: 'missing' };
    }
    return { text: cluster, codePoints, kind: 'missing' };
  }

  /** The fonts asked for a cluster starting with `first`: the colour emoji font for an emoji, then each face serving it. */
  private candidates(cluster: string, first: number): ShapingFont[] {
    const fonts: ShapingFont[] = [];
    if (this.emoji && isEmojiCluster(cluster)) fonts.push(this.emoji.font());
    for (const face of this.faces) if (covers(face, first)) fonts.push(this.font(face));
    for (const font of this.whole)
      if (font.covers(first)) fonts.push(this.opening(font.file, () => readFileSync(font.file)));
    return fonts;
  }

  private font(face: Face): ShapingFont {
    return this.opening(face.file, () => woffToSfnt(readFileSync(face.file.replace(/\.woff2$/, '.woff'))));
  }

  private opening(file: string, read: () => Buffer): ShapingFont {
    let font = this.opened.get(file);
    if (!font) {
      font = this.open(read());
      this.opened.set(file, font);
    }
    return font;
  }
}
