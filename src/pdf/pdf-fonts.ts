import { RenderError } from '../errors.js';
import type { PdfFile } from './pdf-file.js';
import { PdfDict, PdfName, PdfStream } from './pdf-values.js';
import { readToUnicode } from './to-unicode.js';

/** One character a text operator showed: its code, whether the font drew nothing real for it, and its text. */
interface ShownGlyph {
  readonly code: number;
  /** The font's .notdef glyph: the box a reader sees where a character had no glyph. */
  readonly missing: boolean;
  /** What the code stands for (ToUnicode), '' when the font does not say. */
  readonly text: string;
}

export interface PdfFont {
  /** The font's name without its subset tag (`AAAAAA+SourceSans3-Bold` → `SourceSans3-Bold`). */
  readonly name: string;
  glyphs(bytes: Uint8Array): ShownGlyph[];
  /** How many codes of `bytes` draw .notdef (the same answer as glyphs, without building it). */
  missing(bytes: Uint8Array): number;
}

/**
 * A font of the PDF, read for what its codes draw. Chromium writes two kinds (Skia's PDF
 * backend): Type0 fonts with Identity-H codes, two bytes each, whose CID is the glyph id
 * (CIDToGIDMap /Identity, or a map stream), where glyph 0 is .notdef; and Type3 fonts for
 * colour and bitmap glyphs, one byte per code, each named /g<glyph id> by /Differences, where
 * /g0 is .notdef. Any other kind or encoding is refused: the glyph check could not tell.
 */
export function readFont(file: PdfFile, num: number): PdfFont {
  const dict = file.dict(file.object(num));
  if (!dict) throw cannot(num, 'is not a dictionary');
  const name = (dict.name('BaseFont') ?? dict.name('Name') ?? `font ${num}`).replace(/^[A-Z]{6}\+/, '');
  // Read when a text is first asked for: the glyph check needs only the glyph ids.
  let unicode: Map<number, string> | undefined;
  const toUnicode = {
    get: (code: number): string | undefined => {
      unicode ??=
        dict.get('ToUnicode') === undefined
          ? new Map<number, string>()
          : readToUnicode(file.streamData(dict.get('ToUnicode')));
      return unicode.get(code);
    },
  };
  const subtype = dict.name('Subtype');
  if (subtype === 'Type0') {
    const encoding = dict.name('Encoding');
    if (encoding !== 'Identity-H' && encoding !== 'Identity-V')
      throw cannot(
        num,
        `(${name}) has the encoding ${encoding ?? 'in a CMap stream'}, which this reader does not read`,
      );
    const cidFont = file.dict(file.array(dict.get('DescendantFonts'))?.[0]);
    if (!cidFont) throw cannot(num, `(${name}) has no descendant font`);
    const gidOf = cidToGid(file, cidFont);
    return {
      name,
      glyphs: (bytes) => {
        const out: ShownGlyph[] = [];
        for (let i = 0; i + 1 < bytes.length; i += 2) {
          const code = bytes[i]! * 256 + bytes[i + 1]!;
          out.push({ code, missing: gidOf(code) === 0, text: toUnicode.get(code) ?? '' });
        }
        return out;
      },
      missing: (bytes) => {
        let count = 0;
        for (let i = 0; i + 1 < bytes.length; i += 2) if (gidOf(bytes[i]! * 256 + bytes[i + 1]!) === 0) count++;
        return count;
      },
    };
  }
  if (subtype === 'Type3') {
    const procs = file.dict(dict.get('CharProcs'));
    const names = differences(file, dict);
    const first = file.number(dict.get('FirstChar')) ?? 0;
    const last = file.number(dict.get('LastChar')) ?? 255;
    const drawn = (code: number): boolean => {
      const glyph = names.get(code);
      return (
        code >= first &&
        code <= last &&
        glyph !== undefined &&
        glyph !== '.notdef' &&
        glyph !== 'g0' &&
        procs?.get(glyph) !== undefined
      );
    };
    return {
      name,
      glyphs: (bytes) => [...bytes].map((code) => ({ code, missing: !drawn(code), text: toUnicode.get(code) ?? '' })),
      missing: (bytes) => bytes.reduce((count, code) => count + (drawn(code) ? 0 : 1), 0),
    };
  }
  throw cannot(num, `(${name}) is a ${subtype ?? 'untyped'} font, which this reader does not read`);
}

function cannot(num: number, what: string): RenderError {
  return new RenderError(`the PDF cannot be read: font object ${num} ${what}`);
}

/** The glyph id of each CID: identity, or the two-byte entries of a CIDToGIDMap stream. */
function cidToGid(file: PdfFile, cidFont: PdfDict): (cid: number) => number {
  const map = file.resolve(cidFont.get('CIDToGIDMap'));
  if (map === undefined || (map instanceof PdfName && map.name === 'Identity')) return (cid) => cid;
  if (!(map instanceof PdfStream))
    throw new RenderError('the PDF cannot be read: a CIDToGIDMap that is neither /Identity nor a stream');
  const data = file.streamData(cidFont.get('CIDToGIDMap'));
  return (cid) => (2 * cid + 1 < data.length ? data[2 * cid]! * 256 + data[2 * cid + 1]! : 0);
}

/** A simple font's code → glyph name, from its /Encoding's /Differences. */
function differences(file: PdfFile, font: PdfDict): Map<number, string> {
  const names = new Map<number, string>();
  const encoding = file.dict(font.get('Encoding'));
  let code = 0;
  for (const item of file.array(encoding?.get('Differences')) ?? []) {
    if (typeof item === 'number') code = item;
    else if (item instanceof PdfName) names.set(code++, item.name);
  }
  return names;
}
