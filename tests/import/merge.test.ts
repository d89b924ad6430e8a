import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { importDiff } from '../../src/import/describe-import.js';
import { appendToLists } from '../../src/import/splice-yaml.js';
import { importInto, minimalProfile, sampleProfile } from './helpers.js';

const bib = (extra = ''): string =>
  `@inproceedings{babbage, title={On the Mathematical Powers of the Calculating Engine}, author={Lovelace, Ada and Babbage, Charles}, booktitle={Proceedings of Something}, year={1937}, doi={10.1000/ENGINE}${extra}}\n`;

describe('merging into a profile', () => {
  it('keeps every byte the user wrote: comments, quoting, key order, blank lines', async () => {
    const result = await importInto(minimalProfile, [['a.bib', bib()]]);
    expect(result.ok).toBe(true);
    const added = result.text.split('\n');
    const kept = minimalProfile.split('\n');
    // Removing the inserted lines gives the original back, line for line.
    let i = 0;
    for (const line of added) if (line === kept[i]) i++;
    expect(i).toBe(kept.length);
    expect(result.text).toContain("  headline: 'Mathematician'");
    expect(result.text).toContain('  name: Ada Lovelace   # as she signed');
    expect(parse(result.text).papers[1]).toMatchObject({
      title: 'On the Mathematical Powers of the Calculating Engine',
      authorship: 'first',
      venue: 'Proceedings of Something',
    });
  });

  it('leaves the sample profile byte for byte as it was when everything is already there', async () => {
    const sample = sampleProfile();
    const bibtex = `@inproceedings{x, title={Multi-Grained Vision Language Pre-Training: Aligning Texts with Visual Concepts}, author={Zeng, Yan and Zhang, Xinsong and Li, Hang}, booktitle={ICML}, year=2022}`;
    const result = await importInto(sample, [['x.bib', bibtex]]);
    expect(result.ok).toBe(true);
    expect(result.text).toBe(sample);
    expect(result.duplicates).toHaveLength(1);
  });

  it('reports a conflict with what the user wrote and does not apply it', async () => {
    const bibtex = `@article{notes, title={Notes on the Analytical Engine}, author={Lovelace, Ada}, journal={Another Journal}, year=1943}`;
    const result = await importInto(minimalProfile, [['n.bib', bibtex]]);
    expect(result.ok).toBe(true);
    expect(result.text).toBe(minimalProfile);
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        field: 'venue',
        profile: "Taylor's Scientific Memoirs",
        imported: 'Another Journal',
        target: 'papers[0] (notes)',
      }),
    ]);
  });

  it('makes one paper of the same paper from BibTeX and from ORCID (same DOI), citing both', async () => {
    const orcid = JSON.stringify({
      'orcid-identifier': { path: '0000-0000-0000-0001' },
      'activities-summary': {
        works: {
          group: [
            {
              'work-summary': [
                {
                  title: { title: { value: 'On the mathematical powers of the calculating engine' } },
                  'publication-date': { year: { value: '1937' } },
                  'journal-title': { value: 'Proceedings of Something' },
                  'external-ids': {
                    'external-id': [{ 'external-id-type': 'doi', 'external-id-value': '10.1000/engine' }],
                  },
                },
              ],
            },
          ],
        },
      },
    });
    const result = await importInto(minimalProfile, [
      ['w.json', orcid],
      ['a.bib', bib()],
    ]);
    expect(result.ok).toBe(true);
    const papers = parse(result.text).papers;
    expect(papers).toHaveLength(2);
    // The .bib knows the authors, so its authorship wins, and no "authorship unknown" warning is left.
    expect(papers[1].authorship).toBe('first');
    expect(papers[1].source).toEqual(['doi-10-1000-engine', 'import-a-bib', 'orcid-0000-0000-0000-0001']);
    expect(result.problems.filter((p) => p.severity === 'warning')).toEqual([]);
  });

  it('adds a missing section in its place, and fills `papers: []`', () => {
    const text = 'person:\n  name: A\n  headline: B\n  source: s\n\n# The sources\nsources:\n  - id: s\n    title: T\n';
    const out = appendToLists(text, [{ path: ['career'], items: [{ organisation: 'X', source: ['s'] }] }]);
    expect(out).toBe(
      'person:\n  name: A\n  headline: B\n  source: s\n\ncareer:\n  - organisation: X\n    source: [s]\n\n# The sources\nsources:\n  - id: s\n    title: T\n',
    );
    const empty = appendToLists('papers: []\nsources: []\n', [{ path: ['papers'], items: [{ id: 'p' }] }]);
    expect(empty).toBe('papers:\n  - id: p\nsources: []\n');
  });

  it('keeps CRLF line ends and a BOM', () => {
    const out = appendToLists('\uFEFFperson:\r\n  name: A\r\nsources:\r\n  - id: s\r\n', [
      { path: ['sources'], items: [{ id: 't' }] },
    ]);
    expect(out).toBe('\uFEFFperson:\r\n  name: A\r\nsources:\r\n  - id: s\r\n  - id: t\r\n');
  });

  it('shows a dry run as a unified diff', async () => {
    const result = await importInto(minimalProfile, [['a.bib', bib()]]);
    const diff = importDiff('p.yaml', result);
    expect(diff).toMatch(/^\+\s+- id: on-the-mathematical-powers|^\+\s+- id: babbage/m);
    expect(diff).toContain('--- p.yaml (now)');
  });
});
