import type { Profile } from '../schema/profile-schema.js';
import { personStyle } from './palette.js';
import type { PersonStyle } from './palette.js';

/** A person as the derive stage works with them: their profile, place and look. */
export interface Subject {
  readonly index: number;
  readonly name: string;
  readonly style: PersonStyle;
  readonly profile: Profile;
}

export function subjects(profiles: readonly Profile[]): Subject[] {
  return profiles.map((profile, index) => ({ index, name: profile.person.name, style: personStyle(index), profile }));
}
