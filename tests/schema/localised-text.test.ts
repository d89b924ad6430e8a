import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { localiseProfile } from '../../src/schema/localise-profile.js';
import { isLanguageTag, pickText, reportLanguages } from '../../src/schema/localised-text.js';
import { validateProfile } from '../../src/validate/validate-document.js';
import { repoRoot } from '../helpers/paths.js';

const buildDate = '2026-11-23';
// The sample carries zh-CN beside its English text; these tests start from the English alone.
const sample = (await readFile(path.join(repoRoot, 'data', 'profiles', 'zeng-yan.yaml'), 'utf8')).replace(
  /\{ en: ("(?:[^"\\]|\\.)*"|[^,]+), zh-CN: (?:"(?:[^"\\]|\\.)*"|[^}]+) \}/g,
  '$1',
);

function check(text: string) {
  return validateProfile('p.yaml', new TextEncoder().encode(text), buildDate);
}
const lines = (text: string): string[] =>
  check(text)
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);

describe('pickText', () => {
  const map = { en: 'Head of pre-training', 'zh-CN': '预训练负责人', zh: '预训练负责人 (zh)' };

  it('returns a plain string as it is, in any language', () => {
    expect(pickText('Head', 'ar', 'en')).toEqual({ text: 'Head', fellBack: false });
  });

  it('takes the exact language, then the language without its region', () => {
    expect(pickText(map, 'zh-CN', 'en')).toEqual({ text: '预训练负责人', fellBack: false });
    expect(pickText(map, 'zh-TW', 'en')).toEqual({ text: '预训练负责人 (zh)', fellBack: false });
  });

  it('falls back to the profile language, and says it did', () => {
    expect(pickText({ en: 'Head', 'zh-CN': '负责人' }, 'zh-TW', 'en')).toEqual({ text: 'Head', fellBack: true });
    expect(pickText({ en: 'Head', 'zh-CN': '负责人' }, 'de', 'zh-CN')).toEqual({ text: '负责人', fellBack: true });
  });

  it('never looks at another region of the same language', () => {
    expect(pickText({ en: 'Head', 'zh-CN': '负责人' }, 'zh-TW', 'en').text).toBe('Head');
  });
});

describe('language tags', () => {
  it('accepts every report language and other well-formed tags in canonical case', () => {
    for (const tag of [...reportLanguages, 'pt-BR', 'zh-Hant-TW', 'es-419', 'vi', 'sr-Latn'])
      expect(isLanguageTag(tag), tag).toBe(true);
  });
  it('refuses ill-formed tags and other cases', () => {
    for (const tag of ['english', 'zh-cn', 'ZH', 'en_GB', '', 'e', 'en-', 'zh-CN-'])
      expect(isLanguageTag(tag), tag).toBe(false);
  });
});

describe('profiles with text in several languages', () => {
  const multilingual = sample
    .replace(
      /^  headline: .*$/m,
      '  headline:\n    en: Head of pre-training, Seedance 2.0\n    zh-CN: Seedance 2.0 预训练负责人',
    )
    .replace(/^  - tradeoff: .*$/m, '  - tradeoff: { en: Dynamism vs stability, zh-CN: 动态与稳定 }');

  it('validates, and reads in the profile language by default', () => {
    const result = check(multilingual);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.value?.person.headline).toBe('Head of pre-training, Seedance 2.0');
    expect(result.localised?.person.headline).toEqual({
      en: 'Head of pre-training, Seedance 2.0',
      'zh-CN': 'Seedance 2.0 预训练负责人',
    });
  });

  it('is read in a report language, naming every field that fell back', () => {
    const localised = check(multilingual).localised!;
    const zh = localiseProfile(localised, 'zh-CN');
    expect(zh.profile.person.headline).toBe('Seedance 2.0 预训练负责人');
    expect(zh.profile.balance[0]?.tradeoff).toBe('动态与稳定');
    expect(zh.fellBack).toEqual([]);
    const de = localiseProfile(localised, 'de');
    expect(de.profile.person.headline).toBe('Head of pre-training, Seedance 2.0');
    expect(de.fellBack).toEqual([
      ['person', 'headline'],
      ['balance', 0, 'tradeoff'],
    ]);
    // Pure: the profile as written is untouched.
    expect(localised.person.headline).toEqual({
      en: 'Head of pre-training, Seedance 2.0',
      'zh-CN': 'Seedance 2.0 预训练负责人',
    });
  });

  it('never takes a source, which also maps keys to text, for translations', () => {
    const localised = check(multilingual).localised!;
    expect(localiseProfile(localised, 'zh-CN').profile.sources).toEqual(localised.sources);
  });

  it('reports an ill-formed or wrongly cased tag at the tag, with the canonical spelling', () => {
    const text = sample.replace(/^  headline: .*$/m, '  headline: { en: Head, zh-cn: 负责人, Chinese: 负责人 }');
    expect(lines(text)).toEqual([
      'p.yaml:9:25  person.headline.zh-cn  expected a language tag such as en, zh-CN, zh-TW or pt-BR (BCP 47, in this case), found `zh-cn`; did you mean zh-CN?',
      'p.yaml:9:37  person.headline.Chinese  expected a language tag such as en, zh-CN, zh-TW or pt-BR (BCP 47, in this case), found `Chinese`',
    ]);
  });

  it('reports a map without the profile language at the map', () => {
    const text = sample.replace(/^  headline: .*$/m, '  headline: { zh-CN: 负责人 }');
    expect(lines(text)).toEqual([
      "p.yaml:9:13  person.headline  this text gives translations but none in the profile's language (en); add `en: ...`, the text a report shows when its own language is missing (or set `language:` at the top of the profile)",
    ]);
  });

  it('takes the profile language from `language:`', () => {
    const text = `language: zh-CN\n${sample.replace(/^  headline: .*$/m, '  headline: { zh-CN: 负责人 }').replace(/^  currentRole: .*$/m, '  currentRole: { en: Head }')}`;
    expect(lines(text)).toEqual([
      "p.yaml:11:16  person.currentRole  this text gives translations but none in the profile's language (zh-CN); add `zh-CN: ...`, the text a report shows when its own language is missing",
    ]);
    expect(lines(text.replace('language: zh-CN', 'language: chinese'))[0]).toMatch(
      /^p\.yaml:1:11 {2}language {2}expected a language tag/,
    );
  });

  it('checks each translation as the plain text would be checked', () => {
    const text = sample
      .replace(/^  headline: .*$/m, '  headline: { en: "  ", zh-CN: "一行\\n两行" }')
      .replace(/^  currentRole: .*$/m, '  currentRole: {}');
    expect(lines(text)).toEqual([
      'p.yaml:9:19  person.headline.en  expected some text, found an empty value',
      'p.yaml:9:32  person.headline.zh-CN  expected text on one line, found the text "一行 两行"',
      'p.yaml:10:16  person.currentRole  expected at least one language, such as en: the text, found a mapping',
    ]);
  });

  it('keeps names plain', () => {
    const text = sample.replace(/^  name: .*$/m, '  name: { en: Zeng Yan }');
    expect(lines(text)[0]).toMatch(/person\.name {2}expected text, found a mapping/);
  });
});
