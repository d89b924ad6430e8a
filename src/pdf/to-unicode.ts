import { PdfString } from './pdf-values.js';
import { PdfLexer } from './pdf-syntax.js';
import type { PdfValue } from './pdf-values.js';

/**
 * A ToUnicode CMap (PDF 32000-1, 9.10.3): the text each character code of a font stands for,
 * from its bfchar and bfrange sections. The CMap is read as the tokens it is made of (it uses
 * PDF's syntax); the PostScript around the sections is skipped. A code with no entry has no text.
 */
export function readToUnicode(cmap: Buffer): Map<number, string> {
  const lex = new PdfLexer(cmap);
  const map = new Map<number, string>();
  const tokens = (end: string): (PdfValue | string)[] => {
    const out: (PdfValue | string)[] = [];
    for (let t = token(lex); t !== undefined && t !== end; t = token(lex)) out.push(t);
    return out;
  };
  for (let t = token(lex); t !== undefined; t = token(lex)) {
    if (t === 'beginbfchar') {
      const list = tokens('endbfchar');
      for (let i = 0; i + 1 < list.length; i += 2) {
        const [code, text] = [list[i], list[i + 1]];
        if (code instanceof PdfString && text instanceof PdfString) map.set(codeOf(code), utf16(text));
      }
    } else if (t === 'beginbfrange') {
      const list = tokens('endbfrange');
      for (let i = 0; i + 2 < list.length; i += 3) {
        const [low, high, target] = [list[i], list[i + 1], list[i + 2]];
        if (!(low instanceof PdfString && high instanceof PdfString)) continue;
        const [from, to] = [codeOf(low), codeOf(high)];
        if (to < from || to - from > 0xffff) continue;
        if (Array.isArray(target)) {
          target.forEach((t, k) => {
            if (t instanceof PdfString && from + k <= to) map.set(from + k, utf16(t));
          });
        } else if (target instanceof PdfString) {
          // A range maps to consecutive texts: the last UTF-16 unit counts up.
          const base = utf16(target);
          const last = base.charCodeAt(base.length - 1);
          for (let code = from; code <= to; code++)
            map.set(code, base.slice(0, -1) + String.fromCharCode(last + code - from));
        }
      }
    }
  }
  return map;
}

/** The next token: a value (strings, arrays, names, numbers), or a keyword as a string; undefined at the end. */
function token(lex: PdfLexer): PdfValue | string | undefined {
  lex.skipSpace();
  const c = lex.data[lex.pos];
  if (c === undefined) return undefined;
  const word = lex.peekWord();
  if (word !== '' && !/^[+-]?[\d.]/.test(word)) return lex.word();
  if (word === '' && c !== 0x3c && c !== 0x28 && c !== 0x5b && c !== 0x2f) {
    // A delimiter that opens no value (a stray `>`, `]`, `{` or `}` of PostScript): skip it.
    lex.pos++;
    return '';
  }
  return lex.value();
}

const codeOf = (s: PdfString): number => s.bytes.reduce((code, byte) => code * 256 + byte, 0);

function utf16(s: PdfString): string {
  const bytes = Buffer.from(s.bytes.length % 2 ? Buffer.concat([Buffer.alloc(1), s.bytes]) : s.bytes);
  return bytes.swap16().toString('utf16le');
}
