import type { FieldPath } from '../load/source-positions.js';
import { pickText } from './localised-text.js';
import type { LocalisedText } from './localised-text.js';
import { profileSchema } from './profile-schema.js';
import type { LocalisedProfile, Profile } from './profile-schema.js';
import { mapLocalised } from './walk-localised.js';

export interface LocalisedResult {
  readonly profile: Profile;
  /** The fields whose text is not given in the report's language, so a warning can name them. */
  readonly fellBack: readonly FieldPath[];
}

/**
 * The profile as a report in `language` shows it: every text given as a map of translations
 * replaced by the entry `pickText` chooses, falling back to the profile's own language. Pure;
 * the input is not changed.
 */
export function localiseProfile(profile: LocalisedProfile, language: string): LocalisedResult {
  const fellBack: FieldPath[] = [];
  const resolved = mapLocalised(profileSchema, profile, (text, path) => {
    const picked = pickText(text as LocalisedText, language, profile.language);
    if (picked.fellBack) fellBack.push(path);
    return picked.text;
  });
  // The walk replaces exactly the fields whose type Resolved<> turns into string.
  return { profile: resolved as Profile, fellBack };
}
