import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../src/errors.js';
import type { Problem } from '../../src/errors.js';
import { preflight } from '../../src/preflight/preflight.js';
import { unrenderableText } from '../../src/preflight/unrenderable-text.js';
import type { GlyphCheck } from '../../src/preflight/unrenderable-text.js';

/** Fonts that draw everything but U+1C65 (Ol Chiki), which they have no glyph for. */
const fonts: GlyphCheck = {
  undrawable: (text) => (text.includes('ᱥ') ? [{ kind: 'missing', text: 'ᱥ', codePoints: [0x1c65] }] : []),
};
const earlier: Problem[] = [
  {
    file: 'data/p.yaml',
    line: 4,
    column: 3,
    path: 'person.name',
    message: 'looks like another name',
    severity: 'warning',
  },
  { message: 'a chart label is cut', severity: 'warning' },
];
const texts = [{ file: 'data/p.yaml', value: { person: { nativeName: 'ᱥ曾妍' } } }];

describe('the preflight: one stage, every warning, and --strict', () => {
  it('returns the earlier warnings, then what it found, each located only where it can be', () => {
    const found = preflight({ unrenderable: unrenderableText(texts, fonts), html: '<p>x</p>', earlier, strict: false });
    expect(found.slice(0, 2)).toEqual(earlier);
    expect(found.slice(2)).toEqual([
      {
        file: 'data/p.yaml',
        path: 'person.nativeName',
        message: `the character "ᱥ" (U+1C65) has no glyph in the report's fonts and would print as a box`,
        severity: 'warning',
      },
    ]);
  });

  it('says nothing when there is nothing to say', () => {
    expect(
      preflight({
        unrenderable: unrenderableText([{ file: 'a.yaml', value: 'fine' }], fonts),
        html: '',
        earlier: [],
        strict: true,
      }),
    ).toEqual([]);
  });

  it('with strict, refuses the build with every warning, earlier ones included, as errors', () => {
    let error: unknown;
    try {
      preflight({ unrenderable: unrenderableText(texts, fonts), html: '', earlier, strict: true });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const problems = (error as ValidationError).problems;
    expect(problems.map((p) => [p.severity, p.message.endsWith(' (--strict)')])).toEqual([
      ['error', true],
      ['error', true],
      ['error', true],
    ]);
    expect((error as ValidationError).files).toEqual(['data/p.yaml']);
  });
});
