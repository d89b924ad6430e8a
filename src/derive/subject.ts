import type { Locale } from '../i18n/locale.js';
import { nameLanguage, nativeNameLeads } from '../i18n/names.js';
import type { Profile } from '../schema/profile-schema.js';
import { personStyle } from './palette.js';
import type { PersonStyle } from './palette.js';

/** A person as the derive stage works with them: their profile, place and look. */
export interface Subject {
  readonly index: number;
  /**
   * The name a reader of the report's language reads: the native-script name where the reader
   * reads that script (曾妍 in a Chinese report), else the Latin `name`. Used in text and charts.
   */
  readonly name: string;
  /** The language of `name` when it is not the report's own, for `lang` in the HTML. */
  readonly nameLang?: string;
  /** The other form of the name, shown beside it where it helps (cover, headings, tables). */
  readonly otherName?: string;
  readonly otherNameLang?: string;
  readonly style: PersonStyle;
  readonly profile: Profile;
}

export function subjects(profiles: readonly Profile[], locale: Locale): Subject[] {
  return profiles.map((profile, index) => {
    const { name, nativeName } = profile.person;
    const leads = nativeNameLeads(locale.language, nativeName);
    const shown = leads ? nativeName! : name;
    const other = leads ? name : nativeName;
    const shownLang = leads ? nameLanguage(shown, locale.language, profile.language) : undefined;
    const otherLang = other && !leads ? nameLanguage(other, locale.language, profile.language) : undefined;
    return {
      index,
      name: shown,
      ...(shownLang && shownLang !== locale.language ? { nameLang: shownLang } : {}),
      ...(other ? { otherName: other } : {}),
      ...(otherLang && otherLang !== locale.language ? { otherNameLang: otherLang } : {}),
      style: personStyle(index),
      profile,
    };
  });
}
