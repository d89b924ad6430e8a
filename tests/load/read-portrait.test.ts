import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodePortrait } from '../../src/load/read-portrait.js';

/** The first pixel of an image (or of its last row), as 8-bit RGB; `ignoreIcc` reads the numbers stored, not the colour they mean. */
async function firstPixel(image: Buffer, ignoreIcc = false, lastRow = false): Promise<number[]> {
  const { data, info } = await sharp(image, { ignoreIcc }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const at = lastRow ? (info.height - 1) * info.width * 3 : 0;
  return [data[at]!, data[at + 1]!, data[at + 2]!];
}

describe('decoding a portrait', () => {
  it("converts colours from the file's own profile (Display P3) to sRGB, then drops the profile", async () => {
    // An orange whose sRGB value is (200, 100, 50), stored as Display P3 numbers with its profile.
    const p3 = await sharp({ create: { width: 100, height: 125, channels: 3, background: { r: 200, g: 100, b: 50 } } })
      .withIccProfile('p3')
      .png()
      .toBuffer();
    const stored = await firstPixel(p3, true);
    expect(Math.abs(stored[0]! - 200) + Math.abs(stored[2]! - 50)).toBeGreaterThan(8);
    const read = await decodePortrait(p3, 'p3.png');
    if (!read.ok) throw new Error(read.message);
    const jpeg = Buffer.from(read.portrait.dataUri.split(',')[1]!, 'base64');
    expect((await sharp(jpeg).metadata()).icc).toBeUndefined();
    const shown = await firstPixel(jpeg);
    for (const [channel, want] of [200, 100, 50].entries())
      expect(Math.abs(shown[channel]! - want)).toBeLessThanOrEqual(3);
  });

  it('turns a photo upright by its EXIF orientation before the EXIF is dropped', async () => {
    // 200 x 100, left half red, right half blue, stored rotated: orientation 6 says "turn 90° clockwise".
    const sideways = await sharp({ create: { width: 200, height: 100, channels: 3, background: 'red' } })
      .composite([
        { input: { create: { width: 100, height: 100, channels: 3, background: 'blue' } }, left: 100, top: 0 },
      ])
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer();
    const read = await decodePortrait(sideways, 'sideways.jpg');
    if (!read.ok) throw new Error(read.message);
    const jpeg = Buffer.from(read.portrait.dataUri.split(',')[1]!, 'base64');
    const meta = await sharp(jpeg).metadata();
    expect([meta.width, meta.height, meta.orientation, meta.exif]).toEqual([480, 600, undefined, undefined]);
    // Upright, the red half is on top and the blue one below; as stored, each column is one colour.
    const [r, , b] = await firstPixel(jpeg);
    expect([r! > 200, b! < 60]).toEqual([true, true]);
    const [r2, , b2] = await firstPixel(jpeg, false, true);
    expect([r2! < 60, b2! > 200]).toEqual([true, true]);
  });

  it("puts a transparent PNG on white, as the report's page is", async () => {
    const clear = await sharp({
      create: { width: 80, height: 100, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } },
    })
      .png()
      .toBuffer();
    const read = await decodePortrait(clear, 'clear.png');
    if (!read.ok) throw new Error(read.message);
    expect(await firstPixel(Buffer.from(read.portrait.dataUri.split(',')[1]!, 'base64'))).toEqual([255, 255, 255]);
  });
});
