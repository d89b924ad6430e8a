import { describe, expect, it } from 'vitest';
import { readSfnt, writeSfnt } from '../../src/render/sfnt-tables.js';

/** OpenType's table checksum as the specification writes it: byte by byte, the last word padded with zeros. */
function specChecksum(data: Buffer): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    let word = 0;
    for (let j = 0; j < 4; j++) word = word * 256 + (data[i + j] ?? 0);
    sum = (sum + word) % 2 ** 32;
  }
  return sum;
}

describe('writeSfnt', () => {
  it('writes each table with its checksum, whatever its length modulo four, and reads back the same tables', () => {
    const tables = [0, 1, 2, 3, 4, 5, 7, 4099].map((length, i) => ({
      tag: `t${String(i).padStart(3, '0')}`,
      data: Buffer.from(Array.from({ length }, (_, k) => (k * 151 + i * 7 + 255) % 256)),
    }));
    const font = writeSfnt(0x00010000, tables);
    const read = readSfnt(font);
    expect(read.tables.map((t) => [t.tag, [...t.data]])).toEqual(tables.map((t) => [t.tag, [...t.data]]));
    tables.forEach((t, i) => expect(font.readUInt32BE(12 + i * 16 + 4)).toBe(specChecksum(t.data)));
  });
});
