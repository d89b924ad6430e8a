/**
 * The file name `init NAME` gives a profile: the name in lower case with words joined by
 * dashes, in whatever script it is written (`曾妍.yaml`, `zoe-celik.yaml`, `иван-петров.yaml`),
 * so that two people never share a file name merely because their names are not in Latin
 * script. Accents are dropped from Latin letters only; the marks of other scripts (Devanagari
 * vowel signs, Hangul) are part of the letters.
 */
export function profileFileName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const short = [...base].slice(0, 60).join('').replace(/-+$/, '');
  return `${short || 'person'}.yaml`;
}
