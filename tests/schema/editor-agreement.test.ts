import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ErrorObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { formatProblem } from '../../src/errors.js';
import { validateProfile, validateReportSpec } from '../../src/validate/validate-document.js';
import { checkProfile, checkReport, editorSchemas, schemaNodes } from '../helpers/editor-schema.js';
import type { SchemaNode } from '../helpers/editor-schema.js';
import { repoRoot } from '../helpers/paths.js';

/**
 * What the editor (yaml-language-server, reading data/profile.schema.json) and `validate` say
 * about the same real mistakes. The editor shows, for each failing keyword (a pattern, a type, a
 * const, an enum), the `errorMessage` of the schema that holds that keyword, and only of the
 * `anyOf` branch that fits best; it resolves merge keys before checking; it reads `.inf` and
 * `.nan` as numbers. ajv, run with `verbose`, names the schema of each failing keyword, which is
 * where the editor looks for its words.
 */

/** The keywords whose failure yaml-language-server words with the schema's `errorMessage`. */
const wordedKeywords = new Set(['type', 'pattern', 'const', 'enum', 'format', 'required', 'additionalProperties']);

const sample = await readFile(path.join(repoRoot, 'data', 'profiles', 'luo-fuli.yaml'), 'utf8');
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const validateText = (text: string): string[] =>
  validateProfile('p.yaml', bytes(text), '2100-12-31')
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);
/** What the editor's schema checker is given: the YAML read with merge keys resolved, as the editor reads it. */
const editorData = (text: string): unknown => parse(text, { merge: true }) as unknown;

function failingWords(errors: readonly ErrorObject[] | null | undefined): (string | undefined)[] {
  return (errors ?? [])
    .filter((e) => wordedKeywords.has(e.keyword))
    .map((e) => e.parentSchema?.['errorMessage'] as string | undefined);
}

describe('the editor shows the friendly words at the keyword that fails', () => {
  it('a bad date: every failing keyword of every branch carries the date message, never a regular expression', () => {
    const text = sample.replace('start: 2025-11-12', 'start: 2025-13');
    expect(checkProfile(editorData(text))).toBe(false);
    const words = failingWords(checkProfile.errors);
    expect(words.length).toBeGreaterThan(0);
    for (const w of words)
      expect(w).toBe('Expected a date written as YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date).');
    expect(validateText(text)).toEqual([
      'p.yaml:39:12  career[2].start  expected a date written as YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date), found the text "2025-13"',
    ]);
  });

  it('no anyOf or oneOf keeps an errorMessage the editor would never show', () => {
    for (const schema of [editorSchemas.profile, editorSchemas.report]) {
      for (const { at, node } of schemaNodes(schema)) {
        if (node['anyOf'] !== undefined || node['oneOf'] !== undefined)
          expect(node['errorMessage'], at).toBeUndefined();
      }
    }
  });

  it('every pattern and every const has its own words', () => {
    for (const schema of [editorSchemas.profile, editorSchemas.report]) {
      for (const { at, node } of schemaNodes(schema)) {
        // The bounds that catch NaN and the infinities carry no pattern; their `then` has the words.
        if (typeof node['pattern'] === 'string' || node['const'] !== undefined)
          expect(typeof node['errorMessage'], at).toBe('string');
      }
    }
  });
});

describe('merge keys: accepted by both, as the editor resolves them', () => {
  // The editor reads `<<: *base` as the keys of base; no schema can refuse what it never sees.
  const text = `${sample.replace('sources:\n  - id:', 'sources:\n  - &first\n    id:')}  - <<: *first\n    id: merged-one\n`;

  it('the editor accepts the merged source, and so does validate', () => {
    expect(checkProfile(editorData(text)), JSON.stringify(checkProfile.errors)).toBe(true);
    expect(validateText(text)).toEqual([]);
  });

  it('validate reads the same values the editor does', () => {
    const validated = validateProfile('p.yaml', bytes(text), '2100-12-31');
    const editor = editorData(text) as { sources: unknown[] };
    expect(validated.parsed?.value).toEqual(editor);
    expect(editor.sources.at(-1)).toMatchObject({ id: 'merged-one', title: expect.any(String) });
  });

  it('a key of the mapping itself wins over a merged one', () => {
    const overriding = `${sample}  - <<: *first\n    id: merged-two\n    title: Its own title\n`.replace(
      'sources:\n  - id:',
      'sources:\n  - &first\n    id:',
    );
    const validated = validateProfile('p.yaml', bytes(overriding), '2100-12-31');
    expect((validated.parsed?.value as { sources: { title: string }[] }).sources.at(-1)?.title).toBe('Its own title');
    expect(validated.parsed?.value).toEqual(editorData(overriding));
  });

  it('a merge key that names no mapping is an error at its line', () => {
    expect(validateText(sample.replace('person:\n', 'person:\n  <<: 5\n'))).toContainEqual(
      expect.stringMatching(/^p\.yaml:8:7 {2}person {2}a merge key `<<` takes an alias to a mapping/),
    );
  });

  it('merges count towards the alias cap: a merge bomb is refused', () => {
    const lines = ['a0: &a0 {k0: 1, k1: 1, k2: 1, k3: 1, k4: 1, k5: 1, k6: 1, k7: 1, k8: 1, k9: 1}'];
    for (let i = 1; i < 8; i++)
      lines.push(`a${i}: &a${i} {${Array.from({ length: 10 }, (_, j) => `m${j}: {<<: *a${i - 1}}`).join(', ')}}`);
    expect(validateText(`${lines.join('\n')}\n`).join('\n')).toMatch(
      /aliases \(\*name\) expand this file to more than 10000 values/,
    );
  });
});

