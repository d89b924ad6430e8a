import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Profile } from '../../src/schema/profile-schema.js';
import type { ReportSpec } from '../../src/schema/report-schema.js';
import { validateProfile, validateReportSpec } from '../../src/validate/validate-document.js';
import { repoRoot } from './paths.js';

/** The sample spec and profiles, validated, straight from data/ (no other I/O). */
export function sampleInputs(extraProfiles: string[] = []): { spec: ReportSpec; profiles: Profile[] } {
  const spec = validateReportSpec('report.yaml', readFileSync(path.join(repoRoot, 'data', 'report.yaml'))).value;
  if (!spec) throw new Error('the sample spec does not validate');
  const files = ['data/profiles/zeng-yan.yaml', 'data/profiles/luo-fuli.yaml', ...extraProfiles];
  const profiles = files.map((file) => {
    const profile = validateProfile(file, readFileSync(path.join(repoRoot, file)), spec.buildDate).value;
    if (!profile) throw new Error(`${file} does not validate`);
    return profile;
  });
  return { spec, profiles };
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
