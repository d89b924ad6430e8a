import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { checkFonts, FontLibrary } from '../../src/render/font-library.js';
import { textContexts } from '../../src/render/text-contexts.js';
import { woffToRenamedSfnt } from '../../src/render/woff-to-ttf.js';

const page = (body: string, lang = 'en'): string =>
  `<html lang="${lang}"><head><style>/*f*/ h2 { font-weight: 600 } .native { font-weight: 400 } td::before { font-weight: 600 }</style></head><body>${body}</body></html>`;

interface Rule {
  family: string;
  weight: string;
  file: string;
}

/** The @font-face rules as family, weight and the start of the data (to tell files apart). */
function rules(css: string): Rule[] {
  return [
    ...css.matchAll(
      /@font-face\{font-family:'([^']+)';font-style:\w+;font-weight:([\d ]+);[^}]*base64,([A-Za-z0-9+/]{0,40})/g,
    ),
  ].map((m) => ({ family: m[1]!, weight: m[2]!, file: m[3]! }));
}

describe('FontLibrary.undrawable', () => {
  it('finds nothing missing in the scripts the report ships fonts for', async () => {
    const text =
      'Łukasz Nguyễn Ωmega Анна प्रिया শর্মা தமிழ் สมชาย ليلى נועה 김지우 山田花子 ひらがな 陳瑋婷 曾妍 🚀🤖 0.0001 ½ “quoted” — €';
    expect((await FontLibrary.load()).undrawable(text)).toEqual([]);
  });

  it('names a script with no font (Ol Chiki) and a private-use character, once each', async () => {
    expect((await FontLibrary.load()).undrawable('ᱚᱛ ᱚ \uE000 ok').map((u) => [u.text, u.kind])).toEqual([
      ['ᱚ', 'missing'],
      ['ᱛ', 'missing'],
      ['\uE000', 'missing'],
    ]);
  });

  it('does not ask glyphs of joiners, marks of direction and variation selectors', async () => {
    expect((await FontLibrary.load()).undrawable('a\u200d\u200e\u2067b\u2069\ufe0f\n\t')).toEqual([]);
  });
});

describe('FontLibrary.fontFaceCss', () => {
  it('embeds one regular set of Noto Sans SC slices for Chinese in regular text, claiming every weight', async () => {
    const fonts = await FontLibrary.load();
    const found = rules(await fonts.fontFaceCss(page('<p>Zeng Yan <span class="native">曾妍</span></p>')));
    const cjk = found.filter((r) => r.family === 'Noto Sans SC');
    expect(cjk.length).toBeGreaterThan(0);
    expect(new Set(cjk.map((r) => r.weight))).toEqual(new Set(['100 900']));
    expect(found.some((r) => r.family === 'Noto Sans JP')).toBe(false);
  });

  it('gives Han in bold text a real bold face, and keeps regular and bold sets complete', async () => {
    const fonts = await FontLibrary.load();
    const css = await fonts.fontFaceCss(page('<h2>罗福莉 🚀</h2><p>曾妍</p>'));
    const cjk = rules(css).filter((r) => r.family === 'Noto Sans SC' && r.weight !== '100 900');
    expect(new Set(cjk.map((r) => r.weight))).toEqual(new Set(['100 550', '551 900']));
    expect(cjk.filter((r) => r.weight === '551 900').length).toBeGreaterThanOrEqual(1);
    // The emoji face claims every weight (no bold emoji exists), so bold text never falls through.
    expect(css).toMatch(
      fonts.emoji
        ? /font-family:'Noto Sans SC';[^}]*font-weight:100 900;[^}]*data:font\/ttf;[^}]*unicode-range:U\+1f680\}/
        : /font-weight:551 900;[^}]*unicode-range:[^}]*U\+1F/,
    );
  });

  it('draws the superscripts of an exponent from Source Sans 3, in every weight the page sets it in', async () => {
    const fonts = await FontLibrary.load();
    expect(fonts.undrawable('1 × 10⁻⁶ and 2 × 10³⁰⁰')).toEqual([]);
    const css = await fonts.fontFaceCss(page('<p>1 × 10⁻⁶</p><h2>2 × 10³⁰⁰</h2>'));
    const sources = rules(css).filter((r) => r.family === 'Source Sans 3');
    const supers = [
      ...css.matchAll(
        /@font-face\{font-family:'Source Sans 3';font-style:(\w+);font-weight:(\d+);font-display:block;src:url\(data:font\/ttf;base64,[^)]+\) format\('truetype'\);unicode-range:([^}]+)\}/g,
      ),
    ];
    expect(supers.map((m) => m[3])).toEqual(supers.map(() => 'U+2070,U+2076,U+207b'));
    // One for each weight the latin faces are declared in: Chromium asks only one weight's faces.
    expect(new Set(supers.map((m) => m[2]))).toEqual(
      new Set(sources.filter((r) => !r.file.startsWith('AAEAAAAR')).map((r) => r.weight)),
    );
  });

  it('carries exactly the colour emoji a page shows, for each family its text falls back to', async () => {
    const fonts = await FontLibrary.load();
    if (!fonts.emoji) return;
    const css = await fonts.fontFaceCss(page('<h1>🇯🇵 Japan</h1><p lang="ja">山田 1️⃣</p><p>no emoji: © 1 #</p>'));
    const emoji = [
      ...css.matchAll(
        /@font-face\{font-family:'([^']+)';[^}]*data:font\/ttf;base64,([^)]+)\)[^}]*unicode-range:([^}]+)\}/g,
      ),
    ];
    expect(emoji.map((m) => m[1]).sort()).toEqual(['Noto Sans JP', 'Noto Sans SC']);
    expect(emoji[0]![3]).toBe('U+31,U+20e3,U+fe0f,U+1f1ef,U+1f1f5');
    // The faces come before the text faces, which win a character both serve (a keycap's digit).
    expect(css.indexOf('data:font/ttf')).toBeLessThan(css.indexOf('data:font/woff2'));
  });

  it('draws Japanese text with Noto Sans JP and adds the lang stack for it', async () => {
    const fonts = await FontLibrary.load();
    const css = await fonts.fontFaceCss(page('<p>Yamada <span lang="ja">山田花子</span></p>'));
    expect(rules(css).some((r) => r.family === 'Noto Sans JP')).toBe(true);
    expect(css).toContain(":root :lang(ja){font-family:'Source Sans 3','Noto Sans JP',sans-serif}");
  });

  it('puts every other script under the fallback family, and nothing for Latin text alone', async () => {
    const fonts = await FontLibrary.load();
    const latin = rules(await fonts.fontFaceCss(page('<p>Łukasz Nguyễn, Анна</p>')));
    expect(latin.every((r) => r.family === 'Source Sans 3' || r.family === 'Source Serif 4')).toBe(true);
    const world = rules(await fonts.fontFaceCss(page('<p>प्रिया ليلى נועה สมชาย 김지우</p>')));
    expect(world.filter((r) => r.family === 'Noto Sans SC').length).toBeGreaterThanOrEqual(5);
  });
});

