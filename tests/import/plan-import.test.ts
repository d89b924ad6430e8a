import { describe, expect, it } from 'vitest';
import { mapRecord } from '../../src/import/map-records.js';
import { nearlySameTitle } from '../../src/import/paper-index.js';
import { planImport } from '../../src/import/plan-import.js';
import type { SourcedDraft } from '../../src/import/import-plan.js';
import type { ImportedPaper } from '../../src/import/types.js';
import { normaliseTitle } from '../../src/import/identifiers.js';

function drafts(n: number): SourcedDraft[] {
  return Array.from({ length: n }, (_, i) => {
    const record: ImportedPaper = {
      kind: 'paper',
      entry: `item ${i}`,
      at: { line: i + 1, column: 1, path: `$[${i}]` },
      title: `A study of thing number ${i} in depth`,
      year: String(2000 + (i % 20)),
      venue: 'Journal of Things',
      authors: [
        { given: 'Yan', family: 'Zeng' },
        { given: 'Other', family: `P${i}` },
      ],
      doi: `10.1000/x${i}`,
    };
    const { draft } = mapRecord(record, 'f.json', { name: 'Zeng Yan' });
    return { draft: draft!, file: 'f.json', fileSource: { title: 'f.json', publisher: 'CSL-JSON file' }, warnings: [] };
  });
}

const empty = { papers: [], career: [], education: [], sources: [], person: {} };

describe('planning an import is linear in its size', () => {
  // Before: every paper was compared with every other (8,000 took 244 s, 16,000 over 15 min);
  // now each is looked up by its keys. The timeout is the test: quadratic planning cannot meet it.
  it('16,000 papers (more than any file may hold) are planned in seconds, each once, each with its own DOI source', () => {
    const plan = planImport(empty, drafts(16_000), '2026-01-01');
    expect(plan.papers).toHaveLength(16_000);
    expect(plan.sources).toHaveLength(16_001);
    expect(new Set(plan.papers.map((p) => p.id)).size).toBe(16_000);
  }, 60_000);
});

describe('nearly the same title', () => {
  it('a typo fixed or a word changed is the same title; another number is another paper', () => {
    const t = (s: string) => normaliseTitle(s);
    expect(
      nearlySameTitle(
        t('Criptografía post-cuántica en sistemas enbebidos'),
        t('Criptografía post-cuántica en sistemas embebidos'),
      ),
    ).toBe(true);
    expect(nearlySameTitle(t('Learning to see in the dark, part 1'), t('Learning to see in the dark, part 2'))).toBe(
      false,
    );
    expect(
      nearlySameTitle(
        t('Scaling laws for neural language models'),
        t('Scaling laws for autoregressive generative modeling'),
      ),
    ).toBe(false);
    expect(nearlySameTitle(t('Short'), t('Shorn'))).toBe(false);
  });
});
