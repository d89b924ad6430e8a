import sharp from 'sharp';

/**
 * A portrait drawn by code, not a photograph of anyone: an abstract head and shoulders in flat
 * colours (hue from `seed`), as a JPEG, PNG or WebP, `width` x `height`. What tests and the
 * examples show where a profile's `person.photo` goes; credit it as generated.
 */
export async function drawnPortrait(
  seed: number,
  options: { width?: number; height?: number; format?: 'jpeg' | 'png' | 'webp' } = {},
): Promise<Buffer> {
  const { width = 800, height = 1000, format = 'jpeg' } = options;
  const hue = (seed * 137) % 360;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 800 1000">
<defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="hsl(${hue},45%,88%)"/><stop offset="1" stop-color="hsl(${(hue + 40) % 360},40%,72%)"/></linearGradient></defs>
<rect width="800" height="1000" fill="url(#g)"/>
<circle cx="${400 + ((seed * 53) % 90) - 45}" cy="180" r="${60 + (seed % 4) * 12}" fill="hsl(${(hue + 180) % 360},35%,80%)" opacity="0.6"/>
<path d="M120 1000 C140 760 260 690 400 690 C540 690 660 760 680 1000 Z" fill="hsl(${(hue + 200) % 360},38%,34%)"/>
<rect x="355" y="560" width="90" height="150" rx="30" fill="hsl(${(hue + 20) % 360},30%,62%)"/>
<ellipse cx="400" cy="440" rx="150" ry="180" fill="hsl(${(hue + 20) % 360},34%,68%)"/>
<path d="M245 420 C240 260 330 220 400 220 C480 220 565 265 555 420 C520 330 300 330 245 420 Z" fill="hsl(${(hue + 230) % 360},25%,22%)"/>
</svg>`;
  const image = sharp(Buffer.from(svg));
  return format === 'png'
    ? image.png().toBuffer()
    : format === 'webp'
      ? image.webp().toBuffer()
      : image.jpeg({ quality: 90 }).toBuffer();
}

/** A JPEG that carries what a phone's photo leaks: GPS coordinates and an owner in EXIF, a text comment, and a Display P3 colour profile. */
export async function leakyJpeg(seed: number, comment: string, owner: string): Promise<Buffer> {
  const jpeg = await sharp(await drawnPortrait(seed, { format: 'png' }))
    .withIccProfile('p3')
    .withExif({
      IFD0: { Copyright: owner, Artist: owner },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '51/1 30/1 1234/100',
        GPSLongitudeRef: 'W',
        GPSLongitude: '0/1 7/1 3900/100',
      },
    })
    .jpeg({ quality: 90 })
    .toBuffer();
  // A COM segment right after the start-of-image marker: the JPEG format's own text comment.
  const text = Buffer.from(comment, 'latin1');
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe, (text.length + 2) >> 8, (text.length + 2) & 0xff]), text]);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

/** A PNG chunk: length, type, data and the CRC the format requires. */
function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** A PNG of 545 bytes that declares 40,000 x 40,000 pixels: decoded, it would need 4.8 GB. */
export async function pngBomb(): Promise<Buffer> {
  const { deflateSync } = await import('node:zlib');
  const header = Buffer.alloc(13);
  header.writeUInt32BE(40_000, 0);
  header.writeUInt32BE(40_000, 4);
  header[8] = 8; // bits per sample
  header[9] = 2; // RGB
  return Buffer.concat([
    Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.alloc(4 * (1 + 40_000 * 3)))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An animated PNG (APNG): a drawn portrait with an animation control chunk before its image data. */
export async function animatedPng(): Promise<Buffer> {
  const png = await drawnPortrait(3, { format: 'png', width: 80, height: 100 });
  const control = Buffer.alloc(8);
  control.writeUInt32BE(2, 0); // frames
  control.writeUInt32BE(0, 4); // loop forever
  const afterHeader = 8 + 25; // signature, then IHDR (4 + 4 + 13 + 4)
  return Buffer.concat([png.subarray(0, afterHeader), pngChunk('acTL', control), png.subarray(afterHeader)]);
}

/** An animated WebP of two frames. */
export async function animatedWebp(): Promise<Buffer> {
  const frames = await Promise.all(
    [1, 2].map((seed) => drawnPortrait(seed, { format: 'png', width: 80, height: 100 })),
  );
  return sharp(frames, { join: { animated: true } })
    .webp({ loop: 0, delay: [200, 200] })
    .toBuffer();
}
