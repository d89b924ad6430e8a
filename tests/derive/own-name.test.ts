import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { authorsHtml, ownNameSpans, tokensOf } from '../../src/derive/own-name.js';

const bold = (person: { name: string; nativeName?: string }, authors: string): string =>
  authorsHtml(authors, ownNameSpans(person, authors));
const zengYan = { name: 'Zeng Yan', nativeName: '曾妍' };

describe("the person's own name in bold in an author list", () => {
  it.each([
    ['the name as written', 'Zeng Yan, Li Hang', '<strong class="own-name">Zeng Yan</strong>, Li Hang'],
    [
      'given name first (Western order)',
      'Yan Zeng, Xinsong Zhang, Hang Li',
      '<strong class="own-name">Yan Zeng</strong>, Xinsong Zhang, Hang Li',
    ],
    ['the native name', '张三、曾妍、李四', '张三、<strong class="own-name">曾妍</strong>、李四'],
    [
      '"Surname, Given" in a BibTeX-style list',
      'Zhang, Xinsong and Zeng, Yan',
      'Zhang, Xinsong and <strong class="own-name">Zeng, Yan</strong>',
    ],
    [
      '"Surname, Given" with semicolons',
      'Li, Hang; Zeng, Yan',
      'Li, Hang; <strong class="own-name">Zeng, Yan</strong>',
    ],
    ['initials before the surname', 'Y. Zeng, X. Zhang', '<strong class="own-name">Y. Zeng</strong>, X. Zhang'],
    ['initials after the surname', 'Zeng Y, Zhang X', '<strong class="own-name">Zeng Y</strong>, Zhang X'],
    ['"Surname, Initial."', 'Zeng, Y., Zhang, X.', '<strong class="own-name">Zeng, Y.</strong>, Zhang, X.'],
    ['capitals and accents', 'ZÉNG Yán et al.', '<strong class="own-name">ZÉNG Yán</strong> et al.'],
    [
      'a co-first mark stays beside the name',
      'Yan Zeng*, Hang Li*',
      '<strong class="own-name">Yan Zeng</strong>*, Hang Li*',
    ],
    [
      'inside words about the list',
      'ByteDance Seed (Yan Zeng among the authors)',
      'ByteDance Seed (<strong class="own-name">Yan Zeng</strong> among the authors)',
    ],
    [
      'text that would break the HTML',
      '<b>Yan Zeng</b> & "Li"',
      '&lt;b&gt;<strong class="own-name">Yan Zeng</strong>&lt;/b&gt; &amp; &quot;Li&quot;',
    ],
  ])('%s', (_, authors, html) => {
    expect(bold(zengYan, authors)).toBe(html);
  });

  it("an imported record's form: the names as matchAuthor reads them, middle initials dropped or kept", () => {
    const person = { name: 'Heather A. Piwowar' };
    expect(bold(person, 'Heather Piwowar, Jason Priem')).toBe(
      '<strong class="own-name">Heather Piwowar</strong>, Jason Priem',
    );
    expect(bold(person, 'H. Piwowar and J. Priem')).toBe('<strong class="own-name">H. Piwowar</strong> and J. Priem');
    expect(bold(person, 'Piwowar, H. A., Priem, J.')).toBe(
      '<strong class="own-name">Piwowar, H. A.</strong>, Priem, J.',
    );
  });

  it.each([
    ['another person with the same surname', 'Xinsong Zeng, Hang Li'],
    ['two authors whose names meet across a comma', 'Xinsong Zhang Zeng, Yan Li'],
    ['a list without the person', 'DeepSeek-AI'],
    ['a name inside a longer word', 'Yanzengxi Wu'],
  ])('no bold for %s', (_, authors) => {
    expect(ownNameSpans(zengYan, authors)).toEqual([]);
  });
});

describe('cutting an author list into words', () => {
  /** What the cutting must do, as the pattern it was first written with. */
  const byPattern = (text: string): { token: string; index: number }[] =>
    [...text.matchAll(/[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.-]*|[^\s\p{L}\p{M}\p{N}]/gu)].map((m) => ({
      token: m[0],
      index: m.index,
    }));
  // Letters, marks and digits of several scripts, every kind of space, the punctuation of names
  // and lists, an emoji, a letter outside the BMP and lone surrogates.
  const character = fc.constantFrom(
    ...['a', 'Z', '0', '9', 'é', 'ß', 'Ж', 'ع', '曾', '妍', 'ア', '한', '٣', '²', 'Ⅻ', '\u0301', '\u093F', '𝐀', '😀'],
    ...[' ', '\t', '\n', '\u00A0', '\u2003', '\u3000', '\uFEFF', '\u200B', '\u200D'],
    ...["'", '’', '.', '-', ',', ';', '、', '，', '&', '(', ')', '*', '†', '_', '\uD800', '\uDC00'],
  );

  it('cuts any text exactly as the pattern does', () => {
    fc.assert(
      fc.property(fc.array(character, { maxLength: 30 }), (chars) => {
        const text = chars.join('');
        expect(tokensOf(text), JSON.stringify(text)).toEqual(byPattern(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('cuts a list with initials, accents and a native name', () => {
    expect(tokensOf("Y. Zeng, O'Neil-Smith; 曾妍 (ÉTS)").map((t) => t.token)).toEqual([
      'Y.',
      'Zeng',
      ',',
      "O'Neil-Smith",
      ';',
      '曾妍',
      '(',
      'ÉTS',
      ')',
    ]);
  });
});
