import { createHash } from 'node:crypto';
import { validateProfile } from '../validate/validate-document.js';
import type { ValidatedProfile } from '../validate/validate-document.js';

/**
 * A parsed profile with its positions takes about 13 times its file's size in memory (148 KiB
 * for the sample's 11 KiB profile), and a queue worker sees new profiles with every job: room
 * for a watch session's eight people, each in a few recent versions, and no more.
 */
const maxEntries = 32;

/**
 * Validated profiles by content, for watch sessions: after an edit to one profile, the others
 * are not parsed and checked again. Keyed by file, build date and the bytes' hash, so any edit,
 * even one that restores older content, is seen for what it is.
 */
export class ValidationCache {
  private readonly entries = new Map<string, ValidatedProfile>();
  private validated = 0;

  profile(file: string, bytes: Uint8Array, buildDate: string): ValidatedProfile {
    const key = `${file}\u0000${buildDate}\u0000${createHash('sha256').update(bytes).digest('hex')}`;
    let result = this.entries.get(key);
    if (!result) {
      result = validateProfile(file, bytes, buildDate);
      this.validated += 1;
      this.entries.set(key, result);
      if (this.entries.size > maxEntries) this.entries.delete(this.entries.keys().next().value!);
    }
    return result;
  }

  /** How many profiles were actually parsed and checked (not taken from the cache) so far. */
  get validatedCount(): number {
    return this.validated;
  }
}
