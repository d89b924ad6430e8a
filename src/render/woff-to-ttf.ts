import { inflateSync } from 'node:zlib';
import { readSfnt, writeSfnt } from './sfnt-tables.js';
import type { SfntTable } from './sfnt-tables.js';

/**
 * A WOFF font as a plain TrueType/OpenType file under a new family name. node-canvas registers
 * one file per family and weight (it compares the names inside the files), so the unicode-range
 * slices of one font, which all carry the same name, would shadow each other; renamed, every
 * slice registers, and a chart finds each character where the page finds it. Every table but
 * `name` is copied as is, so shaping (Arabic joining, Indic conjuncts, kerning) is untouched.
 */
export function woffToRenamedSfnt(woff: Buffer, family: string, subfamily: string): Buffer {
  const { flavor, tables } = woffTables(woff);
  return writeSfnt(
    flavor,
    tables.map((t) => (t.tag === 'name' ? { tag: 'name', data: nameTable(family, subfamily) } : t)),
  );
}

/** A WOFF or an OpenType/TrueType font as a TrueType/OpenType file under a new family name (see woffToRenamedSfnt). */
export function renamedSfnt(font: Buffer, family: string, subfamily: string): Buffer {
  if (font.toString('latin1', 0, 4) === 'wOFF') return woffToRenamedSfnt(font, family, subfamily);
  const { flavor, tables } = readSfnt(font);
  return writeSfnt(
    flavor,
    tables.map((t) => (t.tag === 'name' ? { tag: 'name', data: nameTable(family, subfamily) } : t)),
  );
}

/** A WOFF font as the plain OpenType/TrueType file it wraps, for HarfBuzz (which reads no WOFF). */
export function woffToSfnt(woff: Buffer): Buffer {
  const { flavor, tables } = woffTables(woff);
  return writeSfnt(flavor, tables);
}

function woffTables(woff: Buffer): { flavor: number; tables: SfntTable[] } {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF file');
  const count = woff.readUInt16BE(12);
  const tables: SfntTable[] = [];
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    const tag = woff.toString('latin1', at, at + 4);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag, data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw) });
  }
  return { flavor: woff.readUInt32BE(4), tables };
}

/** A format-0 `name` table with Windows Unicode records: family, subfamily, full and PostScript names. */
function nameTable(family: string, subfamily: string): Buffer {
  const postscript = `${family}-${subfamily}`.replace(/[^A-Za-z0-9-]/g, '');
  const names: [number, string][] = [
    [1, family],
    [2, subfamily],
    [4, `${family} ${subfamily}`],
    [6, postscript],
  ];
  const strings = names.map(([, text]) => Buffer.from(text, 'utf16le').swap16());
  const header = 6 + 12 * names.length;
  const out = Buffer.alloc(header + strings.reduce((n, s) => n + s.length, 0));
  out.writeUInt16BE(0, 0);
  out.writeUInt16BE(names.length, 2);
  out.writeUInt16BE(header, 4);
  let offset = 0;
  names.forEach(([id], i) => {
    const at = 6 + i * 12;
    out.writeUInt16BE(3, at);
    out.writeUInt16BE(1, at + 2);
    out.writeUInt16BE(0x409, at + 4);
    out.writeUInt16BE(id, at + 6);
    out.writeUInt16BE(strings[i]!.length, at + 8);
    out.writeUInt16BE(offset, at + 10);
    strings[i]!.copy(out, header + offset);
    offset += strings[i]!.length;
  });
  return out;
}
