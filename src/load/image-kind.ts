import { parseFragment } from 'parse5';

/** The image formats a portrait may be in: photos, which carry no script, links or fonts. */
export type PortraitFormat = 'jpeg' | 'png' | 'webp';

/**
 * What a file is, by the signature each format defines at its start (never by its name): one
 * of the formats a portrait may be, or a plain word for what else it is, for the refusal.
 */
export function imageKind(bytes: Uint8Array): { format: PortraitFormat } | { other: string } {
  const ascii = (from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { format: 'jpeg' };
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return { format: 'png' };
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { format: 'webp' };
  if (ascii(0, 4) === 'GIF8') return { other: 'a GIF image' };
  if (ascii(0, 2) === 'BM') return { other: 'a BMP image' };
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return { other: 'a TIFF image' };
  if (ascii(4, 8) === 'ftyp') return { other: `an ${/^(avif|avis)$/.test(ascii(8, 12)) ? 'AVIF' : 'HEIF'} image` };
  if (ascii(0, 5) === '%PDF-') return { other: 'a PDF document' };
  if (isSvg(bytes)) return { other: 'an SVG drawing (markup that can carry scripts and links)' };
  return { other: 'not an image' };
}

/** Whether the file is SVG markup, read as a browser would read it (a BOM, an XML prolog or comments first are all fine). */
function isSvg(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
  } catch {
    return false;
  }
  const first = parseFragment(text).childNodes.find((n) => 'tagName' in n);
  return first !== undefined && 'tagName' in first && first.tagName === 'svg';
}

/**
 * Whether a PNG is animated (APNG): its chunks are walked, and an `acTL` chunk before the
 * image data says so. Decoders that do not know APNG show its first frame, so the format's own
 * structure is read rather than trusting the decoder to refuse it.
 */
export function isAnimatedPng(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 8; at + 8 <= bytes.length;) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'acTL') return true;
    if (type === 'IDAT' || type === 'IEND') return false;
    at += 12 + length;
  }
  return false;
}
