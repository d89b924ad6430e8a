import { describe, expect, it } from 'vitest';
import { authorsHtml, ownNameSpans } from '../../src/derive/own-name.js';

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
