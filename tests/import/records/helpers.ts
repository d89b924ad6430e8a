import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { importIntoProfile } from '../../../src/import/import-profile.js';
import type { ImportResult } from '../../../src/import/import-profile.js';
import type { ImportFormat } from '../../../src/import/types.js';
import type { Paper, Profile } from '../../../src/schema/profile-schema.js';
import { fixtures } from '../../helpers/paths.js';

export const recordsDir = path.join(fixtures, 'records');
const today = '2026-11-25';

export function record(name: string): string {
  return readFileSync(path.join(recordsDir, name), 'utf8');
}

/** Imports real records into a new profile for `name`, in memory, as `import --new` does. */
export function importRecords(
  name: string,
  files: readonly string[],
  options: { skipBad?: boolean; format?: ImportFormat } = {},
): Promise<ImportResult> {
  return importIntoProfile({
    inputs: files.map((file) => ({ file, text: record(file) })),
    target: { kind: 'new', file: `${name}.yaml`, name, schemaPath: '../profile.schema.json' },
    today,
    skipBad: options.skipBad ?? false,
    format: options.format,
  });
}

/** Imports real records into an existing profile's text. */
export function importRecordsInto(
  profile: string,
  files: readonly string[],
  options: { skipBad?: boolean } = {},
): Promise<ImportResult> {
  return importIntoProfile({
    inputs: files.map((file) => ({ file, text: record(file) })),
    target: { kind: 'into', file: 'p.yaml', text: profile },
    today,
    skipBad: options.skipBad ?? false,
  });
}

export function profileOf(result: ImportResult): Profile {
  return parse(result.text) as Profile;
}

/** The paper with this title (they are unique in these files), or a failed expectation's undefined. */
export function paper(profile: Profile, title: string | RegExp): Paper | undefined {
  return profile.papers.find((p) => (typeof title === 'string' ? p.title === title : title.test(p.title)));
}

/** Messages of problems of one severity, each with the path it points at. */
export function said(result: ImportResult, severity: 'error' | 'warning' = 'warning'): string[] {
  return result.problems.filter((p) => p.severity === severity).map((p) => `${p.path}: ${p.message}`);
}

export function skippedMessages(result: ImportResult): string[] {
  return result.skipped.map((p) => `${p.path}: ${p.message}`);
}
