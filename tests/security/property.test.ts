import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { deriveReport } from '../../src/derive/derive-report.js';
import { validateProfile } from '../../src/validate/validate-document.js';
import { sampleInputs } from '../helpers/sample-inputs.js';

const buildDate = '2026-11-23';
const { spec } = sampleInputs();

/** Either a profile, or located problems: never a thrown exception. */
function expectCleanOutcome(bytes: Uint8Array): void {
  const result = validateProfile('p.yaml', bytes, buildDate);
  if (result.value) {
    expect(result.problems.every((p) => p.severity === 'warning')).toBe(true);
    // What validates must also derive: the report stage gets no surprises.
    expect(() => deriveReport(spec, [result.value!])).not.toThrow();
  } else {
    expect(result.problems.length).toBeGreaterThan(0);
    for (const p of result.problems) {
      expect(p.file).toBe('p.yaml');
      expect(p.message.length).toBeGreaterThan(0);
      expect(Number.isInteger(p.line) && Number.isInteger(p.column)).toBe(true);
    }
  }
}

const enc = new TextEncoder();
const scalar = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('2021', '2021-09', 'present', '__proto__', '{{x}}', '<script>'),
);
const person = fc.record(
  {
    name: fc.string(),
    headline: fc.string(),
    nativeName: fc.string(),
    birthYear: fc.oneof(fc.integer(), fc.string()),
    source: fc.oneof(fc.constant('s'), fc.string(), fc.array(fc.string())),
  },
  { requiredKeys: [] },
);
const entry = fc.dictionary(
  fc.constantFrom(
    'id',
    'title',
    'year',
    'venue',
    'authorship',
    'summary',
    'source',
    'start',
    'end',
    'organisation',
    'degree',
    'institution',
    'name',
    'role',
    'metrics',
    'label',
    'value',
    'baseline',
    'better',
    'poles',
    'position',
    'evidence',
    'tradeoff',
    'text',
  ),
  scalar,
);
const profileLike = fc.record(
  {
    person,
    education: fc.array(entry, { maxLength: 3 }),
    career: fc.array(entry, { maxLength: 3 }),
    papers: fc.array(entry, { maxLength: 3 }),
    models: fc.array(entry, { maxLength: 3 }),
    balance: fc.array(entry, { maxLength: 2 }),
    sources: fc.array(
      fc.record({ id: fc.oneof(fc.constant('s'), fc.string()), title: fc.string() }, { requiredKeys: [] }),
      { maxLength: 3 },
    ),
  },
  { requiredKeys: [] },
);

describe('property: any input gives a profile or a clean error, never an uncaught exception', () => {
  it('any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 2000, unit: 'binary' }), (text) => expectCleanOutcome(enc.encode(text))),
      { numRuns: 400 },
    );
  });

  it('any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => expectCleanOutcome(bytes)),
      { numRuns: 400 },
    );
  });

  it('any YAML value', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => expectCleanOutcome(enc.encode(stringify(value)))),
      { numRuns: 300 },
    );
  });

  it('profile-shaped YAML with arbitrary values', () => {
    fc.assert(
      fc.property(profileLike, (value) => expectCleanOutcome(enc.encode(stringify(value)))),
      { numRuns: 400 },
    );
  });

  it('the sample with arbitrary text spliced in at any position', () => {
    const sample = stringify(sampleInputs().profiles[0]);
    fc.assert(
      fc.property(fc.nat({ max: sample.length }), fc.string({ maxLength: 40, unit: 'binary' }), (at, insert) =>
        expectCleanOutcome(enc.encode(sample.slice(0, at) + insert + sample.slice(at))),
      ),
      { numRuns: 400 },
    );
  });
});
