import type { Locale } from '../i18n/locale.js';
import { formatPath } from '../load/source-positions.js';
import { localiseProfile } from '../schema/localise-profile.js';
import type { LocalisedProfile, Profile } from '../schema/profile-schema.js';

/** How many fields a fallback warning names before it sums up the rest. */
const namedFields = 8;

/**
 * The profiles as the report's language reads them: each text given in several languages
 * replaced by its text in the report's language, else in the profile's own. A warning per
 * profile names the fields that fell back, so an editor knows which translations are missing.
 */
export function localiseProfiles(
  profiles: readonly LocalisedProfile[],
  locale: Locale,
): { profiles: Profile[]; warnings: string[] } {
  const warnings: string[] = [];
  const localised = profiles.map((profile) => {
    const { profile: resolved, fellBack } = localiseProfile(profile, locale.language);
    if (fellBack.length > 0) {
      const fields = fellBack.map(formatPath);
      const shown = fields.slice(0, namedFields).join(', ');
      const rest = fields.length > namedFields ? ` and ${fields.length - namedFields} more` : '';
      warnings.push(
        `${profile.person.name}: ${fields.length} field${fields.length === 1 ? ' has' : 's have'} no ${locale.language} text and ${fields.length === 1 ? 'is' : 'are'} shown in ${profile.language}: ${shown}${rest}`,
      );
    }
    return resolved;
  });
  return { profiles: localised, warnings };
}
