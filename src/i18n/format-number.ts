/**
 * Numbers formatted without `Intl`: the separators come from the catalogue and the digits from
 * the ECMAScript number-to-string algorithm, which every Node version implements identically.
 * So a report's numbers are the same bytes on Node 20, 22 or 24, whatever ICU data each ships.
 */

export interface NumberSymbols {
  readonly decimal: string;
  readonly group: string;
  /** 2: a four-digit number stays ungrouped (Spanish writes 1234 but 12.345). */
  readonly minimumGrouping: number;
  /**
   * What stands before a negative number: the minus sign U+2212 (never the hyphen, which is
   * shorter and sits lower), with a left-to-right mark before it where the text runs right to
   * left, so that the sign stays at the number's left as on a chart's axis ("−12.5%", never
   * "12.5%−"), as CLDR writes it for Arabic. @default "\u2212"
   */
  readonly minus?: string;
}

/**
 * Everything needed to write a number as a locale does, as plain JSON, so that a chart spec can
 * carry it to the renderer, which writes the axis ticks with it.
 */
export interface NumberStyle extends NumberSymbols {
  /** The locale's "{mantissa} × 10{exponent}" with the two filled by `mantissaSlot` and `exponentSlot`. */
  readonly scientific: string;
}

/** U+2212 MINUS SIGN, the width of a plus and on the same axis. */
const minusSign = '\u2212';

export const mantissaSlot = '\u0000mantissa\u0000';
export const exponentSlot = '\u0000exponent\u0000';

/** 1234.5 → "1,234.5" (en), "1.234,5" (de); 1e15 → "1 × 10¹⁵": the one way numbers are written. */
export function formatNumber(value: number, style: NumberStyle): string {
  const parts = formatNumberParts(value, style);
  return parts.kind === 'plain'
    ? parts.text
    : style.scientific.replace(mantissaSlot, parts.mantissa).replace(exponentSlot, parts.exponent);
}

/** A number as the reader writes it: plain digits, or a mantissa and a power of ten. */
export type FormattedNumber =
  | { readonly kind: 'plain'; readonly text: string }
  | { readonly kind: 'scientific'; readonly mantissa: string; readonly exponent: string };

/** From here up, and below `smallest`, numbers are written as a power of ten. */
const largest = 1e9;
const smallest = 1e-3;

/**
 * Up to two decimals for numbers from 1, three significant digits below 1, and a mantissa of
 * three significant digits times a power of ten for the very large and very small (1e-6 is
 * 1 × 10⁻⁶, 1e300 is 1 × 10³⁰⁰): every magnitude keeps its digits and stays short.
 */
export function formatNumberParts(value: number, symbols: NumberSymbols): FormattedNumber {
  if (!Number.isFinite(value)) return { kind: 'plain', text: String(value) };
  const sign = value < 0 ? (symbols.minus ?? minusSign) : '';
  const abs = Math.abs(value);
  if (abs === 0) return { kind: 'plain', text: '0' };
  if (abs >= largest || abs < smallest) {
    const [mantissa = '0', exponent = '0'] = abs.toExponential(2).split('e');
    return {
      kind: 'scientific',
      mantissa: sign + decimalText(trimZeros(mantissa), symbols),
      exponent: superscript(String(Number(exponent))),
    };
  }
  const leadingZeros = abs < 1 ? Math.floor(-Math.log10(abs)) : 0;
  const rounded = roundDecimal(String(abs), abs < 1 ? leadingZeros + 3 : 2);
  return { kind: 'plain', text: sign + decimalText(rounded, symbols) };
}

/** "1234.5" → "1,234.5" with the locale's symbols. */
function decimalText(plain: string, symbols: NumberSymbols): string {
  const [int = '0', frac] = plain.split('.');
  const grouped = int.length >= 3 + symbols.minimumGrouping ? int.replace(/\B(?=(\d{3})+$)/g, symbols.group) : int;
  return frac ? `${grouped}${symbols.decimal}${frac}` : grouped;
}

/**
 * Rounds a plain decimal string half away from zero to at most `digits` decimals, on the
 * shortest decimal that names the number (as people and ICU do: 1.005 rounds to 1.01).
 */
export function roundDecimal(plain: string, digits: number): string {
  const [int = '0', frac = ''] = plain.split('.');
  if (frac.length <= digits) return trimZeros(frac ? `${int}.${frac}` : int);
  const kept = `${int}${frac.slice(0, digits)}`;
  const up = Number(frac[digits]) >= 5;
  let result = up ? increment(kept) : kept;
  const intLength = result.length - digits;
  result = digits > 0 ? `${result.slice(0, intLength) || '0'}.${result.slice(intLength)}` : result;
  return trimZeros(result);
}

function increment(digits: string): string {
  const chars = digits.split('');
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] === '9') {
      chars[i] = '0';
    } else {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
  }
  return `1${chars.join('')}`;
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

const superscripts: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

function superscript(text: string): string {
  return [...text].map((c) => superscripts[c] ?? c).join('');
}
