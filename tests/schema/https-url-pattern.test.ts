import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiHttpsUrlPattern, httpsUrlPattern } from '../../src/schema/json-patterns.js';
import { isHttpsUrl } from '../../src/schema/primitives.js';

const full = new RegExp(httpsUrlPattern, 'u');
const ascii = new RegExp(asciiHttpsUrlPattern, 'u');

// Pieces of addresses, well and badly formed, so that random joins often come close to valid.
const piece = fc.constantFrom(
  'https://',
  'http://',
  'HTTPS://',
  'a',
  'Z',
  '0',
  '9',
  '-',
  '.',
  ':',
  '443',
  '65535',
  '65536',
  '000',
  '/',
  '?',
  '#',
  '@',
  '_',
  ' ',
  '\t',
  '\u0000',
  '\u007f',
  'x'.repeat(62),
  'x'.repeat(63),
);
const asciiText = fc.oneof(
  fc.array(piece, { maxLength: 12 }).map((parts) => parts.join('')),
  fc.array(piece, { maxLength: 10 }).map((parts) => `https://${parts.join('')}`),
  fc.string({ unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)), maxLength: 40 }),
);

describe('the ASCII twin of the https address pattern', () => {
  it('accepts and refuses every ASCII text exactly as the full pattern does', () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(ascii.test(text), JSON.stringify(text)).toBe(full.test(text));
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['https://arxiv.org/abs/2111.08276', true],
    ['https://example.com:8443/a?b=c#d', true],
    ['https://a-b.c0/', true],
    [`https://${'x'.repeat(63)}.com`, true],
    [`https://${'x'.repeat(64)}.com`, false],
    ['https://-a.com', false],
    ['https://a-.com', false],
    ['https://example.com:65536/', false],
    ['https://exa mple.com', false],
    ['https://example.com/a\u0001b', false],
  ])('%s: %s', (text, valid) => {
    expect(ascii.test(text)).toBe(valid);
    expect(full.test(text)).toBe(valid);
  });

  it('leaves addresses with other letters to the full pattern', () => {
    expect(isHttpsUrl('https://bücher.de/x')).toBe(true);
    expect(isHttpsUrl('https://例子.中国/')).toBe(true);
    expect(isHttpsUrl('https://example.com/\u200Bx')).toBe(false);
    expect(isHttpsUrl('https://\u0430pple.com/x')).toBe(true);
    expect(ascii.test('https://bücher.de/x')).toBe(false);
  });
});
