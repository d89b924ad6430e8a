import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatJsonSchema, profileJsonSchema, reportJsonSchema } from '../../src/schema/json-schema.js';
import { editorAjv, editorSchemas, schemaNodes } from '../helpers/editor-schema.js';
import type { SchemaNode } from '../helpers/editor-schema.js';
import { repoRoot } from '../helpers/paths.js';

describe('the committed JSON Schemas', () => {
  // If this fails, run `node bin/profile-report.js schema > data/profile.schema.json` (and
  // `schema --report > data/report.schema.json`) and commit the result.
  it('data/profile.schema.json is generated from the current schema', async () => {
    expect(await readFile(path.join(repoRoot, 'data', 'profile.schema.json'), 'utf8')).toBe(
      formatJsonSchema(profileJsonSchema()),
    );
  });

  it('data/report.schema.json is generated from the current schema', async () => {
    expect(await readFile(path.join(repoRoot, 'data', 'report.schema.json'), 'utf8')).toBe(
      formatJsonSchema(reportJsonSchema()),
    );
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
    const schema = profileJsonSchema() as {
      properties: { career: { items: { properties: { start: unknown; end: { anyOf: unknown[] } } } } };
    };
    const career = schema.properties.career.items.properties;
    expect(career.start).toMatchObject({ anyOf: [{ type: 'string' }, { type: 'integer' }] });
    expect(career.end.anyOf).toContainEqual(expect.objectContaining({ const: 'present' }));
  });
});

describe('the JSON Schemas, for editors', () => {
  const schemas = editorSchemas;

  it('describe every field, for hover help', () => {
    for (const [name, schema] of Object.entries(schemas)) {
      for (const { at, node } of schemaNodes(schema)) {
        const properties = (node['properties'] ?? {}) as Record<string, SchemaNode>;
        for (const [key, field] of Object.entries(properties)) {
          expect(typeof field['description'], `${name} ${at}/properties/${key}`).toBe('string');
          expect(field['markdownDescription'], `${name} ${at}/properties/${key}`).toBe(field['description']);
        }
      }
    }
  });

  it('explain every pattern in words, so no editor shows a raw regex', () => {
    let patterns = 0;
    for (const [name, schema] of Object.entries(schemas)) {
      for (const { at, node } of schemaNodes(schema)) {
        if (typeof node['pattern'] !== 'string' || at.endsWith('/propertyNames')) continue;
        patterns += 1;
        // On the pattern itself: the editor never shows the words of an anyOf around it.
        expect(node['errorMessage'], `${name} ${at}`).toBeDefined();
      }
    }
    expect(patterns).toBeGreaterThan(20);
  });

  it('offer only completion defaults that are valid themselves', () => {
    let defaults = 0;
    for (const [name, schema] of Object.entries(schemas)) {
      for (const { at, node } of schemaNodes(schema)) {
        if (!('default' in node)) continue;
        defaults += 1;
        const { default: value, ...rest } = node;
        expect(
          editorAjv.validate(rest, value),
          `${name} ${at}: ${JSON.stringify(value)} ${JSON.stringify(editorAjv.errors)}`,
        ).toBe(true);
      }
    }
    expect(defaults).toBeGreaterThan(10);
  });

  it('give years a valid completion, not 0', () => {
    const papers = (schemas.profile['properties'] as Record<string, SchemaNode>)['papers'] as SchemaNode;
    const year = ((papers['items'] as SchemaNode)['properties'] as Record<string, SchemaNode>)['year'] as SchemaNode;
    expect(year).toMatchObject({ type: 'integer', minimum: 1900, default: 2024 });
  });

  it('check calendar dates, https links and unique sections', () => {
    const report = schemas.report['properties'] as Record<string, SchemaNode>;
    expect(report['sections']).toMatchObject({ uniqueItems: true });
    expect(new RegExp(String(report['buildDate']!['pattern']), 'u').test('2026-02-29')).toBe(false);
    expect(new RegExp(String(report['buildDate']!['pattern']), 'u').test('2028-02-29')).toBe(true);
  });
});
