/**
 * Characters that change how text looks without being seen. In a report they can make text lie:
 * U+202E RIGHT-TO-LEFT OVERRIDE turns "30% slower" into what reads as something else, and a
 * zero-width space makes two identical-looking names different (or two different ones alike).
 */

/** Embedding, override and isolate controls: they reorder text around them. Never needed in a profile: the report isolates each piece of text itself. */
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/u;

/** Directional marks: harmless in prose, but in a name or a unit they silently reorder it. */
const directionalMarks = /[\u200E\u200F\u061C]/u;

/**
 * Invisible format characters and fillers. ZWJ and ZWNJ are left out: Persian, Indic scripts
 * and emoji sequences need them; they are judged by where they stand (see invisibleCharacter).
 */
const invisible =
  /[\u00AD\u034F\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B\u2060-\u2064\u206A-\u206F\u3164\uFEFF\uFFA0\u{E0000}-\u{E007F}]/u;

const joiners = /[\u200C\u200D]/u;
/** What may stand on either side of a joiner: letters, marks and pictographs outside ASCII. */
const joinable = /^[^\p{ASCII}\s]$/u;

export interface SpoofCharacter {
  readonly char: string;
  readonly index: number;
  readonly why: string;
}

function describe(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first bidirectional embedding, override or isolate control in `text`. */
export function bidiControl(text: string): SpoofCharacter | undefined {
  const match = bidiControls.exec(text);
  return match
    ? {
        char: match[0],
        index: match.index,
        why: `an invisible bidirectional control (${describe(match[0])}) at character ${match.index + 1}, which can make text display in another order than it is written`,
      }
    : undefined;
}

/**
 * The first character in a name, unit, label or link that is invisible or reorders text. A
 * joiner (ZWJ, ZWNJ) is allowed between two non-ASCII letters or pictographs, where scripts
 * and emoji use it, and refused elsewhere, where it can only hide a difference.
 */
export function invisibleCharacter(text: string): SpoofCharacter | undefined {
  const chars = [...text];
  let index = 0;
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i]!;
    const found =
      invisible.test(char) || directionalMarks.test(char) || bidiControls.test(char)
        ? true
        : joiners.test(char) && !(joinable.test(chars[i - 1] ?? '') && joinable.test(chars[i + 1] ?? ''));
    if (found)
      return {
        char,
        index,
        why: `an invisible character (${describe(char)}) at character ${index + 1}, which makes text that looks the same be different`,
      };
    index += char.length;
  }
  return undefined;
}
