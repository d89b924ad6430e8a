import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findColourEmoji } from '../../src/render/colour-emoji.js';
import { subsetColourFont } from '../../src/render/colour-font-subset.js';
import { FontLibrary } from '../../src/render/font-library.js';
import { loadShaper } from '../../src/render/font-shaper.js';

const sequences = ['🇳🇬', '🇲🇽', '🇯🇵', '🇹🇼', '👨‍👩‍👧‍👦', '1️⃣', '#️⃣', '👍🏽', '🧑🏿‍🚀', '🏳️‍🌈', '🏴󠁧󠁢󠁳󠁣󠁴󠁿'];
const colourFile = findColourEmoji();

describe('FontCoverage, with the real fonts', () => {
  it.runIf(colourFile)(
    'draws flags, families, keycaps, skin tones and tag flags, each as one glyph of the colour emoji font',
    async () => {
      const fonts = await FontLibrary.load();
      expect(fonts.emoji?.file).toBe(colourFile);
      expect(fonts.undrawable(sequences.join(' '))).toEqual([]);
      const colour = (await loadShaper())(readFileSync(colourFile!));
      for (const s of sequences) {
        const glyphs = colour.shape(s).filter((g) => g.advance > 0);
        expect(
          glyphs.map((g) => g.id === 0),
          s,
        ).toEqual([false]);
      }
    },
  );

  it('names a sequence the fonts draw only as its parts, with or without the colour emoji font', async () => {
    // Cat + ZWJ + unicorn is no emoji: every font draws a cat and a unicorn side by side.
    for (const fonts of [await FontLibrary.load(), await FontLibrary.load([])]) {
      expect(fonts.undrawable('Mascot: 🐈‍🦄')).toEqual([
        { text: '🐈‍🦄', codePoints: [0x1f408, 0x200d, 0x1f984], kind: 'split', parts: 2 },
      ]);
    }
  });

  it('falls back to the monochrome Noto Emoji when no colour font is installed, and still draws these sequences', async () => {
    const fonts = await FontLibrary.load(['/nonexistent/NotoColorEmoji.ttf']);
    expect(fonts.emoji).toBeUndefined();
    expect(fonts.undrawable(sequences.join(' '))).toEqual([]);
  });

  it('names only the character that lacks a glyph when a mark on it has one', async () => {
    const fonts = await FontLibrary.load();
    expect(fonts.undrawable('ᱚ\u0301 é')).toEqual([{ text: 'ᱚ', codePoints: [0x1c5a], kind: 'missing' }]);
  });
});

describe('subsetColourFont', () => {
  it.runIf(colourFile)(
    'keeps the glyphs and ligatures of the emoji asked for, under their ids, and little else',
    async () => {
      const open = await loadShaper();
      const full = readFileSync(colourFile!);
      const font = open(full);
      const asked = ['🇯🇵', '👨‍👩‍👧‍👦', '1️⃣'];
      const subset = subsetColourFont(
        full,
        asked.flatMap((s) => [...s].map((c) => c.codePointAt(0)!)),
        asked.flatMap((s) => font.shape(s).map((g) => g.id)),
      );
      expect(subset.length).toBeLessThan(40_000);
      const small = open(subset);
      for (const s of asked)
        expect(
          small.shape(s).map((g) => g.id),
          s,
        ).toEqual(font.shape(s).map((g) => g.id));
      // A flag that was not asked for is not in the subset.
      expect(small.shape('🇳🇬').some((g) => g.id === 0)).toBe(true);
    },
  );
});
