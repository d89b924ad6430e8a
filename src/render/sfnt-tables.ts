/** One table of an OpenType/TrueType file: its four-letter tag and its bytes. */
export interface SfntTable {
  readonly tag: string;
  readonly data: Buffer;
}

/** The tables of an OpenType/TrueType file, and its flavour (TrueType outlines, CFF or none). */
export function readSfnt(font: Buffer): { flavor: number; tables: SfntTable[] } {
  const count = font.readUInt16BE(4);
  const tables: SfntTable[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const offset = font.readUInt32BE(at + 8);
    tables.push({
      tag: font.toString('latin1', at, at + 4),
      data: font.subarray(offset, offset + font.readUInt32BE(at + 12)),
    });
  }
  return { flavor: font.readUInt32BE(0), tables };
}

/** An OpenType/TrueType file of these tables, sorted by tag and padded as the format asks. */
export function writeSfnt(flavor: number, input: readonly SfntTable[]): Buffer {
  const tables = [...input].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
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

/** The sum of the table as big-endian 32-bit words, the last one padded with zeros (OpenType's table checksum). */
function checksum(data: Buffer): number {
  let sum = 0;
  const whole = data.length - (data.length % 4);
  // Whole words read as words: a font's tables run to megabytes, read on every build's start.
  for (let i = 0; i < whole; i += 4) sum = (sum + data.readUInt32BE(i)) >>> 0;
  if (whole < data.length) {
    let last = 0;
    for (let i = whole; i < whole + 4; i++) last = last * 256 + (data[i] ?? 0);
    sum = (sum + last) >>> 0;
  }
  return sum;
}
