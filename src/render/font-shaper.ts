/**
 * Shaping with HarfBuzz (harfbuzzjs, WebAssembly), the engine Chromium and Pango themselves shape
 * with: which glyphs a font really draws for a piece of text, read from its character map and its
 * substitutions (a flag, a family, a keycap or a skin tone is one ligature glyph of several code
 * points), never from the CSS `unicode-range` a font is served with. It reads every kind of
 * font the report uses: outlines (glyf, CFF) and colour bitmaps (CBDT) alike, since shaping
 * needs only cmap and GSUB. fontkit and opentype.js were the other candidates; neither lays out
 * a CBDT font (fontkit fails on its glyphs), and only HarfBuzz answers exactly as the printer.
 */
import { importModule } from '../import-module.js';

type HarfBuzz = typeof import('harfbuzzjs');

let loading: Promise<HarfBuzz> | undefined;

/**
 * Loads the WebAssembly module once per process (about 20 ms) and gives a function that opens a
 * font for shaping; shaping after that is synchronous. Nothing exported names harfbuzzjs's own
 * types: they need Emscripten's global types, which a program using this library as a package
 * would otherwise have to install for its compiler to read ours.
 */
export async function loadShaper(): Promise<(data: Uint8Array) => ShapingFont> {
  // Not import(): see import-module.ts.
  loading ??= importModule('harfbuzzjs') as Promise<HarfBuzz>;
  const hb = await loading;
  return (data) => new HarfBuzzFont(hb, data);
}

/** A font opened for shaping. */
export interface ShapingFont {
  /** The glyphs HarfBuzz gives `text`, with the script and direction it guesses from the text. */
  shape(text: string): ShapedGlyph[];
  /** Font units per em, to turn advances into pixels. */
  readonly unitsPerEm: number;
  /** Whether the character map has `cp` at all (a quick first question before shaping). */
  has(cp: number): boolean;
  /** Every code point of the character map. */
  codePoints(): Uint32Array;
}

/** One glyph of shaped text: its id (0 is .notdef, the box) and how far it moves the pen. */
interface ShapedGlyph {
  readonly id: number;
  readonly advance: number;
}

class HarfBuzzFont implements ShapingFont {
  private readonly font: import('harfbuzzjs').Font;
  private readonly face: import('harfbuzzjs').Face;

  /** @param data an OpenType or TrueType file (not WOFF: see woffToSfnt) */
  constructor(
    private readonly hb: HarfBuzz,
    data: Uint8Array,
  ) {
    this.face = new hb.Face(new hb.Blob(data));
    this.font = new hb.Font(this.face);
  }

  /** The glyphs HarfBuzz gives `text`, with the script and direction it guesses from the text. */
  shape(text: string): ShapedGlyph[] {
    const buffer = new this.hb.Buffer();
    buffer.addText(text);
    buffer.guessSegmentProperties();
    this.hb.shape(this.font, buffer);
    const infos = buffer.getGlyphInfos();
    const positions = buffer.getGlyphPositions();
    return infos.map((info, i) => ({ id: info.codepoint, advance: positions[i]?.xAdvance ?? 0 }));
  }

  /** Font units per em, to turn advances into pixels. */
  get unitsPerEm(): number {
    return this.face.upem;
  }

  /** Whether the character map has `cp` at all (a quick first question before shaping). */
  has(cp: number): boolean {
    return (this.font.nominalGlyph(cp) ?? 0) !== 0;
  }

  /** Every code point of the character map. */
  codePoints(): Uint32Array {
    return this.face.collectUnicodes();
  }
}
