import { RenderError } from '../errors.js';
import { PdfDict, PdfName, PdfRef, PdfStream, PdfString } from './pdf-values.js';
import type { IndirectObject, PdfValue } from './pdf-values.js';

/** PDF's white-space bytes (ISO 32000-1, 7.2.2). */
export const isWhite = (c: number | undefined): boolean =>
  c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isNumberByte = (c: number | undefined): boolean =>
  c !== undefined && ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e);
/** PDF's delimiter bytes (ISO 32000-1, 7.2.2). */
export const isDelimiter = (c: number | undefined): boolean =>
  c === 0x28 ||
  c === 0x29 ||
  c === 0x3c ||
  c === 0x3e ||
  c === 0x5b ||
  c === 0x5d ||
  c === 0x7b ||
  c === 0x7d ||
  c === 0x2f ||
  c === 0x25;
/** Deeper than any PDF a printer writes; a bound so hostile nesting cannot exhaust the stack. */
const maxDepth = 64;

/** A reader of PDF syntax over the whole file, from a position. */
export class PdfLexer {
  pos: number;
  constructor(
    readonly data: Buffer,
    pos = 0,
  ) {
    this.pos = pos;
  }

  fail(what: string): never {
    throw new RenderError(`the PDF cannot be read: ${what} at byte ${this.pos}`);
  }

  skipSpace(): void {
    const d = this.data;
    for (;;) {
      while (isWhite(d[this.pos])) this.pos++;
      if (d[this.pos] !== 0x25) return;
      while (this.pos < d.length && d[this.pos] !== 0x0a && d[this.pos] !== 0x0d) this.pos++;
    }
  }

  /** A bare word (a keyword or a number) at the position, without moving. */
  peekWord(): string {
    this.skipSpace();
    let end = this.pos;
    while (end < this.data.length && !isWhite(this.data[end]) && !isDelimiter(this.data[end])) end++;
    return this.data.toString('latin1', this.pos, end);
  }

  word(): string {
    const word = this.peekWord();
    this.pos += word.length;
    return word;
  }

  /** An integer (an object number, an offset): fails on anything else. */
  integer(): number {
    const word = this.word();
    if (!/^\d{1,12}$/.test(word)) this.fail(`"${word.slice(0, 20)}" where a number belongs`);
    return Number(word);
  }

