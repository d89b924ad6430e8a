import { existsSync, readFileSync } from 'node:fs';
import { subsetColourFont } from './colour-font-subset.js';
import type { ShapingFont } from './font-shaper.js';

/**
 * The colour emoji font: Debian's `fonts-noto-color-emoji` (Noto Color Emoji, colour bitmaps).
 * Chromium prints its glyphs in colour, Cairo draws them in charts, and the page carries the few
 * glyphs it uses inline (see subsetColourFont). Where it is not installed, emoji come from the
 * monochrome Noto Emoji of npm, and the preflight names any emoji that font draws only as its
 * parts (a family as four people, a flag as two letters).
 */
export const colourEmojiFiles: readonly string[] = ['/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf'];

/** The installed colour emoji font's path, if any. */
export function findColourEmoji(files: readonly string[] = colourEmojiFiles): string | undefined {
  return files.find((file) => existsSync(file));
}

/**
 * An emoji sequence as Unicode defines its shape (UTS #51): a flag, a keycap, or pictographs with
 * their presentation selector, skin tone or tags, joined by ZWJ. A pattern rather than the
 * grapheme segmenter: Intl.Segmenter takes quadratic time over a page-long string.
 */
const emojiSequence =
  /\p{Regional_Indicator}{2}|[#*0-9]\ufe0f?\u20e3|\p{Extended_Pictographic}(?:\ufe0f|\p{Emoji_Modifier})?(?:[\u{e0020}-\u{e007e}]+\u{e007f})?(?:\u200d\p{Extended_Pictographic}(?:\ufe0f|\p{Emoji_Modifier})?)*|\p{Regional_Indicator}/gu;
/** Shown as an emoji: a pictograph drawn as one by default, or a sequence that asks for one. */
const emojiCluster =
  /\p{Emoji_Presentation}|\p{Regional_Indicator}|[\u200d\u20e3\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;
const candidate = /[\u200d\u20e3\ufe0f\u{1f000}-\u{1faff}\u{e0020}-\u{e007f}\p{Emoji_Presentation}]/u;

/** Whether a grapheme cluster is an emoji (as opposed to text, such as "©" or "1"). */
export function isEmojiCluster(cluster: string): boolean {
  return emojiCluster.test(cluster) && /\p{Extended_Pictographic}|\p{Regional_Indicator}|\u20e3/u.test(cluster);
}

/** Each emoji of `text` once, in order of first appearance. */
export function emojiClusters(text: string): string[] {
  if (!candidate.test(text)) return [];
  const found = new Set<string>();
  for (const [sequence] of text.matchAll(emojiSequence)) if (isEmojiCluster(sequence)) found.add(sequence);
  return [...found];
}

/** The colour emoji font, opened for shaping, with the subsets the pages asked for so far. */
export class ColourEmoji {
  private bytes: Buffer | undefined;
  private readonly subsets = new Map<string, Buffer>();

  constructor(
    readonly file: string,
    private readonly open: (data: Buffer) => ShapingFont,
  ) {}

  private shaper: ShapingFont | undefined;

  /** The font for shaping (read on first use: it is 10 MB). */
  font(): ShapingFont {
    this.shaper ??= this.open(this.data());
    return this.shaper;
  }

  /** A font file holding exactly what draws `clusters`, as small as it can be. */
  subset(clusters: readonly string[]): Buffer {
    const key = [...clusters].sort().join('\u0000');
    let subset = this.subsets.get(key);
    if (!subset) {
      const glyphs = clusters.flatMap((c) => [
        ...this.font()
          .shape(c)
          .map((g) => g.id),
        ...[...c].map((ch) => this.font().shape(ch)[0]?.id ?? 0),
      ]);
      subset = subsetColourFont(this.data(), codePoints(clusters), glyphs);
      // A long watch session keeps only what recent builds used.
      if (this.subsets.size > 20) this.subsets.delete(this.subsets.keys().next().value!);
      this.subsets.set(key, subset);
    }
    return subset;
  }

  private data(): Buffer {
    this.bytes ??= readFileSync(this.file);
    return this.bytes;
  }
}

/** Every code point of the clusters, each once, sorted. */
function codePoints(clusters: readonly string[]): number[] {
  return [...new Set(clusters.flatMap((c) => [...c].map((ch) => ch.codePointAt(0)!)))].sort((a, b) => a - b);
}

/**
 * `@font-face` rules carrying the colour emoji `clusters` need, one per family the page's text
 * falls back to (the rules share one font file; each family needs its own rule). The range is
 * exactly the clusters' code points, joiners and selectors included, so the browser asks this
 * face for a whole sequence.
 */
export function emojiFontFaces(emoji: ColourEmoji, clusters: readonly string[], families: readonly string[]): string[] {
  if (clusters.length === 0) return [];
  const data = emoji.subset(clusters).toString('base64');
  const range = codePoints(clusters)
    .map((cp) => `U+${cp.toString(16)}`)
    .join(',');
  return [...new Set(families)].map(
    (family) =>
      `@font-face{font-family:'${family}';font-style:normal;font-weight:100 900;font-display:block;src:url(data:font/ttf;base64,${data}) format('truetype');unicode-range:${range}}`,
  );
}
