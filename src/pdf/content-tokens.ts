import { isDelimiter, isWhite, literalStringAt } from './pdf-syntax.js';

/**
 * The tokens of a PDF content stream (PDF 32000-1, 7.2 and 7.8.2), read for page-ink.ts: the
 * operators as integer codes and their numeric operands, with no token objects.
 */

/**
 * The operands before an operator: numbers as such, anything else (names, strings, arrays) as
 * NaN. Strings (inside arrays too, as TJ's) are kept as where they stand in the data, and the
 * last name by its bytes, so the operators that need them (Tj, TJ, Tf, Do) can read them.
 */
export class Operands {
  // Operators take at most a few operands; a malformed stream's extra ones are dropped.
  private readonly values = new Float64Array(16);
  private count = 0;
  /** Start and end of each string token since the last operator, `(` or `<` included: `strings` pairs. */
  stringBounds = new Int32Array(32);
  strings = 0;
  nameStart = -1;
  nameEnd = -1;
  addString(start: number, end: number): void {
    if (2 * this.strings + 2 > this.stringBounds.length) {
      const grown = new Int32Array(this.stringBounds.length * 2);
      grown.set(this.stringBounds);
      this.stringBounds = grown;
    }
    this.stringBounds[2 * this.strings] = start;
    this.stringBounds[2 * this.strings + 1] = end;
    this.strings++;
  }
  push(value: number): void {
    if (this.count === this.values.length) this.values.copyWithin(0, 1);
    else this.count++;
    this.values[this.count - 1] = value;
  }
  /** The i-th operand from the end (1 is the last), 0 when missing or not a number. */
  last(i: number): number {
    const v = i <= this.count ? this.values[this.count - i]! : 0;
    return Number.isNaN(v) ? 0 : v;
  }
  clear(): void {
    this.count = 0;
    this.strings = 0;
    this.nameStart = -1;
  }
}

/** The last name operand's text (`/F4` → `F4`), or undefined. */
export function operandName(data: Uint8Array, operands: Operands): string | undefined {
  if (operands.nameStart < 0) return undefined;
  return Buffer.from(
    data.buffer,
    data.byteOffset + operands.nameStart + 1,
    operands.nameEnd - operands.nameStart - 1,
  ).toString('latin1');
}

/** Where the string operands stand in the data (start and end pairs), for reading them later with `readStrings`. */
export function operandStringBounds(operands: Operands): Int32Array {
  return operands.stringBounds.slice(0, 2 * operands.strings);
}

/** The bytes of each string (start and end pairs into `data`), escapes and hex decoded. */
export function readStrings(data: Uint8Array, bounds: Int32Array): Buffer[] {
  const strings: Buffer[] = [];
  for (let i = 0; i < bounds.length; i += 2) {
    const start = bounds[i]!;
    const end = bounds[i + 1]!;
    strings.push(data[start] === 0x3c ? hexBytes(data, start + 1, end - 1) : literalStringAt(data, start).bytes);
  }
  return strings;
}

/** Hex digits to bytes, white space skipped, an odd last digit read as followed by 0. */
function hexBytes(data: Uint8Array, start: number, end: number): Buffer {
  const out = Buffer.allocUnsafe((end - start + 1) >> 1);
  let n = 0;
  let high = -1;
  for (let i = start; i < end; i++) {
    const c = data[i]!;
    const v =
      c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 0x37 : c >= 0x61 && c <= 0x66 ? c - 0x57 : -1;
    if (v < 0) continue;
    if (high < 0) high = v;
    else {
      out[n++] = high * 16 + v;
      high = -1;
    }
  }
  if (high >= 0) out[n++] = high * 16;
  return out.subarray(0, n);
}

/**
 * An operator as a number made of its bytes (operators are at most three letters), so the
 * interpreter switches on integers: comparing strings for each of a page's thousands of
 * operators took most of the time.
 */
function operatorCode(data: Uint8Array, start: number, end: number): number {
  // No operator has more than three letters; true, false and null are longer.
  if (end - start > 3) return -1;
  let code = end - start;
  for (let i = start; i < end; i++) code = code * 256 + data[i]!;
  return code;
}

/** The operators the interpreter follows, in order: each one's id is its index plus one. */
const operatorNames =
  'q Q cm rg RG g G k K sc scn cs SC SCN CS BT ET Tf TL Tm Td TD T* Tj TJ \' " m l c v y re f F f* S s B B* b b* n Do'.split(
    ' ',
  );

