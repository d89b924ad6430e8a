import sharp from 'sharp';

/**
 * A portrait drawn by code, not a photograph of anyone: an abstract head and shoulders in flat
 * colours (hue from `seed`), as a JPEG, PNG or WebP, `width` x `height`. What tests and the
 * examples show where a profile's `person.photo` goes; credit it as generated.
 */
export async function drawnPortrait(seed: number, options: { width?: number; height?: number; format?: 'jpeg' | 'png' | 'webp' } = {}): Promise<Buffer> {
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
  return format === 'png' ? image.png().toBuffer() : format === 'webp' ? image.webp().toBuffer() : image.jpeg({ quality: 90 }).toBuffer();
}
