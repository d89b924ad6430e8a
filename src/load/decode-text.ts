import type { Problem } from '../errors.js';
import { formatBytes, limits } from '../limits.js';

export type Decoded = { ok: true; text: string } | { ok: false; problem: Problem };

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Bytes to text with a strict UTF-8 decoder. A leading BOM is dropped (editors on Windows add
 * one) and CRLF line ends are left to the YAML parser, which accepts them. Invalid bytes are an
 * error that gives their byte offset, because a silently replaced character in a name is worse.
 */
export function decodeText(file: string, bytes: Uint8Array, maxBytes: number = limits.fileBytes): Decoded {
  if (bytes.length > maxBytes) {
    return fail(file, 0, 0, `the file is ${formatBytes(bytes.length)}; the limit is ${formatBytes(maxBytes)}`);
  }
  try {
    return { ok: true, text: strictUtf8.decode(bytes) };
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const { line, column } = bytePosition(bytes, offset);
    return fail(
      file,
      line,
      column,
      `the file is not valid UTF-8: byte 0x${(bytes[offset] ?? 0).toString(16).padStart(2, '0')} at byte offset ${offset} cannot start or continue a character; save the file as UTF-8`,
    );
  }
}

function fail(file: string, line: number, column: number, message: string): Decoded {
  return { ok: false, problem: { file, line, column, path: '', message, severity: 'error' } };
}

/** Offset of the first byte that breaks UTF-8 (overlong forms and surrogates included). */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i += 1;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min, cp] = [1, 0x80, b & 0x1f];
    else if (b >= 0xe0 && b <= 0xef) [need, min, cp] = [2, 0x800, b & 0x0f];
    else if (b >= 0xf0 && b <= 0xf4) [need, min, cp] = [3, 0x10000, b & 0x07];
    else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      // The sequence that starts at i is broken: that lead byte is what the user must fix.
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

function bytePosition(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line += 1;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
