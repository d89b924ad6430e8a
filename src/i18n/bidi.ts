/**
 * Unicode directional isolates around user text that is put inside a sentence of ours: an
 * Arabic name in an English sentence, or an English title in an Arabic one, keeps its own order
 * and cannot pull the numbers and punctuation around it into its direction. (Text that stands
 * alone in an element is isolated in the HTML instead, with `<bdi>` or `dir="auto"`.)
 */
const firstStrongIsolate = '\u2068';
const popIsolate = '\u2069';

/** Text that reads the same in either direction needs no isolate, which keeps the text lean. */
const directional = /[\p{L}\p{N}]/u;
const rightToLeft =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Adlam}]/u;

/**
 * `text` isolated when the report direction differs from the text's, or when the text mixes in
 * right-to-left letters; plain LTR text in an LTR report is left as it is.
 */
export function isolate(text: string, dir: 'ltr' | 'rtl'): string {
  if (!directional.test(text)) return text;
  if (dir === 'ltr' && !rightToLeft.test(text)) return text;
  return `${firstStrongIsolate}${text}${popIsolate}`;
}
