/**
 * Text compared for identity (a title, an institution, a co-author's name): compatibility forms
 * folded, marks and case dropped, punctuation and spacing as one space. "Zürich" and "ZURICH."
 * are the same place; two different titles never fold to the same text unless they differ only
 * in those ways.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
