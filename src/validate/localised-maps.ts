import type { FieldPath } from '../load/source-positions.js';
import { profileSchema } from '../schema/profile-schema.js';
import { mapLocalised } from '../schema/walk-localised.js';
import { isRecord } from './raw-access.js';

/** The paths of every map of translations that lacks `language`, in a profile as written. */
export function missingDefaultLanguage(raw: unknown, language: string): FieldPath[] {
  const found: FieldPath[] = [];
  mapLocalised(profileSchema, raw, (text, path) => {
    if (isRecord(text) && Object.keys(text).length > 0 && !Object.prototype.hasOwnProperty.call(text, language))
      found.push(path);
    return text;
  });
  return found;
}
