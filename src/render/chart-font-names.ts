import path from 'node:path';
import { regionFamily } from './font-catalogue.js';
import type { CjkRegion, Face } from './font-catalogue.js';

const regions: readonly CjkRegion[] = ['sc', 'tc', 'jp', 'kr'];

/** The family a chart knows the colour emoji font by. */
export const chartEmojiFamily = 'PR Colour Emoji';

/** The font stack of a chart whose CJK text is of `region`; the colour emoji last, after every text face. */
export function chartFontFamily(region: CjkRegion, emoji = false): string {
  const order = [region, ...regions.filter((r) => r !== region)];
  return [
    "'Source Sans 3'",
    ...order.map((r) => `'${regionFamily[r]}'`),
    ...(emoji ? [`'${chartEmojiFamily}'`] : []),
    'sans-serif',
  ].join(', ');
}

/** The WOFF twin of a face's WOFF2 file. */
export function woffFile(face: Face): string {
  return face.file.replace(/\.woff2$/, '.woff');
}

/**
 * A family name of its own for one slice, so Cairo keeps every slice (see woff-to-ttf.ts). The
 * slice's weights share it, so that Pango picks the weight nearest a label's within the family
 * instead of taking whichever weight's family it was handed first.
 */
export function sliceFamily(face: Face): string {
  return `PR ${path.basename(face.file, '.woff2').replace(/-\d+-(?:normal|italic)$/, '')}`;
}
