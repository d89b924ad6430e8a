import { describe, expect, it } from 'vitest';
import { decodeText, firstInvalidUtf8Offset } from '../../src/load/decode-text.js';

describe('decodeText', () => {
  it('drops a BOM and keeps CRLF for the parser', () => {
    const result = decodeText('f', new Uint8Array([0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a]));
    expect(result).toEqual({ ok: true, text: 'a\r\n' });
  });

  it('decodes CJK text', () => {
    expect(decodeText('f', new TextEncoder().encode('曾妍 罗福莉'))).toEqual({ ok: true, text: '曾妍 罗福莉' });
  });

  it.each([
    ['a stray continuation byte', [0x61, 0x80], 1],
    ['a truncated sequence at the end', [0x61, 0xe6, 0x9b], 1],
    ['an overlong encoding', [0xc0, 0xaf], 0],
    ['a UTF-16 surrogate', [0x61, 0x61, 0xed, 0xa0, 0x80], 2],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
  ])('finds %s', (_, bytes, offset) => {
    expect(firstInvalidUtf8Offset(new Uint8Array(bytes))).toBe(offset);
    const result = decodeText('f', new Uint8Array(bytes));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toContain(`at byte offset ${offset}`);
  });

  it('names the limit for an oversized file', () => {
    const result = decodeText('f', new Uint8Array(11), 10);
    expect(result.ok ? '' : result.problem.message).toBe('the file is 11 bytes; the limit is 10 bytes');
  });
});
