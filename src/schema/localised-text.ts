import * as z from 'zod';

/**
 * Text a profile may give in several languages: one string, or a map from a BCP-47 language tag
 * to a string, such as `headline: { en: Head of pre-training, zh-CN: 预训练负责人 }`. Names, ids,
 * dates, URLs, units and paper titles stay plain strings.
 */

/** The languages a report can be printed in. */
export const reportLanguages = ['en', 'zh-CN', 'zh-TW', 'ja', 'ko', 'de', 'fr', 'es', 'ar'] as const;
export type ReportLanguage = (typeof reportLanguages)[number];

/**
 * A well-formed tag in its canonical case: language (2-3 lower-case letters), then optionally a
 * script (`Hant`), a region (`CN`, `419`) and variants. A map may hold any such tag, not only the
 * report languages: a profile is written once and outlives today's list, and text in `vi` or
 * `pt-BR` is worth keeping for the day a report speaks it. Canonical case only, so that a report
 * finds `zh-CN` by plain comparison and an editor's schema can say the same thing.
 */
const languageTagPattern = /^[a-z]{2,3}(-[A-Z][a-z]{3})?(-(?:[A-Z]{2}|\d{3}))?(-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*$/;

export function isLanguageTag(tag: string): boolean {
  return languageTagPattern.test(tag);
}

/** `zh-cn` -> `zh-CN`: the canonical spelling of a tag written in another case, if it is one. */
export function canonicalTag(tag: string): string | undefined {
  try {
    const [canonical] = Intl.getCanonicalLocales(tag);
    return canonical !== undefined && isLanguageTag(canonical) ? canonical : undefined;
  } catch {
    return undefined;
  }
}

const languageTagMessage = 'expected a language tag such as en, zh-CN, zh-TW or pt-BR (BCP 47, in this case)';

const languageTag = z
  .string()
  .regex(languageTagPattern, { error: languageTagMessage })
  .meta({ errorMessage: 'Expected a language tag such as en, zh-CN, zh-TW or pt-BR (BCP 47, in this case).' });

/** The profile's own language, used when a report's language is missing from a map. */
export const profileLanguage = languageTag.meta({
  description:
    'The language this profile is written in (a BCP 47 tag such as en or zh-CN). Every text given as a map of translations must include it; a report in another language falls back to it.',
});

type LocalisedMap = { readonly [tag: string]: string };
export type LocalisedText = string | LocalisedMap;

/** `base` (a text schema), or a map from language tag to such a text. */
export function localised<T extends z.ZodType<string>>(base: T) {
  const translations = z
    .record(languageTag, base)
    .refine((map) => Object.keys(map).length > 0, { error: 'expected at least one language, such as en: the text' })
    .meta({
      description:
        'The same text in several languages, by language tag: `{ en: ..., zh-CN: ... }`. It must include the profile’s `language`.',
      minProperties: 1,
    });
  return z.union([base, translations]);
}

/**
 * Whether `schema` is one made by `localised` (or a described copy of one), so that a walk over a
 * profile knows which values to pick from: no other field is a union of text and a record.
 */
export function isLocalisedSchema(schema: z.ZodType): boolean {
  return schema instanceof z.ZodUnion && schema.options.length === 2 && schema.options[1] instanceof z.ZodRecord;
}

export interface PickedText {
  readonly text: string;
  /** True when `language` was missing and the fallback (or the first given language) was used. */
  readonly fellBack: boolean;
}

/**
 * The text to show in a report in `language`: the text itself when it is a plain string, else
 * the map's entry for `language`, else for the language without its region (`zh` for `zh-CN`,
 * never another region's), else `fallbackLanguage`'s (the profile's language). Pure.
 */
export function pickText(text: LocalisedText, language: string, fallbackLanguage: string): PickedText {
  if (typeof text === 'string') return { text, fellBack: false };
  const exact = text[language];
  if (exact !== undefined) return { text: exact, fellBack: false };
  const base = language.split('-')[0]!;
  if (base !== language && text[base] !== undefined) return { text: text[base], fellBack: false };
  const fallback = text[fallbackLanguage] ?? Object.values(text)[0] ?? '';
  return { text: fallback, fellBack: true };
}

/** The profile with every localised text replaced by plain text, as derive reads it. */
export type Resolved<T> = T extends string | number | boolean | null | undefined
  ? T
  : T extends readonly unknown[]
    ? { -readonly [K in keyof T]: Resolved<T[K]> }
    : string extends keyof T
      ? string
      : { [K in keyof T]: Resolved<T[K]> };
