import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { formatProblem } from '../../src/errors.js';
import { starterProfile } from '../../src/init/starter-profile.js';
import { profileSchema } from '../../src/schema/profile-schema.js';
import { reportSchema } from '../../src/schema/report-schema.js';
import { validateProfile, validateReportSpec } from '../../src/validate/validate-document.js';
import { checkProfile, checkReport } from '../helpers/editor-schema.js';
import { repoRoot } from '../helpers/paths.js';

/**
 * The editor's schema and `validate` must agree: ajv on the generated JSON Schema accepts a
 * profile exactly when `validate` finds no error in it, except for the checks no JSON Schema can
 * state, listed here. Every listed check is one that relates two values (a cited id and the
 * sources, two ids, a start and an end, a map and the profile's language) or another file (the
 * report spec's build date).
 */
const notExpressible: readonly RegExp[] = [
  /is not in this profile's sources/,
  /is already used by \w+\[\d+\]; ids must be unique/,
  /is before the start/,
  /none in the profile's language/,
  /is after the build date/,
];

const buildDate = '2100-12-31';

// The samples, and the starter profile, which has every field once.
const starter = parse(starterProfile('Ada Lovelace', './profile.schema.json')) as unknown;
const samples = [
  starter,
  ...(await Promise.all(
    ['zeng-yan.yaml', 'luo-fuli.yaml'].map(
      async (name) => parse(await readFile(path.join(repoRoot, 'data', 'profiles', name), 'utf8')) as unknown,
    ),
  )),
];
const sampleSpec = parse(await readFile(path.join(repoRoot, 'data', 'report.yaml'), 'utf8')) as unknown;

/** Values that sit on the edge of some rule, for any field. */
const edgeValues: unknown[] = [
  '',
  ' ',
  '\n',
  'x',
  '  padded text  ',
  'two\nlines',
  'tab\there',
  'bell\u0007',
  'nbsp\u00a0end',
  '\u2028',
  'x'.repeat(300),
  'x'.repeat(301),
  ` ${'x'.repeat(300)} `,
  'é'.repeat(300),
  '😀'.repeat(300),
  '😀'.repeat(301),
  'y'.repeat(4000),
  'y'.repeat(4001),
  'line one\nline two\n',
  '\u202Eevil',
  'bidi \u2066inside\u2069',
  'zero\u200Bwidth',
  'soft\u00ADhyphen',
  '\uFEFFbom',
  'mark\u200Fhere',
  'क्\u200Dष',
  'a\u200Db',
  '\u200Dstart',
  'x \u200C y',
  '👩\u200D🔬',
  'https://example.com/\u200Bx',
  'https://example.com/\u202Ex',
  'line\u202Eone\ntwo',
  '2021',
  '2021-09',
  '2021-9',
  '2021-13',
  '2021-00',
  '2021-02-30',
  '2021-04-31',
  '2024-02-29',
  '2023-02-29',
  '1900-02-29',
  '2000-02-29',
  '2021-09-01T00:00',
  'present',
  'June 2022',
  'https://arxiv.org/abs/2111.08276',
  'https://example.com',
  'https://example.com:8443/a?b=c#d',
  'https://127.0.0.1:42895/x',
  'https://example.com:65535/',
  'https://example.com:65536/',
  'https://example.com:000443/',
  'http://example.com',
  'HTTPS://example.com',
  'javascript:alert(1)',
  'https://user:pw@example.com',
  'https://\u0430pple.com/x',
  'https://例子.中国/',
  'https://bücher.de',
  'https://',
  'https://exa mple.com',
  'https://example.com/a b',
  'file:///etc/passwd',
  'data:text/html,x',
  ' https://example.com',
  '2111.08276',
  '2111.08276v2',
  'hep-th/9901001',
  'arXiv:2111.08276',
  'article',
  'arxiv-2111-08276',
  'not an id!',
  '-dash',
  'a'.repeat(64),
  'a'.repeat(65),
  'first',
  'co-author',
  'boss',
  'higher',
  'lower',
  'model',
  'product',
  'A4',
  'Letter',
  'a4',
  'en',
  'zh-CN',
  'zh-cn',
  'english',
  'cover',
  'sources',
  'report',
  '../out',
  'bad/name',
  '曾妍',
  '👩‍🔬 Dr',
  0,
  1,
  50,
  100,
  101,
  -1,
  999,
  1000,
  1899,
  1900,
  2021,
  2100,
  2101,
  9999,
  10000,
  2021.5,
  0.5,
  true,
  false,
  null,
  [],
  ['article'],
  ['article', 'article'],
  ['a', 'b', 'c'],
  [1],
  ['x', 'y'],
  ['cover', 'cover'],
  ['cover', 'sources'],
  new Array(11).fill('article'),
  {},
  { en: 'text' },
  { en: 'text', 'zh-CN': '文字' },
  { 'zh-cn': 'x' },
  { en: '' },
  { en: 'a\nb' },
  { de: 'Text' },
  { en: 1 },
  { name: 'x', value: 1 },
];