/** The id of each operator the interpreter follows, by name (`op.Tj`): small integers, so a table dispatches them. */
export const op: Readonly<Record<string, number>> = Object.fromEntries(operatorNames.map((name, i) => [name, i + 1]));

/** Operator ids by the code operatorCode gives their bytes. */
const idOfCode = new Map(
  operatorNames.map((name, i) => [operatorCode(Buffer.from(name, 'latin1'), 0, name.length), i + 1]),
);
const inlineImage = operatorCode(Buffer.from('BI', 'latin1'), 0, 2);

/** A PDF number (`12`, `-.5`, `3.125`) read from its bytes; NaN if it is not one. */
function readNumber(data: Uint8Array, start: number, end: number): number {
  let i = start;
  let sign = 1;
  if (data[i] === 0x2d) {
    sign = -1;
    i++;
  } else if (data[i] === 0x2b) i++;
  let value = 0;
  let scale = 0;
  let digits = 0;
  for (; i < end; i++) {
    const c = data[i]!;
    if (c >= 0x30 && c <= 0x39) {
      value = value * 10 + (c - 0x30);
      if (scale > 0) scale *= 10;
      digits++;
    } else if (c === 0x2e && scale === 0) scale = 1;
    else return NaN;
  }
  if (digits === 0) return NaN;
  return (sign * value) / (scale || 1);
}

/**
 * Reads a content stream's tokens (PDF 32000-1, 7.2 and 7.8.2) and calls `operator` with the
 * id (see `op`) of each operator it follows, its operands in `operands`, until it returns true.
 * Strings, names, arrays and inline dictionaries are skipped as whole tokens (a `]` or `)`
 * inside a string does not end anything). It reads the bytes as they are, with no token objects
 * and no substrings: a page of a long report holds tens of thousands of tokens, and this runs on
 * every build.
 */
export function readContent(data: Uint8Array, operands: Operands, operator: (code: number) => boolean | void): void {
  const n = data.length;
  let arrayDepth = 0;
  let i = 0;
  while (i < n) {
    const c = data[i]!;
    if (isWhite(c)) {
      i++;
    } else if (c === 0x25 /* % */) {
      while (i < n && data[i] !== 0x0a && data[i] !== 0x0d) i++;
    } else if (c === 0x28 /* ( */) {
      const start = i;
      let depth = 0;
      for (; i < n; i++) {
        const d = data[i];
        if (d === 0x5c) i++;
        else if (d === 0x28) depth++;
        else if (d === 0x29 && --depth === 0) break;
      }
      i++;
      operands.addString(start, Math.min(i, n));
      if (arrayDepth === 0) operands.push(NaN);
    } else if (c === 0x3c /* < */ && data[i + 1] !== 0x3c) {
      const end = data.indexOf(0x3e, i);
      operands.addString(i, end < 0 ? n : end + 1);
      i = end < 0 ? n : end + 1;
      if (arrayDepth === 0) operands.push(NaN);
    } else if (c === 0x5b /* [ */) {
      arrayDepth++;
      i++;
    } else if (c === 0x5d /* ] */) {
      arrayDepth = Math.max(0, arrayDepth - 1);
      i++;
      if (arrayDepth === 0) operands.push(NaN);
    } else {
      const start = i;
      i++;
      while (i < n && !isWhite(data[i]!) && !isDelimiter(data[i]!)) i++;
      // `<<` and `>>` (inline dictionaries, as in BDC's properties) are operands.
      if ((c === 0x3c || c === 0x3e) && data[i] === c) i++;
      if (arrayDepth > 0) continue;
      const numeric = (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e;
      if (c === 0x2f) {
        operands.nameStart = start;
        operands.nameEnd = i;
      }
      if (numeric || c === 0x2f || c === 0x3c || c === 0x3e) {
        operands.push(numeric ? readNumber(data, start, i) : NaN);
        continue;
      }
      const code = operatorCode(data, start, i);
      if (code === inlineImage) {
        // An inline image: its data is binary up to `EI`; Chromium does not write them.
        const end = Buffer.from(data.buffer, data.byteOffset, data.byteLength).indexOf('EI', i);
        i = end < 0 ? n : end + 2;
      } else if (code >= 0) {
        // Operators the interpreter does not follow (marked content, text spacing...) only end their operands.
        const id = idOfCode.get(code);
        if (id !== undefined && operator(id) === true) return;
      } else {
        // Longer words are the keywords true, false and null: operands.
        operands.push(NaN);
        continue;
      }
      operands.clear();
    }
  }
}
