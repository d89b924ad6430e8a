/**
 * The languages a report can be written in. Each has a catalogue in `templates/messages/`;
 * adding one means adding its catalogue and its name here.
 */
export const shippedLanguages = ['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'de', 'fr', 'es', 'ar'] as const;
export type Language = (typeof shippedLanguages)[number];

/** The report's writing direction: Arabic reads right to left. */
export type TextDirection = 'ltr' | 'rtl';

const rightToLeft: ReadonlySet<Language> = new Set<Language>(['ar']);

export function textDirection(language: Language): TextDirection {
  return rightToLeft.has(language) ? 'rtl' : 'ltr';
}

/** A shipped language for a tag, ignoring case (`zh-cn` is zh-CN); undefined if none. */
export function matchLanguage(tag: string): Language | undefined {
  const lower = tag.toLowerCase();
  return shippedLanguages.find((l) => l.toLowerCase() === lower);
}

export function isLanguage(tag: string): tag is Language {
  return (shippedLanguages as readonly string[]).includes(tag);
}

/** "en, zh-CN, zh-TW, …", for error messages that list what is shipped. */
export function shippedLanguageList(): string {
  return shippedLanguages.join(', ');
}