  value(depth = 0): PdfValue {
    if (depth > maxDepth) this.fail('objects nested too deeply');
    this.skipSpace();
    const d = this.data;
    const c = d[this.pos];
    if (c === undefined) this.fail('the file ends inside an object');
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literalString();
    if (c === 0x3c && d[this.pos + 1] === 0x3c) return this.dict(depth);
    if (c === 0x3c) return this.hexString();
    if (c === 0x5b) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (d[this.pos] === 0x5d) {
          this.pos++;
          return items;
        }
        items.push(this.value(depth + 1));
      }
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) return this.numberOrRef();
    const word = this.word();
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return this.fail(`"${word.slice(0, 20) || d.toString('latin1', this.pos, this.pos + 1)}" where a value belongs`);
  }

  /** A number, or a reference `12 0 R` (two integers and R), read from the bytes without making strings. */
  private numberOrRef(): PdfValue {
    const d = this.data;
    const start = this.pos;
    const first = this.unsigned();
    if (first >= 0 && !isNumberByte(d[this.pos])) {
      const afterFirst = this.pos;
      this.skipSpace();
      const gen = this.unsigned();
      if (gen >= 0 && !isNumberByte(d[this.pos])) {
        this.skipSpace();
        if (
          d[this.pos] === 0x52 &&
          (this.pos + 1 >= d.length || isWhite(d[this.pos + 1]) || isDelimiter(d[this.pos + 1]))
        ) {
          this.pos++;
          return new PdfRef(first, gen);
        }
      }
      this.pos = afterFirst;
      return first;
    }
    this.pos = start;
    let end = start;
    while (end < d.length && isNumberByte(d[end])) end++;
    const word = d.toString('latin1', start, end);
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) this.fail(`"${word.slice(0, 20)}" where a number belongs`);
    this.pos = end;
    return Number(word);
  }

  /** Digits at the position as an integer (moving past them), or -1 when there are none. */
  private unsigned(): number {
    const d = this.data;
    let value = -1;
    while (this.pos < d.length && d[this.pos]! >= 0x30 && d[this.pos]! <= 0x39 && value < 1e12) {
      value = (value < 0 ? 0 : value * 10) + d[this.pos]! - 0x30;
      this.pos++;
    }
    return value;
  }

  private name(): PdfName {
    const start = ++this.pos;
    while (this.pos < this.data.length && !isWhite(this.data[this.pos]) && !isDelimiter(this.data[this.pos]))
      this.pos++;
    const raw = this.data.toString('latin1', start, this.pos);
    // Names escape bytes as #xx; their bytes are UTF-8 by convention.
    return new PdfName(
      Buffer.from(
        raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        'latin1',
      ).toString('utf8'),
    );
  }

  private dict(depth: number): PdfDict {
    const start = this.pos;
    this.pos += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.data[this.pos] === 0x3e && this.data[this.pos + 1] === 0x3e) {
        this.pos += 2;
        return new PdfDict(entries, start, this.pos);
      }
      if (this.data[this.pos] !== 0x2f) this.fail('a dictionary key that is not a name');
      const key = this.name().name;
      entries.set(key, this.value(depth + 1));
    }
  }

  private hexString(): PdfString {
    const start = this.pos;
    const end = this.data.indexOf(0x3e, start);
    if (end < 0) this.fail('an unterminated hex string');
    const hex = this.data.toString('latin1', start + 1, end).replace(/\s+/g, '');
    if (!/^[0-9A-Fa-f]*$/.test(hex)) this.fail('a hex string with other characters');
    this.pos = end + 1;
    return new PdfString(Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex'), start, this.pos);
  }

  private literalString(): PdfString {
    const start = this.pos;
    const { bytes, end } = literalStringAt(this.data, start);
    if (end < 0) this.fail('an unterminated string');
    this.pos = end;
    return new PdfString(bytes, start, end);
  }

  /** The indirect object at the position: `num gen obj value [stream] endobj`. */
  indirectObject(): IndirectObject {
    const num = this.integer();
    const gen = this.integer();
    if (this.word() !== 'obj') this.fail(`object ${num} without "obj"`);
    const value = this.value();
    this.skipSpace();
    if (value instanceof PdfDict && this.data.toString('latin1', this.pos, this.pos + 6) === 'stream') {
      let at = this.pos + 6;
      // The keyword is followed by CRLF or LF, then the data.
      if (this.data[at] === 0x0d) at++;
      if (this.data[at] !== 0x0a) this.fail(`object ${num}'s stream keyword not followed by an end of line`);
      return { num, gen, value: new PdfStream(value, at + 1) };
    }
    return { num, gen, value };
  }
}

/** A literal string's bytes (escapes, nesting and line continuations decoded) and where it ends; -1 if it never does. */
export function literalStringAt(data: Uint8Array, start: number): { bytes: Buffer; end: number } {
  const out: number[] = [];
  let depth = 0;
  const escapes: Record<number, number> = { 0x6e: 0x0a, 0x72: 0x0d, 0x74: 0x09, 0x62: 0x08, 0x66: 0x0c };
  for (let i = start; i < data.length; i++) {
    const c = data[i]!;
    if (c === 0x5c) {
      const e = data[++i];
      if (e === undefined) break;
      if (e >= 0x30 && e <= 0x37) {
        let code = 0;
        let n = 0;
        for (; n < 3 && data[i]! >= 0x30 && data[i]! <= 0x37; n++, i++) code = code * 8 + data[i]! - 0x30;
        i--;
        out.push(code & 0xff);
      } else if (e === 0x0d) {
        if (data[i + 1] === 0x0a) i++;
      } else if (e !== 0x0a) {
        out.push(escapes[e] ?? e);
      }
      continue;
    }
    if (c === 0x28 && depth++ === 0) continue;
    if (c === 0x29 && --depth === 0) return { bytes: Buffer.from(out), end: i + 1 };
    out.push(c);
  }
  return { bytes: Buffer.from(out), end: -1 };
}
