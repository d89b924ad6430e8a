import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { unrenderableText } from '../../src/preflight/unrenderable-text.js';
import { FontLibrary } from '../../src/render/font-library.js';

describe('the preflight names text no font can draw', () => {
  it('at the line and column where the text was written', async () => {
    const text = 'person:\n  name: Sagen\n  nativeName: ᱥᱟᱜᱮᱱ\n';
    const parsed = parseYaml('a.yaml', text);
    const problems = unrenderableText(
      [{ file: 'a.yaml', value: parsed.value, locate: (at) => parsed.positions.locate(at) }],
      await FontLibrary.load(),
    );
    expect(problems.map((p) => [p.file, p.line, p.column, p.path])).toEqual([['a.yaml', 3, 15, 'person.nativeName']]);
  });

  it('names the file, the field and the characters', async () => {
    const problems = unrenderableText(
      [
        {
          file: 'a.yaml',
          value: {
            person: { name: 'Sagen', nativeName: 'ᱥᱟᱜᱮᱱ' },
            papers: [{ title: 'ok', summary: 'private \uE000 use' }],
          },
        },
      ],
      await FontLibrary.load(),
    );
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'a.yaml',
        path: 'person.nativeName',
        severity: 'warning',
        message: expect.stringMatching(
          /^the characters "ᱥ" \(U\+1C65\), "ᱟ" \(U\+1C5F\), "ᱜ" \(U\+1C5C\), "ᱮ" \(U\+1C6E\), "ᱱ" \(U\+1C71\) have no glyph/,
        ),
      }),
      expect.objectContaining({
        path: 'papers[0].summary',
        message: expect.stringMatching(/^the character "\uE000" \(U\+E000\) has no glyph/),
      }),
    ]);
  });

  it('is silent for every script the report ships fonts for, emoji sequences included', async () => {
    const text =
      'Łukasz Nguyễn Ελένη Анна نور الهدى נועה प्रिया সূর্য தமிழ் สมชาย 김민지 山田花子 やまだ 王小明 陳美玲 🚀👩🏽‍🔬 🇳🇬🇲🇽🇯🇵🇹🇼 👨‍👩‍👧‍👦 1️⃣ #️⃣ 👍🏽 🏳️‍🌈';
    expect(unrenderableText([{ file: 'a.yaml', value: { text } }], await FontLibrary.load())).toEqual([]);
  });

  it('names an emoji sequence the fonts draw only as its parts, with its code points', () => {
    const fonts = {
      undrawable: (text: string) =>
        text.includes('👨')
          ? [{ text: '👨‍🦰', codePoints: [0x1f468, 0x200d, 0x1f9b0], kind: 'split' as const, parts: 2 }]
          : [],
    };
    expect(unrenderableText([{ file: 'b.yaml', value: { person: { name: 'Red 👨‍🦰' } } }], fonts)).toEqual([
      expect.objectContaining({
        file: 'b.yaml',
        path: 'person.name',
        severity: 'warning',
        message:
          'the emoji "👨‍🦰" (U+1F468 U+200D U+1F9B0) is not one symbol in the report\'s fonts and would print as 2 separate symbols',
      }),
    ]);
  });
});
