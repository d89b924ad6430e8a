import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readSfnt, writeSfnt } from './sfnt-tables.js';
import type { SfntTable } from './sfnt-tables.js';

/**
 * A colour bitmap font (CBDT/CBLC, as Noto Color Emoji is) cut down to the emoji a report uses,
 * so the page can carry it inline: the whole font is 10 MB, one flag about 5 KB.
 *
 * HarfBuzz's subsetter (harfbuzzjs's harfbuzz-subset.wasm) keeps the character map and the
 * substitutions that make a flag, a family or a keycap out of several code points, with every
 * glyph keeping its id; that build leaves the bitmap tables out, so they are rebuilt here with
 * only the bitmaps of the glyphs the text shapes to. No maintained JavaScript library writes
 * CBDT. Index formats 1 and 3 (offset arrays) and self-describing image formats (17, 18, 19:
 * metrics and PNG in one block) are read, which is what colour emoji fonts use; anything else
 * is refused, and the page falls back to the monochrome emoji font.
 */
export function subsetColourFont(font: Buffer, codePoints: Iterable<number>, glyphs: Iterable<number>): Buffer {
  const keep = [...new Set(glyphs)].filter((g) => g > 0).sort((a, b) => a - b);
  const base = readSfnt(hbSubset(font, codePoints, keep));
  const { tables } = readSfnt(font);
  const cblc = tables.find((t) => t.tag === 'CBLC')?.data;
  const cbdt = tables.find((t) => t.tag === 'CBDT')?.data;
  if (!cblc || !cbdt) throw new Error('not a CBDT colour font');
  const bitmaps = rebuildBitmaps(cblc, cbdt, keep);
  const kept = base.tables.filter((t) => t.tag !== 'CBDT' && t.tag !== 'CBLC');
  return writeSfnt(base.flavor, [...kept, ...bitmaps]);
}

interface Strike {
  /** The 48-byte BitmapSize record, copied and then updated. */
  readonly record: Buffer;
  /** Glyph id to image format and the image's bytes (metrics and PNG). */
  readonly images: Map<number, { format: number; data: Buffer }>;
}

/** CBLC and CBDT tables holding only the bitmaps of `keep`, in every strike. */
function rebuildBitmaps(cblc: Buffer, cbdt: Buffer, keep: readonly number[]): SfntTable[] {
  const strikes = readStrikes(cblc, cbdt, new Set(keep)).filter((s) => s.images.size > 0);
  const data: Buffer[] = [Buffer.from([0, 3, 0, 0])];
  let dataLength = 4;
  const records: Buffer[] = [];
  const indexes: Buffer[] = [];
  let indexOffset = 8 + 48 * strikes.length;
  for (const strike of strikes) {
    const ids = [...strike.images.keys()].sort((a, b) => a - b);
    // Runs of consecutive glyphs in one image format: each becomes an index subtable (format 1).
    const runs: number[][] = [];
    for (const id of ids) {
      const run = runs.at(-1);
      if (run && run.at(-1) === id - 1 && strike.images.get(run[0]!)!.format === strike.images.get(id)!.format)
        run.push(id);
      else runs.push([id]);
    }
    const array = Buffer.alloc(8 * runs.length);
    const subtables: Buffer[] = [];
    let subtableOffset = array.length;
    runs.forEach((run, i) => {
      const subtable = Buffer.alloc(8 + 4 * (run.length + 1));
      subtable.writeUInt16BE(1, 0);
      subtable.writeUInt16BE(strike.images.get(run[0]!)!.format, 2);
      subtable.writeUInt32BE(dataLength, 4);
      let offset = 0;
      run.forEach((id, k) => {
        subtable.writeUInt32BE(offset, 8 + 4 * k);
        const image = strike.images.get(id)!.data;
        data.push(image);
        offset += image.length;
      });
      subtable.writeUInt32BE(offset, 8 + 4 * run.length);
      dataLength += offset;
      array.writeUInt16BE(run[0]!, 8 * i);
      array.writeUInt16BE(run.at(-1)!, 8 * i + 2);
      array.writeUInt32BE(subtableOffset, 8 * i + 4);
      subtables.push(subtable);
      subtableOffset += subtable.length;
    });
    const record = Buffer.from(strike.record);
    record.writeUInt32BE(indexOffset, 0);
    record.writeUInt32BE(subtableOffset, 4);
    record.writeUInt32BE(runs.length, 8);
    record.writeUInt16BE(ids[0]!, 40);
    record.writeUInt16BE(ids.at(-1)!, 42);
    records.push(record);
    indexes.push(array, ...subtables);
    indexOffset += subtableOffset;
  }
  const header = Buffer.alloc(8);
  header.writeUInt16BE(3, 0);
  header.writeUInt32BE(strikes.length, 4);
  return [
    { tag: 'CBLC', data: Buffer.concat([header, ...records, ...indexes]) },
    { tag: 'CBDT', data: Buffer.concat(data) },
  ];
}

