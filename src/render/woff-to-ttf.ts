import { inflateSync } from 'node:zlib';

/**
 * A WOFF font as a plain TrueType/OpenType file under a new family name. node-canvas registers
 * one file per family and weight (it compares the names inside the files), so the unicode-range
 * slices of one font, which all carry the same name, would shadow each other; renamed, every
 * slice registers, and a chart finds each character where the page finds it. Every table but
 * `name` is copied as is, so shaping (Arabic joining, Indic conjuncts, kerning) is untouched.
 */
export function woffToRenamedSfnt(woff: Buffer, family: string, subfamily: string): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF file');
  const flavor = woff.readUInt32BE(4);
  const count = woff.readUInt16BE(12);
  const tables: { tag: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 44 + i * 20;
    const tag = woff.toString('latin1', at, at + 4);
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({ tag, data: tag === 'name' ? nameTable(family, subfamily) : compLength < origLength ? inflateSync(raw) : Buffer.from(raw) });
  }
  tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const headerLength = 12 + 16 * tables.length;
  const padded = (n: number): number => (n + 3) & ~3;
  const total = tables.reduce((n, t) => n + padded(t.data.length), headerLength);
  const out = Buffer.alloc(total);
  const power = 2 ** Math.floor(Math.log2(tables.length));
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(tables.length, 4);
  out.writeUInt16BE(power * 16, 6);
  out.writeUInt16BE(Math.log2(power), 8);
  out.writeUInt16BE(tables.length * 16 - power * 16, 10);
  let offset = headerLength;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.write(t.tag, at, 'latin1');
    out.writeUInt32BE(checksum(t.data), at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += padded(t.data.length);
  });
  return out;
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

function checksum(data: Buffer): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    const word = ((data[i] ?? 0) << 24) | ((data[i + 1] ?? 0) << 16) | ((data[i + 2] ?? 0) << 8) | (data[i + 3] ?? 0);
    sum = (sum + (word >>> 0)) >>> 0;
  }
  return sum;
}
