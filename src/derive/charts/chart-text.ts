import type { TextDirection } from '../../i18n/languages.js';

/**
 * Text as charts draw it: any length cut to fit (a 300-letter word must not push the plot off
 * the canvas), right-to-left names isolated so they cannot reorder the text around them, and
 * widths estimated generously, so that labels the derive stage places never collide when drawn.
 */
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const rightToLeft = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const wide =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Extended_Pictographic}\u3000-\u303f\uff00-\uffef]/u;

export function graphemes(text: string): string[] {
  return [...segmenter.segment(text)].map((s) => s.segment);
}

const isolates = /[\u2066-\u2069]/;

/**
 * At most `max` letters (graphemes, so no accent or emoji is split), with an ellipsis when cut.
 * Directional isolates take no room and are not counted; one cut open is closed again.
 */
export function fit(text: string, max: number): string {
  const parts = graphemes(text);
  if (parts.filter((p) => !isolates.test(p)).length <= max) return text;
  let kept = '';
  let letters = 0;
  let open = 0;
  for (const part of parts) {
    if (letters === max - 1) break;
    if (/[\u2066-\u2068]/.test(part)) open += 1;
    else if (part === '\u2069') open = Math.max(0, open - 1);
    else letters += 1;
    kept += part;
  }
  return `${kept.trimEnd()}…${'\u2069'.repeat(open)}`;
}

/**
 * Text holding right-to-left letters, wrapped in first-strong isolates (U+2068 … U+2069), so an
 * Arabic or Hebrew name keeps its own order and leaves the numbers and words around it in theirs.
 */
export function isolate(text: string): string {
  return rightToLeft.test(text) ? `\u2068${text}\u2069` : text;
}

/**
 * Our own words as the canvas draws them. The canvas lays out each string on its own, left to
 * right unless told otherwise, so in a right-to-left report "المسيرة (2)" or a period with
 * numbers would read in the wrong order; a right-to-left isolate gives it the order the page
 * gives it. User text inside it must already be isolated (chartText, Locale.user).
 */
export function canvasText(text: string, dir: TextDirection): string {
  return dir === 'rtl' && text ? `\u2067${text}\u2069` : text;
}

/** User text for a chart: cut to `max` letters, then isolated. */
export function chartText(text: string, max: number): string {
  return isolate(fit(text, max));
}

/**
 * A generous width in pixels of `text` at `size` px, semibold: CJK and emoji take a full em,
 * anything else 0.6 em (Source Sans 3 averages about 0.5). Overestimating costs a label; under-
 * estimating would let two labels overlap.
 */
export function textWidth(text: string, size = 12): number {
  let width = 0;
  for (const g of graphemes(text.replace(/[\u2066-\u2069]/g, ''))) width += wide.test(g) ? size : size * 0.6;
  return Math.ceil(width);
}
