import { describe, expect, it } from 'vitest';
import { applyDelta, pageDelta } from '../../src/serve/page-delta.js';

/** What the page receives: the text between goes over the wire as UTF-8. */
const overTheWire = (from: string, to: string): string => {
  const delta = pageDelta(from, to);
  const text = Buffer.from(Buffer.from(delta.text, 'utf8')).toString('utf8');
  const rebuilt = applyDelta(from, { ...delta, text });
  expect(rebuilt.length).toBe(delta.length);
  return rebuilt;
};

describe('pageDelta', () => {
  it('rebuilds the new page exactly, sending only what changed', () => {
    const from = `<head>${'F'.repeat(5000)}</head><body><p>Head of pre-training</p>${'C'.repeat(5000)}</body>`;
    const to = from.replace('Head of pre-training', 'Head of video pre-training');
    expect(overTheWire(from, to)).toBe(to);
    expect(pageDelta(from, to).text.length).toBeLessThan(20);
  });

  it('handles no change, a change at either end, and texts of any length', () => {
    for (const [from, to] of [
      ['same', 'same'],
      ['', 'new'],
      ['old', ''],
      ['abc', 'xbc'],
      ['abc', 'abx'],
      ['aaaa', 'aa'],
      ['aa', 'aaaa'],
      ['ab', 'ba'],
    ] as const) {
      expect(overTheWire(from, to)).toBe(to);
    }
  });

  it('never cuts a character outside the basic plane in two', () => {
    // 😀 and 😁 share their first UTF-16 unit; 曾 and 妍 do not need two.
    for (const [from, to] of [
      ['x😀y', 'x😁y'],
      ['😀', '😁'],
      ['a😀', 'a😁'],
      ['😀b', '😁b'],
      ['𠀀z', '𠀁z'],
    ] as const) {
      expect(overTheWire(from, to)).toBe(to);
      expect(pageDelta(from, to).text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
  });
});