type Doc = Record<string, unknown>;

/** Every path in a document, containers included, so a mutation can reach any field. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const here = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => pathsOf(v, [...prefix, i]))];
  if (value !== null && typeof value === 'object')
    return [...here, ...Object.entries(value).flatMap(([k, v]) => pathsOf(v, [...prefix, k]))];
  return here;
}

type Mutation =
  { kind: 'set'; at: number; value: unknown } | { kind: 'delete'; at: number } | { kind: 'unknown-key'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('set' as const),
      at: fc.nat(),
      value: fc.oneof(
        { weight: 5, arbitrary: fc.constantFrom(...edgeValues) },
        { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
      ),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unknown-key' as const), at: fc.nat() }) },
);

function mutate(base: unknown, mutations: readonly Mutation[]): Doc {
  const doc = structuredClone(base) as Doc;
  for (const m of mutations) {
    const paths = pathsOf(doc);
    if (paths.length === 0) break;
    const target = paths[m.at % paths.length]!;
    const parent = target.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], doc) as
      Record<string | number, unknown> | unknown[];
    const key = target.at(-1)!;
    if (m.kind === 'set') (parent as Record<string | number, unknown>)[key] = structuredClone(m.value);
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else Reflect.deleteProperty(parent, key);
    } else {
      const value = (parent as Record<string | number, unknown>)[key];
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) (value as Doc)['extraField'] = 'x';
    }
  }
  return doc;
}

function validateErrors(doc: Doc, kind: 'profile' | 'report'): string[] {
  const bytes = new TextEncoder().encode(stringify(doc));
  const result = kind === 'profile' ? validateProfile('p.yaml', bytes, buildDate) : validateReportSpec('r.yaml', bytes);
  return result.problems
    .filter((p) => p.severity === 'error' && !notExpressible.some((r) => r.test(p.message)))
    .map(formatProblem);
}

/**
 * The schema half of `validate` alone: what it says about a file apart from the listed
 * cross-checks (the last test shows the two are the same). Parsing YAML for positions costs ten
 * times more, and this suite runs on a busy two-core machine.
 */
function schemaAccepts(doc: Doc, kind: 'profile' | 'report'): boolean {
  return (kind === 'profile' ? profileSchema : reportSchema).safeParse(doc).success;
}

function agreement(kind: 'profile' | 'report', bases: readonly unknown[]) {
  const check = kind === 'profile' ? checkProfile : checkReport;
  return fc.property(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 3 }), (which, mutations) => {
    const doc = mutate(bases[which % bases.length], mutations);
    const editorOk = check(doc);
    const detail = JSON.stringify({ mutations, editor: check.errors?.slice(0, 3) }, null, 1);
    expect(editorOk, detail).toBe(schemaAccepts(doc, kind));
  });
}

