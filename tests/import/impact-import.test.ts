import { diffLines } from 'diff';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { deriveReport } from '../../src/derive/derive-report.js';
import { importSummaryLines } from '../../src/import/describe-import.js';
import type { ImportResult } from '../../src/import/import-profile.js';
import type { Profile } from '../../src/schema/profile-schema.js';
import { validateProfile } from '../../src/validate/validate-document.js';
import { sampleInputs } from '../helpers/sample-inputs.js';
import { heather, piwowarFile, profileFor, statsFile, withImpact } from './impact-fixtures.js';
import { importInto, today } from './helpers.js';
import { record } from './records/helpers.js';

interface RawAuthor {
  id: string;
  cited_by_count: number;
  summary_stats?: { h_index: number; i10_index: number };
  counts_by_year: { year: number; cited_by_count: number; works_count: number }[];
  updated_date: string;
}
const raw = (file: string): RawAuthor => JSON.parse(record(file)) as RawAuthor;

const importRecord = (profile: string, file: string, text = record(file)): Promise<ImportResult> =>
  importInto(profile, [[file, text]]);

function validated(result: ImportResult): Profile {
  const checked = validateProfile('p.yaml', new TextEncoder().encode(result.text), today);
  expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
  return checked.value!;
}

describe('an OpenAlex author record sets the research footprint', () => {
  it("the imported figures are the file's own: cited_by_count, counts_by_year (oldest first, with works), updated_date", async () => {
    const file = raw(piwowarFile);
    const result = await importRecord(heather, piwowarFile);
    expect(result.ok, JSON.stringify(result.problems)).toBe(true);
    const impact = validated(result).impact!;
    expect(impact.citations).toBe(file.cited_by_count);
    expect(impact.citations).toBe(2691);
    expect(impact.byYear).toEqual(
      [...file.counts_by_year]
        .sort((a, b) => a.year - b.year)
        .map((y) => ({ year: y.year, citations: y.cited_by_count, works: y.works_count })),
    );
    expect(impact.byYear?.[0]).toEqual({ year: 2012, citations: 99, works: 2 });
    expect(impact.byYear?.at(-1)).toEqual({ year: 2022, citations: 52, works: 0 });
    expect(impact.asOf).toBe(file.updated_date);
    // Records saved before 2023 have no summary_stats: no h-index is made up.
    expect(impact.hIndex).toBeUndefined();
    expect(impact.i10Index).toBeUndefined();
    // It cites the source the import adds for the record, as the imported role does.
    const cited = validated(result).sources.find((s) => s.id === impact.source);
    expect(cited).toMatchObject({ publisher: 'OpenAlex', url: file.id.replace(/^http:/, 'https:') });
    expect(validated(result).career[0]?.source).toBe(impact.source);
    // The counts are imported, so they are not named as left out.
    expect(result.leftOut.filter((l) => /citation/.test(l.what))).toEqual([]);
  });

  it('summary_stats give the h-index and i10-index; updated_date keeps its date part', async () => {
    const file = raw(statsFile);
    const result = await importRecord(profileFor('Deleted Author'), statsFile);
    expect(result.ok, JSON.stringify(result.problems)).toBe(true);
    const impact = validated(result).impact!;
    expect(impact).toMatchObject({
      citations: file.cited_by_count,
      hIndex: file.summary_stats!.h_index,
      i10Index: file.summary_stats!.i10_index,
      asOf: '2023-11-09',
    });
    expect(file.updated_date.startsWith('2023-11-09T')).toBe(true);
    // counts_by_year is empty in this record: no empty list is written.
    expect(impact.byYear).toBeUndefined();
  });

  it('a profile without a footprint gets one before `sources`, and nothing the user wrote changes', async () => {
    const result = await importRecord(heather, piwowarFile);
    const removed = diffLines(heather, result.text).filter((part) => part.removed);
    expect(removed).toEqual([]);
    expect(result.text).toMatch(/\n {2}headline: 'Mathematician'\n/);
    expect(result.text).toMatch(
      /\nimpact:\n {2}citations: 2691\n {2}byYear:\n {4}- \{ year: 2012, citations: 99, works: 2 \}\n[\s\S]*\n {2}asOf: 2022-03-09\n {2}source: openalex-a\w+\n\nsources:\n/i,
    );
    expect(result.impact).toMatchObject({ action: 'added', citations: 2691, asOf: '2022-03-09', file: piwowarFile });
    expect(importSummaryLines(result)[0]).toMatch(/^a research footprint, 1 role, 1 source;/);
    expect(importSummaryLines(result)).toContain(`impact: ${piwowarFile}  citations 2691, as of 2022-03-09; added`);
  });

  it('an older footprint is replaced by text (the comment above it stays), and the change is reported', async () => {
    const profile = withImpact('  citations: 800\n  hIndex: 12\n  asOf: 2020-05-20\n  source: scholar');
    const result = await importRecord(profile, piwowarFile);
    expect(result.ok, JSON.stringify(result.problems)).toBe(true);
    const impact = validated(result).impact!;
    expect(impact).toMatchObject({ citations: 2691, asOf: '2022-03-09' });
    // Every figure is the record's: the old h-index, which OpenAlex did not give, is not kept beside them.
    expect(impact.hIndex).toBeUndefined();
    expect(result.text).toContain('# Figures read by hand.\nimpact:\n  citations: 2691\n');
    expect(result.text).not.toContain('citations: 800');
    expect(result.text.match(/^impact:/gm)).toHaveLength(1);
    expect(result.impact).toMatchObject({ action: 'replaced', before: { citations: 800, asOf: '2020-05-20' } });
    expect(importSummaryLines(result)).toContain(
      `impact: citations 800 → 2691, as of 2020-05-20 → 2022-03-09 (from ${piwowarFile})`,
    );
    // Only the footprint and the additions differ from the profile as written.
    const removed = diffLines(profile, result.text)
      .filter((part) => part.removed)
      .map((part) => part.value);
    expect(removed).toEqual(['  citations: 800\n  hIndex: 12\n  asOf: 2020-05-20\n  source: scholar\n']);
  });

  it('a footprint written as a flow mapping, last in a file with no final line break, is replaced too', async () => {
    const profile = `${heather}impact: { citations: 5, asOf: 2019, source: bio }`;
    const result = await importRecord(profile, piwowarFile);
    expect(result.ok, JSON.stringify(result.problems)).toBe(true);
    expect(validated(result).impact).toMatchObject({ citations: 2691, asOf: '2022-03-09' });
    expect(result.text.endsWith('\n')).toBe(false);
    expect(result.text).toMatch(/\nimpact:\n {2}citations: 2691\n[\s\S]*\n {2}source: openalex-a\w+$/i);
    expect(
      diffLines(profile, result.text)
        .filter((part) => part.removed)
        .map((part) => part.value),
    ).toEqual(['impact: { citations: 5, asOf: 2019, source: bio }']);
  });

  it("a footprint as new or newer is kept, and the summary says so (a profile's 2022-03 is not older than 2022-03-09)", async () => {
    for (const asOf of ['2026-11-01', '2022-03-09', '2022-03', '2022']) {
      const profile = withImpact(`  citations: 3000\n  asOf: ${asOf}\n  source: scholar`);
      const result = await importRecord(profile, piwowarFile);
      expect(result.ok, JSON.stringify(result.problems)).toBe(true);
      expect(validated(result).impact, asOf).toMatchObject({ citations: 3000, asOf, source: 'scholar' });
      expect(result.text).toContain(`impact:\n  citations: 3000\n  asOf: ${asOf}\n  source: scholar\n`);
      expect(result.impact).toMatchObject({ action: 'kept', profile: { citations: 3000, asOf } });
      expect(importSummaryLines(result)).toContain(
        `impact: kept the profile's (citations 3000, as of ${asOf}); ${piwowarFile} gives citations 2691 as of 2022-03-09, which is not newer`,
      );
      expect(result.leftOut.filter((l) => /citation/.test(l.what))).toEqual([]);
    }
  });

  it('a record with no updated_date is dated the day of the import', async () => {
    const { updated_date: _gone, ...rest } = raw(piwowarFile);
    const result = await importRecord(heather, 'author.json', JSON.stringify(rest, null, 2));
    expect(result.ok, JSON.stringify(result.problems)).toBe(true);
    expect(validated(result).impact?.asOf).toBe(today);
  });

  it('a figure that is not a count is refused at its place in the file, and nothing is imported', async () => {
    const text = record(piwowarFile).replace('"cited_by_count":2691', '"cited_by_count":"lots"');
    expect(text).not.toBe(record(piwowarFile));
    const result = await importRecord(heather, 'author.json', text);
    expect(result.ok).toBe(false);
    expect(result.text).toBe(heather);
    const error = result.problems.find((p) => p.severity === 'error');
    expect(error).toMatchObject({
      file: 'author.json',
      path: '$.cited_by_count',
      message:
        'the author\'s citation counts are not imported: `cited_by_count` is "lots", not a whole number from 0 to 100,000,000',
    });
    // The record is one line: the column points at the figure.
    expect(error!.line).toBe(1);
    expect(error!.column).toBe(text.indexOf('"lots"') + 1);
    const twice = JSON.stringify({
      ...raw(piwowarFile),
      counts_by_year: [
        { year: 2020, cited_by_count: 1 },
        { year: 2020, cited_by_count: 2 },
      ],
    });
    const again = await importRecord(heather, 'author.json', twice);
    expect(again.ok).toBe(false);
    expect(again.problems.map((p) => p.message)).toContain(
      "the author's citation counts are not imported: `counts_by_year` gives 2020 twice",
    );
  });

  it('a page of several authors gives no footprint, and says why', async () => {
    const one = raw(piwowarFile);
    const page = JSON.stringify({
      meta: {},
      results: [one, { ...one, id: 'https://openalex.org/A2', display_name: 'Someone Else' }],
    });
    const result = await importRecord(heather, 'authors.json', page);
    expect(result.impact).toBeUndefined();
    expect(result.leftOut).toContainEqual(
      expect.objectContaining({ what: 'OpenAlex citation counts and works counts', count: 2 }),
    );
  });

  it('the imported profile validates and a report derives with its footprint (no browser)', async () => {
    const result = await importRecord(heather, piwowarFile);
    const profile = validated(result);
    const { spec, profiles } = sampleInputs();
    const derived = deriveReport(spec, [profile, ...profiles]);
    const footprint = derived.view.papers.footprint;
    expect(footprint).toBeDefined();
    expect(footprint!.rows.find((r) => r.citations === '2,691')).toBeDefined();
    expect(JSON.stringify(footprint!.chart)).toContain('2012');
  });
});