function readStrikes(cblc: Buffer, cbdt: Buffer, keep: ReadonlySet<number>): Strike[] {
  const strikes: Strike[] = [];
  for (let s = 0; s < cblc.readUInt32BE(4); s++) {
    const record = cblc.subarray(8 + 48 * s, 8 + 48 * (s + 1));
    const arrayAt = record.readUInt32BE(0);
    const images = new Map<number, { format: number; data: Buffer }>();
    for (let k = 0; k < record.readUInt32BE(8); k++) {
      const entry = arrayAt + 8 * k;
      const first = cblc.readUInt16BE(entry);
      const last = cblc.readUInt16BE(entry + 2);
      const at = arrayAt + cblc.readUInt32BE(entry + 4);
      const [indexFormat, format, dataAt] = [
        cblc.readUInt16BE(at),
        cblc.readUInt16BE(at + 2),
        cblc.readUInt32BE(at + 4),
      ];
      if (indexFormat !== 1 && indexFormat !== 3)
        throw new Error(`bitmap index format ${indexFormat} is not supported`);
      if (format < 17 || format > 19) throw new Error(`bitmap image format ${format} is not supported`);
      const size = indexFormat === 1 ? 4 : 2;
      const offsetOf = (i: number): number =>
        size === 4 ? cblc.readUInt32BE(at + 8 + 4 * i) : cblc.readUInt16BE(at + 8 + 2 * i);
      for (let id = Math.max(first, 1); id <= last; id++) {
        if (!keep.has(id)) continue;
        const [from, to] = [offsetOf(id - first), offsetOf(id - first + 1)];
        if (to > from) images.set(id, { format, data: cbdt.subarray(dataAt + from, dataAt + to) });
      }
    }
    strikes.push({ record, images });
  }
  return strikes;
}

type SubsetExports = Record<string, (...args: number[]) => number> & { memory: { buffer: ArrayBuffer } };
/** The part of the WebAssembly API used here (the project's TypeScript libraries do not declare it). */
interface Wasm {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}
let subsetter: SubsetExports | undefined;

/** HarfBuzz's subset of `font`: the code points, the glyphs, and what they substitute to (ids kept, with `retainIds`). */
export function hbSubset(
  font: Buffer,
  codePoints: Iterable<number>,
  glyphs: readonly number[],
  retainIds = true,
): Buffer {
  subsetter ??= loadSubsetter();
  const hb = subsetter;
  const fontPtr = hb['malloc']!(font.length);
  new Uint8Array(hb.memory.buffer).set(font, fontPtr);
  const blob = hb['hb_blob_create']!(fontPtr, font.length, 2 /* HB_MEMORY_MODE_WRITABLE */, 0, 0);
  const face = hb['hb_face_create']!(blob, 0);
  hb['hb_blob_destroy']!(blob);
  const input = hb['hb_subset_input_create_or_fail']!();
  try {
    // HB_SUBSET_FLAGS_RETAIN_GIDS: the bitmaps are found again by the same ids.
    if (retainIds) hb['hb_subset_input_set_flags']!(input, 0x2);
    const unicodes = hb['hb_subset_input_unicode_set']!(input);
    for (const cp of codePoints) hb['hb_set_add']!(unicodes, cp);
    const glyphSet = hb['hb_subset_input_glyph_set']!(input);
    for (const g of glyphs) hb['hb_set_add']!(glyphSet, g);
    const subset = hb['hb_subset_or_fail']!(face, input);
    if (!subset) throw new Error('HarfBuzz could not subset the emoji font');
    const out = hb['hb_face_reference_blob']!(subset);
    const start = hb['hb_blob_get_data']!(out, 0);
    const bytes = Buffer.from(new Uint8Array(hb.memory.buffer).slice(start, start + hb['hb_blob_get_length']!(out)));
    hb['hb_blob_destroy']!(out);
    hb['hb_face_destroy']!(subset);
    return bytes;
  } finally {
    hb['hb_subset_input_destroy']!(input);
    hb['hb_face_destroy']!(face);
    hb['free']!(fontPtr);
  }
}

/** harfbuzz-subset.wasm imports nothing, so it is instantiated as it is, synchronously, once. */
function loadSubsetter(): SubsetExports {
  const file = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
  const wasm = (globalThis as unknown as { WebAssembly: Wasm }).WebAssembly;
  const instance = new wasm.Instance(new wasm.Module(readFileSync(file)));
  const exports = instance.exports as SubsetExports;
  exports['_initialize']?.();
  return exports;
}
