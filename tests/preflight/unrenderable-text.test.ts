import { describe, expect, it } from 'vitest';
import { unrenderableText } from '../../src/preflight/unrenderable-text.js';
import { missingCharacters } from '../../src/render/font-library.js';

describe('the preflight names text no font can draw', () => {
  it('names the file, the field and the characters', () => {
    const problems = unrenderableText([{ file: 'a.yaml', value: { person: { name: 'Sagen', nativeName: 'ᱥᱟᱜᱮᱱ' }, papers: [{ title: 'ok', summary: 'private \uE000 use' }] } }], missingCharacters);
    expect(problems).toEqual([
      expect.objectContaining({ file: 'a.yaml', path: 'person.nativeName', severity: 'warning', message: expect.stringMatching(/^the characters "ᱥ" \(U\+1C65\), "ᱟ" \(U\+1C5F\), "ᱜ" \(U\+1C5C\), "ᱮ" \(U\+1C6E\), "ᱱ" \(U\+1C71\) have no glyph/) }),
      expect.objectContaining({ path: 'papers[0].summary', message: expect.stringMatching(/^the character "\uE000" \(U\+E000\) has no glyph/) }),
    ]);
  });

  it('is silent for every script the report ships fonts for', () => {
    const text = 'Łukasz Nguyễn Ελένη Анна نور الهدى נועה प्रिया সূর্য தமிழ் สมชาย 김민지 山田花子 やまだ 王小明 陳美玲 🚀👩🏽‍🔬';
    expect(unrenderableText([{ file: 'a.yaml', value: { text } }], missingCharacters)).toEqual([]);
  });
});
