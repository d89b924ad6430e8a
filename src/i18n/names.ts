import type { Language } from './languages.js';

const han = /\p{Script=Han}/u;
const kana = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const hangul = /\p{Script=Hangul}/u;
const arabic = /\p{Script=Arabic}/u;

/**
 * Whether a reader of `language` reads a person's native-script name as their name: a Chinese
 * or Japanese reader reads 曾妍, a Korean reader 한강, an Arabic reader نور; anyone else reads
 * the Latin name first.
 */
export function nativeNameLeads(language: Language, nativeName: string | undefined): boolean {
  if (!nativeName) return false;
  switch (language) {
    case 'zh-CN':
    case 'zh-TW':
      return han.test(nativeName) && !kana.test(nativeName) && !hangul.test(nativeName);
    case 'ja':
      return han.test(nativeName) || kana.test(nativeName);
    case 'ko':
      return hangul.test(nativeName);
    case 'ar':
      return arabic.test(nativeName);
    default:
      return false;
  }
}

/**
 * The language tag for a native-script name, so Han characters get the glyph forms of the
 * person's language (a Japanese name in Japanese forms) or, for Chinese, of the reader's region
 * (a Chinese reader in Taiwan reads 曾妍 in Traditional forms).
 */
export function nameLanguage(name: string, reportLanguage: Language, profileLanguage?: string): string | undefined {
  if (kana.test(name)) return 'ja';
  if (hangul.test(name)) return 'ko';
  if (han.test(name)) {
    // The profile's own language says best whose name it is; else a space between family and
    // given name is the Japanese way of writing one (田辺 愛子), never the Chinese.
    if (profileLanguage && /^(zh|ja|ko)\b/.test(profileLanguage)) return profileLanguage;
    if (/\p{Script=Han}\s+\p{Script=Han}/u.test(name)) return 'ja';
    return reportLanguage === 'zh-TW' || reportLanguage === 'ja' ? reportLanguage : 'zh-CN';
  }
  if (arabic.test(name)) return 'ar';
  return undefined;
}
