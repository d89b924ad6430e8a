import { describe, expect, it } from 'vitest';
import { SourceIndex } from '../../src/derive/source-index.js';
import type { Profile, Source } from '../../src/schema/profile-schema.js';
import { sampleInputs } from '../helpers/sample-inputs.js';

/** The sample's profiles with their sources replaced, one list per profile. */
function withSources(...lists: Source[][]): Profile[] {
  const [a, b] = sampleInputs().profiles;
  return lists.map((sources, i) => ({ ...(i === 0 ? a! : b!), sources }));
}

const label = (n: number): string => `source ${n}`;

describe('SourceIndex', () => {
  it('keeps two pages of one site, cited under their own titles, as two sources', () => {
    const index = new SourceIndex(
      withSources(
        [{ id: 'record', title: 'Profile of A', date: '2026-01-15', url: 'https://example.org/record' }],
        [{ id: 'record', title: 'Profile of B', date: '2026-01-15', url: 'https://example.org/record' }],
      ),
      label,
    );
    expect(index.list().map((s) => s.source.title)).toEqual(['Profile of A', 'Profile of B']);
    expect(index.links(0, 'record')[0]!.number).toBe(1);
    expect(index.links(1, 'record')[0]!.number).toBe(2);
  });

  it('keeps one URL with two dates (two editions) as two sources', () => {
    const index = new SourceIndex(
      withSources(
        [{ id: 's', title: 'Report', date: '2025', url: 'https://example.org/r' }],
        [{ id: 's', title: 'Report', date: '2026', url: 'https://example.org/r' }],
      ),
      label,
    );
    expect(index.list()).toHaveLength(2);
  });

  it('merges the same source cited by two profiles under different ids, whatever its note says', () => {
    const article = { title: 'An article', publisher: 'A paper', date: '2026-03-24', url: 'https://example.org/a' };
    const index = new SourceIndex(
      withSources([{ id: 'article', ...article, note: 'Read in print.' }], [{ id: 'press', ...article }]),
      label,
    );
    expect(index.list()).toHaveLength(1);
    expect(index.list()[0]!.people).toEqual([0, 1]);
    expect(index.links(1, 'press')).toEqual([{ number: 1, href: '#source-1', label: 'source 1' }]);
  });
});
