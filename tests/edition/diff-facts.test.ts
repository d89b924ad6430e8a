import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffFacts } from '../../src/edition/diff-facts.js';
import { editionFacts, serialiseFacts } from '../../src/edition/edition-facts.js';
import { factsJsonSchema, factsSchema } from '../../src/edition/facts-schema.js';
import { parseFacts } from '../../src/edition/parse-facts.js';
import { builtInLocale } from '../../src/i18n/locale.js';
import { validateProfile, validateReportSpec } from '../../src/validate/validate-document.js';
import type { LocalisedProfile } from '../../src/schema/profile-schema.js';
import { fixtures, repoRoot } from '../helpers/paths.js';

const load = (file: string): LocalisedProfile => {
  const checked = validateProfile(file, readFileSync(file), '2026-11-23');
  if (!checked.localised) throw new Error(`${file} does not validate`);
  return checked.localised;
};
const spec = validateReportSpec('report.yaml', readFileSync(path.join(repoRoot, 'data', 'report.yaml'))).value!;
const zeng = load(path.join(repoRoot, 'data', 'profiles', 'zeng-yan.yaml'));
const luo = load(path.join(repoRoot, 'data', 'profiles', 'luo-fuli.yaml'));
const aiko = load(path.join(fixtures, 'people', 'aiko-tanabe.yaml'));
const en = builtInLocale('en');
const before = editionFacts(spec, [zeng, luo]);
// A deep copy to edit, as a later profile would differ.
const copy = <T>(value: T): T => structuredClone(value);

describe('diffFacts', () => {
  it('an edition compared with itself has no changes', () => {
    expect(diffFacts(before, before, en)).toEqual([]);
  });

  it('an added paper is "added", with its source', () => {
    const edited = copy(luo);
    edited.papers.push({ ...edited.papers[0]!, id: 'new-one', title: 'A New Paper', shortName: undefined });
    delete (edited.papers.at(-1) as { shortName?: string }).shortName;
    const changes = diffFacts(before, editionFacts(spec, [zeng, edited]), en);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      person: 'Luo Fuli',
      section: 'papers',
      kind: 'added',
      item: 'A New Paper',
      itemKey: 'new-one',
    });
    expect(changes[0]!.sources.map((s) => s.id)).toEqual([edited.papers[0]!.source]);
  });

  it('a removed role is "removed", matched by its organisation and start', () => {
    const edited = copy(zeng);
    const [removed] = edited.career.splice(1, 1);
    const changes = diffFacts(before, editionFacts(spec, [edited, luo]), en);
    expect(changes).toEqual([expect.objectContaining({ person: 'Zeng Yan', section: 'career', kind: 'removed' })]);
    expect(changes[0]!.item).toContain(
      typeof removed!.organisation === 'string' ? removed!.organisation : removed!.organisation['en'],
    );
  });

  it('a changed metric gives its value before and after, as the report writes them', () => {
    const edited = copy(luo);
    const model = edited.models.find((m) => m.metrics.length > 0)!;
    const metric = model.metrics[0]!;
    const old = en.quantity(metric.value, metric.unit);
    metric.value = 45;
    const changes = diffFacts(before, editionFacts(spec, [zeng, edited]), en);
    expect(changes).toEqual([
      expect.objectContaining({
        section: 'models',
        kind: 'changed',
        field: 'value',
        before: old,
        after: en.quantity(45, metric.unit),
      }),
    ]);
  });

  it('a renamed paper title is a change of that paper, not a removal and an addition', () => {
    const edited = copy(luo);
    const paper = edited.papers[0]!;
    const oldTitle = paper.title;
    paper.title = `${oldTitle} (revised)`;
    const changes = diffFacts(before, editionFacts(spec, [zeng, edited]), en);
    expect(changes).toEqual([
      expect.objectContaining({
        section: 'papers',
        kind: 'changed',
        field: 'title',
        before: oldTitle,
        after: `${oldTitle} (revised)`,
        itemKey: paper.id,
      }),
    ]);
  });

  it('a role whose end date is now given says so', () => {
    const edited = copy(zeng);
    const open = edited.career.find((c) => c.end === 'present' || c.end === undefined)!;
    open.end = '2026-10';
    const changes = diffFacts(before, editionFacts(spec, [edited, luo]), en);
    expect(changes).toEqual([
      expect.objectContaining({ section: 'career', kind: 'changed', field: 'end', after: 'Oct 2026' }),
    ]);
  });

  it('a person added to the report, and one dropped, are named, not an error', () => {
    const changes = diffFacts(before, editionFacts(spec, [zeng, aiko]), en);
    expect(changes).toEqual([
      expect.objectContaining({ section: 'people', kind: 'added', person: 'Aiko Tanabe' }),
      expect.objectContaining({ section: 'people', kind: 'removed', person: 'Luo Fuli' }),
    ]);
  });

  it('compares in the report language: a translated field that changed only in Chinese shows in a Chinese diff, not an English one', () => {
    const edited = copy(zeng);
    const role = edited.career[0]!;
    role.title = { ...(role.title as Record<string, string>), 'zh-CN': '高级算法工程师' };
    expect(diffFacts(before, editionFacts(spec, [edited, luo]), en)).toEqual([]);
    expect(diffFacts(before, editionFacts(spec, [edited, luo]), builtInLocale('zh-CN'))).toEqual([
      expect.objectContaining({ section: 'career', kind: 'changed', field: 'title', after: '高级算法工程师' }),
    ]);
  });
});

describe('the facts format', () => {
  it('serialises the same facts to the same bytes, and reads them back unchanged', () => {
    const text = serialiseFacts(before);
    expect(serialiseFacts(editionFacts(spec, [zeng, luo]))).toBe(text);
    expect(diffFacts(parseFacts('edition.pdf', text), before, en)).toEqual([]);
  });

  it('has a JSON Schema that the facts of the sample satisfy', async () => {
    const { Ajv } = await import('ajv');
    const ajv = new Ajv({ strict: false, allErrors: true });
    const validate = ajv.compile(factsJsonSchema());
    expect(validate(JSON.parse(serialiseFacts(before)))).toBe(true);
    expect(factsSchema.safeParse(JSON.parse(serialiseFacts(before))).success).toBe(true);
  });

  const bad = (mutate: (facts: Record<string, unknown>) => void): string => {
    const value = JSON.parse(serialiseFacts(before)) as Record<string, unknown>;
    mutate(value);
    return JSON.stringify(value);
  };

  it.each([
    ['not JSON', '{"format":', /edition\.html: its facts are not valid JSON/],
    ['not an object', '[1,2]', /edition\.html: its facts are not a JSON object/],
    ['another format', '{"format":"something-else"}', /edition\.html: this is not an edition of profile-report/],
    [
      'a newer version',
      bad((f) => (f['version'] = 7)),
      /edition\.html: its facts are in format version 7, from a newer profile-report; this version reads version 1/,
    ],
    [
      'a profile that breaks the schema',
      bad((f) => ((f['people'] as { profile: { papers: unknown } }[])[0]!.profile.papers = 'many')),
      /edition\.html: its facts do not match the facts format \(people\.0\.profile\.papers: /,
    ],
    ['an unknown key', bad((f) => (f['script'] = '<b>')), /edition\.html: its facts do not match the facts format/],
    [
      'a __proto__ key',
      bad((f) => Object.defineProperty(f, '__proto__', { value: { polluted: true }, enumerable: true })),
      /edition\.html: its facts do not match the facts format/,
    ],
  ])('refuses facts that are %s, naming the file', (_, text, message) => {
    expect(() => parseFacts('edition.html', text)).toThrow(message);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
