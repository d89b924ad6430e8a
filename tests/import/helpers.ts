import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importIntoProfile } from '../../src/import/import-profile.js';
import type { ImportResult } from '../../src/import/import-profile.js';
import { fixtures, repoRoot } from '../helpers/paths.js';

const importFixtures = path.join(fixtures, 'import');
export const today = '2026-11-25';

export function fixture(name: string): string {
  return readFileSync(path.join(importFixtures, name), 'utf8');
}

export function sampleProfile(): string {
  return readFileSync(path.join(repoRoot, 'data', 'profiles', 'zeng-yan.yaml'), 'utf8');
}

/** Imports files (name, text) into a new profile for `name`, in memory. */
export function importNew(name: string, inputs: [string, string][], skipBad = false): Promise<ImportResult> {
  return importIntoProfile({
    inputs: inputs.map(([file, text]) => ({ file, text })),
    target: { kind: 'new', file: 'new.yaml', name, schemaPath: 'profile.schema.json' },
    today,
    skipBad,
  });
}

/** Imports files into an existing profile's text, in memory. */
export function importInto(profile: string, inputs: [string, string][], skipBad = false): Promise<ImportResult> {
  return importIntoProfile({
    inputs: inputs.map(([file, text]) => ({ file, text })),
    target: { kind: 'into', file: 'p.yaml', text: profile },
    today,
    skipBad,
  });
}

export const minimalProfile = `# yaml-language-server: $schema=../profile.schema.json
# Written by hand: every word of this must survive an import.

person:
  name: Ada Lovelace   # as she signed
  headline: 'Mathematician'
  source: bio

papers:
  - id: notes
    title: "Notes on the Analytical Engine"
    year: 1943
    venue: Taylor's Scientific Memoirs
    authorship: first
    summary: The first published program.
    source: [bio]

sources:
  - id: bio
    title: A biography
`;
