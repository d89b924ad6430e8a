import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJsonSchema, profileJsonSchema, reportJsonSchema } from '../../src/schema/json-schema.js';
import { repoRoot } from '../helpers/paths.js';

describe('the committed JSON Schemas', () => {
  // If this fails, run `node bin/profile-report.js schema > data/profile.schema.json` (and
  // `schema --report > data/report.schema.json`) and commit the result.
  it('data/profile.schema.json is generated from the current schema', async () => {
    expect(await readFile(path.join(repoRoot, 'data', 'profile.schema.json'), 'utf8')).toBe(formatJsonSchema(profileJsonSchema()));
  });

  it('data/report.schema.json is generated from the current schema', async () => {
    expect(await readFile(path.join(repoRoot, 'data', 'report.schema.json'), 'utf8')).toBe(formatJsonSchema(reportJsonSchema()));
  });

  it('every sample file points editors at its schema on its first line', async () => {
    const profiles = await readdir(path.join(repoRoot, 'data', 'profiles'));
    for (const name of profiles) {
      const text = await readFile(path.join(repoRoot, 'data', 'profiles', name), 'utf8');
      expect(text.split('\n')[0], name).toBe('# yaml-language-server: $schema=../profile.schema.json');
    }
    const spec = await readFile(path.join(repoRoot, 'data', 'report.yaml'), 'utf8');
    expect(spec.split('\n')[0]).toBe('# yaml-language-server: $schema=./report.schema.json');
  });

  it('describes partial dates as text or a bare year', () => {
    const schema = profileJsonSchema() as { properties: { career: { items: { properties: { start: unknown; end: { anyOf: unknown[] } } } } } };
    const career = schema.properties.career.items.properties;
    expect(career.start).toMatchObject({ anyOf: [{ type: 'string' }, { type: 'integer' }] });
    expect(career.end.anyOf).toContainEqual({ const: 'present' });
  });
});
