import { UserError } from '../errors.js';
import { formatBytes } from '../limits.js';
import { factsFormat, factsMaxBytes, factsSchema, factsVersion } from './facts-schema.js';
import type { FactsDocument } from './facts-schema.js';

/**
 * The facts block of an edition, checked as strictly as a profile: an edition is a file
 * someone sent, so its facts are bounded, parsed as JSON (never evaluated) and validated
 * against the facts schema before anything reads them. `file` names the edition in messages.
 */
export function parseFacts(file: string, text: string): FactsDocument {
  if (text.length > factsMaxBytes)
    throw new UserError(
      `${file}: its facts are ${formatBytes(text.length)}; the limit is ${formatBytes(factsMaxBytes)}`,
    );
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(
      `${file}: its facts are not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new UserError(`${file}: its facts are not a JSON object`);
  const record = value as Record<string, unknown>;
  if (record['format'] !== factsFormat)
    throw new UserError(
      `${file}: this is not an edition of profile-report (its facts block has no "format": "${factsFormat}")`,
    );
  const version = record['version'];
  if (typeof version === 'number' && version > factsVersion) {
    throw new UserError(
      `${file}: its facts are in format version ${version}, from a newer profile-report; this version reads version ${factsVersion}. Update profile-report to compare with it.`,
    );
  }
  const parsed = factsSchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.map(String).join('.') || '(facts)'}: ${issue.message}`);
    const more = parsed.error.issues.length > 3 ? ` and ${parsed.error.issues.length - 3} more` : '';
    throw new UserError(`${file}: its facts do not match the facts format (${first.join('; ')}${more})`);
  }
  return parsed.data;
}
