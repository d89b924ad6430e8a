import { firstLine } from '../errors.js';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { findColourEmoji } from './colour-emoji.js';
import { fontCatalogue } from './font-catalogue.js';

/** The shape `doctor` prints: a name, whether it passed, what was found, and the fix. */
export interface FontCheck {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly fix?: string;
}

/**
 * Every font file the report may embed (WOFF2, for the page) or register with Cairo (WOFF, for
 * charts) is present and is the format its name says. A missing or truncated file would print
 * boxes without any error, so `doctor` names it.
 */
export async function checkFonts(): Promise<FontCheck> {
  let faces;
  try {
    faces = fontCatalogue();
  } catch (error) {
    return {
      name: 'fonts',
      ok: false,
      detail: `a font package is missing: ${firstLine(error)}`,
      fix: 'npm ci',
    };
  }
  const files = faces.flatMap((f) => [f.file, f.file.replace(/\.woff2$/, '.woff')]);
  const bad: string[] = [];
  for (const file of files) {
    const magic = file.endsWith('.woff2') ? 'wOF2' : 'wOFF';
    if ((await readMagic(file)) !== magic) bad.push(path.basename(file));
  }
  const families = [...new Set(faces.map((f) => f.family))];
  const colour = findColourEmoji();
  // No colour emoji font is no failure: emoji then print in black and white (Noto Emoji).
  const emoji = colour
    ? `; colour emoji from ${colour}`
    : '; emoji in black and white (for colour: apt-get install fonts-noto-color-emoji)';
  if (bad.length === 0)
    return {
      name: 'fonts',
      ok: true,
      detail: `${files.length} font files of ${families.length} families load (${families.join(', ')})${emoji}`,
    };
  return {
    name: 'fonts',
    ok: false,
    detail: `${bad.length} of ${files.length} font files are missing or damaged: ${bad.slice(0, 3).join(', ')}${bad.length > 3 ? ' and others' : ''}`,
    fix: 'rm -rf node_modules/@fontsource && npm ci',
  };
}

async function readMagic(file: string): Promise<string | undefined> {
  try {
    const handle = await open(file, 'r');
    try {
      const buffer = Buffer.alloc(4);
      const { bytesRead } = await handle.read(buffer, 0, 4, 0);
      return bytesRead === 4 ? buffer.toString('latin1') : undefined;
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}