// The yaml parse of a replaced footprint stays a plain mapping (never a string or a list).
it('the written footprint reads back as the mapping the schema expects', async () => {
  const result = await importRecord(profileFor('Deleted Author'), statsFile);
  expect((parse(result.text) as { impact: unknown }).impact).toEqual({
    citations: 0,
    hIndex: 0,
    i10Index: 0,
    asOf: '2023-11-09',
    source: expect.any(String),
  });
});

it('two author records in one import: the newer footprint is written, the older one named as not used', async () => {
  const later = JSON.stringify({ ...raw(piwowarFile), cited_by_count: 2800, updated_date: '2022-06-01' });
  const result = await importInto(heather, [
    [piwowarFile, record(piwowarFile)],
    ['author-later.json', later],
  ]);
  expect(result.ok, JSON.stringify(result.problems)).toBe(true);
  expect(validated(result).impact).toMatchObject({ citations: 2800, asOf: '2022-06-01' });
  expect(importSummaryLines(result)).toContain(
    `impact: ${piwowarFile}  citations 2691, as of 2022-03-09, not used: author-later.json gives newer figures`,
  );
});

it("another person's record gives no footprint: an error at the record, nothing written (with --skip-bad, skipped)", async () => {
  const ada = profileFor('Ada Lovelace');
  const result = await importRecord(ada, piwowarFile);
  expect(result.ok).toBe(false);
  expect(result.text).toBe(ada);
  const message =
    'footprint of author `Heather A. Piwowar`: the record is of Heather A. Piwowar, not Ada Lovelace, so its citation counts are not imported; import the record of Ada Lovelace';
  expect(result.problems).toContainEqual(
    expect.objectContaining({ file: piwowarFile, path: '$.cited_by_count', line: 1, message, severity: 'error' }),
  );
  const skipping = await importInto(ada, [[piwowarFile, record(piwowarFile)]], true);
  expect(skipping.ok).toBe(true);
  expect(skipping.impact).toBeUndefined();
  expect(validated(skipping).impact).toBeUndefined();
  expect(skipping.skipped.map((p) => p.message)).toContain(message);
});

it('a CRLF profile with a byte-order mark keeps both when its footprint is replaced', async () => {
  const profile = `\uFEFF${withImpact('  citations: 800\n  asOf: 2020-05-20\n  source: scholar').replace(/\n/g, '\r\n')}`;
  const result = await importRecord(profile, piwowarFile);
  expect(result.ok, JSON.stringify(result.problems)).toBe(true);
  expect(result.text.startsWith('\uFEFF')).toBe(true);
  expect(result.text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  expect(result.text).toContain('# Figures read by hand.\r\nimpact:\r\n  citations: 2691\r\n');
  expect(validated({ ...result, text: result.text.slice(1) }).impact?.citations).toBe(2691);
});