/** A few fields of every kind: plain and localised text, ids, dates, years, links, lists. */
const edgePaths: (string | number)[][] = [
  ['language'],
  ['person', 'name'],
  ['person', 'headline'],
  ['person', 'birthYear'],
  ['person', 'source'],
  ['education', 0, 'start'],
  ['career', 0, 'end'],
  ['career', 0, 'note'],
  ['papers', 0, 'id'],
  ['papers', 0, 'year'],
  ['papers', 0, 'arxiv'],
  ['papers', 0, 'authorship'],
  ['papers', 0, 'summary'],
  ['models', 0, 'kind'],
  ['models', 0, 'innovations'],
  ['models', 0, 'metrics', 0, 'value'],
  ['balance', 0, 'poles'],
  ['balance', 0, 'position'],
  ['sources', 0, 'url'],
  ['sources', 0, 'date'],
  ['sources'],
];

function setAt(base: unknown, at: readonly (string | number)[], value: unknown): Doc {
  const doc = structuredClone(base) as Doc;
  const parent = at.slice(0, -1).reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], doc) as Record<
    string | number,
    unknown
  >;
  parent[at.at(-1)!] = structuredClone(value);
  return doc;
}

describe('the JSON Schema agrees with validate', () => {
  it('on the samples as written', () => {
    for (const sample of samples) {
      expect(checkProfile(sample), JSON.stringify(checkProfile.errors)).toBe(true);
      expect(validateErrors(sample as Doc, 'profile')).toEqual([]);
    }
    expect(checkReport(sampleSpec), JSON.stringify(checkReport.errors)).toBe(true);
  });

  it('on 500 mutated profiles', () => {
    fc.assert(agreement('profile', samples), { numRuns: 500, seed: 20261125 });
  }, 300_000);

  it('on 300 mutated report specs', () => {
    fc.assert(agreement('report', [sampleSpec]), { numRuns: 300, seed: 20261125 });
  }, 300_000);

  it('on every edge value in a field of every kind', () => {
    const base = starter;
    for (const at of edgePaths) {
      for (const value of edgeValues) {
        const doc = setAt(base, at, value);
        expect(checkProfile(doc), JSON.stringify({ at, value, editor: checkProfile.errors?.slice(0, 2) })).toBe(
          schemaAccepts(doc, 'profile'),
        );
      }
    }
    for (const at of [['buildDate'], ['sections'], ['output', 'name'], ['profiles'], ['title']]) {
      for (const value of edgeValues) {
        const doc = setAt(sampleSpec, at, value);
        expect(checkReport(doc), JSON.stringify({ at, value, editor: checkReport.errors?.slice(0, 2) })).toBe(
          schemaAccepts(doc, 'report'),
        );
      }
    }
  }, 300_000);

  it('where validate and the schema alone differ, it is by a listed check only', () => {
    // The full command path (YAML text, positions, cross-checks) on a sample of the edge cases.
    const base = starter;
    for (const at of edgePaths.filter((_, i) => i % 3 === 0)) {
      for (const value of edgeValues.filter((_, i) => i % 9 === 0)) {
        const doc = setAt(base, at, value);
        expect(
          validateErrors(doc, 'profile').length === 0,
          JSON.stringify({ at, value, validate: validateErrors(doc, 'profile') }),
        ).toBe(schemaAccepts(doc, 'profile'));
      }
    }
  }, 300_000);

  it('and the listed exceptions are real: validate reports them, the editor cannot', () => {
    const zeng = samples[1] as Doc;
    const dangling = mutate(zeng, []);
    (dangling['person'] as Doc)['source'] = 'nowhere';
    expect(checkProfile(dangling)).toBe(true);
    const bytes = new TextEncoder().encode(stringify(dangling));
    expect(
      validateProfile('p.yaml', bytes, buildDate).problems.some((p) =>
        /is not in this profile's sources/.test(p.message),
      ),
    ).toBe(true);
  });
});
