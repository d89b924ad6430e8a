import { createHash } from 'node:crypto';
import path from 'node:path';
import { firstLine } from '../errors.js';
import { limits } from '../limits.js';
import { imageKind, isAnimatedPng } from './image-kind.js';
import type { FileReader } from './read-input-file.js';
import { isInside } from './real-path.js';
import { displayPath, resolveInside } from './resolve-inside.js';

/** A portrait as the report embeds it: re-encoded, cropped, every piece of metadata gone. */
export interface Portrait {
  /** `data:image/jpeg;base64,...` */
  readonly dataUri: string;
  readonly width: number;
  readonly height: number;
  /** The file it was read from, absolute (watch rebuilds when it changes). */
  readonly path?: string;
}

/** Every portrait is cropped to this size (4:5, about 600 px on the long side: sharp in print at the size shown). */
const portraitSize = { width: 480, height: 600 } as const;

export type PortraitResult =
  { readonly ok: true; readonly portrait: Portrait } | { readonly ok: false; readonly message: string };

/**
 * Reads a portrait for a profile: a regular file (never a FIFO or device), inside `within`
 * after every symbolic link, under the size cap; then decodes it (see decodePortrait).
 */
async function readPortrait(file: string, shown: string, within: string, read: FileReader): Promise<PortraitResult> {
  const bytes = await read(file, limits.portraitBytes, within);
  if (!bytes.ok) return { ok: false, message: `the portrait ${shown}: ${bytes.problem.message}` };
  return decodePortrait(bytes.bytes, shown);
}

const memo = new Map<string, Promise<PortraitResult>>();

/**
 * A JPEG, PNG or WebP photo, by its content, to the JPEG the report embeds. The image is
 * decoded and encoded anew by libvips (sharp), so nothing of the file survives but its
 * pixels: EXIF (GPS included), XMP, IPTC and comments are dropped, and the colours are
 * converted from the file's ICC profile to sRGB. It is turned upright, cropped to 4:5 around
 * what draws the eye, and made 480 x 600. Refused, each with the reason: anything else
 * (whatever its name), an animation, and an image declaring more pixels than the cap, checked
 * from its header before any pixel is decoded, so a small file cannot expand to gigabytes.
 */
export async function decodePortrait(bytes: Uint8Array, shown: string): Promise<PortraitResult> {
  // Watch rebuilds see the same files again: decoding is the slow part, and it is pure.
  const key = `${shown}\0${createHash('sha256').update(bytes).digest('hex')}`;
  let result = memo.get(key);
  if (!result) {
    result = decode(bytes, shown);
    memo.set(key, result);
    if (memo.size > 32) memo.delete(memo.keys().next().value!);
  }
  return result;
}

async function decode(bytes: Uint8Array, shown: string): Promise<PortraitResult> {
  const fail = (why: string): PortraitResult => ({ ok: false, message: `the portrait ${shown} ${why}` });
  const kind = imageKind(bytes);
  if ('other' in kind)
    return fail(`is ${kind.other}, whatever its name says; a portrait must be a JPEG, PNG or WebP photo`);
  if (kind.format === 'png' && isAnimatedPng(bytes))
    return fail('is an animated PNG; a portrait must be a still image');
  // Loaded only when a profile has a portrait: the native module costs a build without one nothing.
  const { default: sharp } = await import('sharp');
  sharp.cache(false);
  let meta;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    return fail(`cannot be read as a ${kind.format.toUpperCase()} image (${plain(error)})`);
  }
  if (meta.format !== kind.format)
    return fail(`cannot be read as the ${kind.format.toUpperCase()} image it starts like`);
  if ((meta.pages ?? 1) > 1) return fail(`is an animation of ${meta.pages} frames; a portrait must be a still image`);
  const pixels = meta.width * meta.height;
  if (pixels > limits.portraitPixels) {
    return fail(
      `is ${meta.width} x ${meta.height} pixels (${megapixels(pixels)}); the limit is ${megapixels(limits.portraitPixels)}`,
    );
  }
  try {
    const jpeg = await sharp(bytes, { limitInputPixels: limits.portraitPixels, failOn: 'error' })
      .autoOrient()
      .resize(portraitSize.width, portraitSize.height, { fit: 'cover', position: sharp.strategy.attention })
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .jpeg({ quality: 84, mozjpeg: true })
      .toBuffer();
    return { ok: true, portrait: { dataUri: `data:image/jpeg;base64,${jpeg.toString('base64')}`, ...portraitSize } };
  } catch (error) {
    return fail(`cannot be decoded (${plain(error)}); is the file damaged?`);
  }
}

const megapixels = (pixels: number): string => `${(pixels / 1_000_000).toFixed(1).replace(/\.0$/, '')} megapixels`;

/** libvips' message, on one line and short. */
function plain(error: unknown): string {
  return (
    firstLine(error)
      .replace(/^Input buffer (has corrupt header|contains unsupported image format)?:?\s*/i, '')
      .slice(0, 160) || 'unreadable'
  );
}

/**
 * The portrait a profile names, `file` written relative to the profile. It must lie inside the
 * project (after every symbolic link), or, for a profile from outside the project named on the
 * command line, inside that profile's own folder.
 */
export async function profilePortrait(
  file: string,
  profilePath: string,
  project: string,
  read: FileReader,
): Promise<PortraitResult> {
  const profileDir = path.dirname(profilePath);
  const root = isInside(project, profileDir) ? project : profileDir;
  if (path.isAbsolute(file))
    return { ok: false, message: `the portrait \`${file}\` is an absolute path; write it relative to the profile` };
  const resolved = resolveInside(root, profileDir, file);
  if (!resolved.ok)
    return {
      ok: false,
      message: `the portrait \`${file}\` leads outside the project folder (${root}); a portrait must be inside it`,
    };
  const result = await readPortrait(resolved.path, displayPath(project, resolved.path), root, read);
  return result.ok ? { ok: true, portrait: { ...result.portrait, path: resolved.path } } : result;
}