describe('FontLibrary.faceFor', () => {
  it('remembers each choice by character, region and weight: a cached answer is the fresh one', async () => {
    const warm = await FontLibrary.load();
    const chars = ['山', '曾', '김', 'ก', 'ل', '🚀', 'A', '\u1C5A'].map((c) => c.codePointAt(0)!);
    const asks = chars.flatMap((cp) =>
      (['sc', 'tc', 'jp', 'kr'] as const).flatMap((region) => [false, true].map((bold) => ({ cp, region, bold }))),
    );
    // Asked in one order, then in reverse: a key missing region or weight would answer wrong.
    const first = asks.map((a) => warm.faceFor(a.cp, a.region, a.bold)?.file);
    const again = [...asks]
      .reverse()
      .map((a) => warm.faceFor(a.cp, a.region, a.bold)?.file)
      .reverse();
    const fresh = await Promise.all(
      asks.map(async (a) => (await FontLibrary.load()).faceFor(a.cp, a.region, a.bold)?.file),
    );
    expect(first).toEqual(fresh);
    expect(again).toEqual(fresh);
    const han = (region: 'sc' | 'jp', bold: boolean): string | undefined =>
      warm.faceFor('山'.codePointAt(0)!, region, bold)?.file;
    expect(han('jp', false)).not.toBe(han('sc', false));
    expect(han('sc', true)).not.toBe(han('sc', false));
    expect(warm.faceFor(0x1c5a, 'sc', false)).toBeUndefined();
  });
});

describe('textContexts', () => {
  it('reads language and boldness from the markup and its stylesheet, not from generated content', () => {
    const contexts = textContexts(
      page(
        '<h2>粗 <span class="native">细</span></h2><table><tr><td>表</td></tr></table><p lang="zh-TW">臺</p><p lang="ko">한</p>',
      ),
    );
    const chars = (key: string): string =>
      [...(contexts.get(key) ?? [])]
        .filter((cp) => cp > 0x1000)
        .map((cp) => String.fromCodePoint(cp))
        .join('');
    expect(chars('sc bold')).toBe('粗');
    expect(chars('sc')).toBe('细表');
    expect(chars('tc')).toBe('臺');
    expect(chars('kr')).toBe('한');
  });
});

describe('woffToRenamedSfnt', () => {
  it('writes a TrueType file that names the new family', async () => {
    const woff = await readFile(
      new URL(
        '../../node_modules/@fontsource/noto-sans-thai/files/noto-sans-thai-thai-400-normal.woff',
        import.meta.url,
      ),
    );
    const sfnt = woffToRenamedSfnt(woff, 'PR test', 'Regular');
    expect(sfnt.readUInt32BE(0)).toBe(0x00010000);
    expect(sfnt.includes(Buffer.from('PR test', 'utf16le').swap16())).toBe(true);
  });
});

describe('checkFonts', () => {
  it('finds every shipped font file in place', async () => {
    const result = await checkFonts();
    expect(result.ok).toBe(true);
    expect(result.detail).toMatch(/font files of \d+ families load/);
  });
});