describe('.inf and .nan: refused by both', () => {
  // A number a chart or a table cannot show is a mistake; `validate` has always refused them.
  const finite = 'Expected a finite number: .inf and .nan are not numbers a report can show.';

  /** The editor's number checks: a bound fails only when its comparison is true, so nothing stops NaN. */
  function editorAccepts(schema: SchemaNode, value: number): boolean {
    if (typeof schema['minimum'] === 'number' && value < schema['minimum']) return false;
    if (typeof schema['maximum'] === 'number' && value > schema['maximum']) return false;
    if (typeof schema['exclusiveMinimum'] === 'number' && value <= schema['exclusiveMinimum']) return false;
    if (typeof schema['exclusiveMaximum'] === 'number' && value >= schema['exclusiveMaximum']) return false;
    if (Array.isArray(schema['anyOf'])) return (schema['anyOf'] as SchemaNode[]).some((s) => editorAccepts(s, value));
    if (schema['if'] !== undefined && editorAccepts(schema['if'] as SchemaNode, value))
      return (schema['then'] as SchemaNode)['type'] === 'number';
    return true;
  }

  // The number fields, not the bounds inside their guards.
  const numbers = [...schemaNodes(editorSchemas.profile)].filter(
    ({ at, node }) => node['type'] === 'number' && !/\/if(\/|$)/.test(at),
  );

  it("every number field refuses NaN and both infinities, with words, under the editor's comparisons", () => {
    expect(numbers.length).toBeGreaterThanOrEqual(3);
    for (const { at, node } of numbers) {
      for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])
        expect(editorAccepts(node, value), `${at} ${value}`).toBe(false);
      for (const value of [0, 1, 57.5, 1e300])
        if (editorAccepts({ ...node, if: undefined }, value))
          expect(editorAccepts(node, value), `${at} ${value}`).toBe(true);
      expect((node['then'] as SchemaNode)['errorMessage']).toBe(finite);
    }
  });

  it.each([
    ['position: .inf', '    position: 50', '    position: .inf', 'p.yaml:158:15  balance[0].position'],
    ['position: .nan', '    position: 50', '    position: .nan', 'p.yaml:158:15  balance[0].position'],
    ['a metric of .inf', '      value: 5.76', '      value: .inf', 'p.yaml:100:16  models[0].metrics[3].value'],
    ['a metric of -.inf', '      value: 5.76', '      value: -.inf', 'p.yaml:100:16  models[0].metrics[3].value'],
  ])('%s: ajv refuses it and validate says why', (_, from, to, where) => {
    const text = sample.replace(from, to);
    expect(text).not.toBe(sample);
    expect(checkProfile(editorData(text))).toBe(false);
    expect(validateText(text)).toEqual([
      `${where}  expected a finite number: .inf and .nan are not numbers a report can show, found ${to.trim().split(' ')[1]}`,
    ]);
  });
});

describe('an empty file: the same missing fields in both', () => {
  // The editor checks an empty file as an empty mapping and lists the required fields it lacks;
  // validate says the same instead of "expected a mapping". (A file of comments only has no YAML
  // node, so the editor checks nothing there; validate still lists what is missing.)
  it.each([
    ['empty', ''],
    ['comments only', '# yaml-language-server: $schema=../profile.schema.json\n'],
    ['blank lines', '\n\n'],
  ])('a profile: %s', (_, text) => {
    expect(checkProfile({})).toBe(false);
    expect(
      (checkProfile.errors ?? [])
        .filter((e) => e.keyword === 'required')
        .map((e): unknown => e.params['missingProperty']),
    ).toEqual(['person', 'sources']);
    expect(validateText(text)).toEqual([
      'p.yaml:1:1  person  missing required field `person` (a mapping (indented `key: value` lines))',
      'p.yaml:1:1  sources  missing required field `sources` (a list (lines starting with `- `))',
    ]);
  });

  it('a report spec', () => {
    expect(checkReport({})).toBe(false);
    const missing = (checkReport.errors ?? [])
      .filter((e) => e.keyword === 'required')
      .map((e) => e.params['missingProperty'] as string);
    const said = validateReportSpec('r.yaml', bytes('')).problems.map((p) => p.path);
    expect(said.sort()).toEqual(missing.sort());
  });
});
