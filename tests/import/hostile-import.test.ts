import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { hostilePayloads } from '../helpers/hostile-profile.js';
import { importNew } from './helpers.js';

const bidi = 'Evil \u202Egnp.exe\u202C \u2067name\u2069';

describe('hostile imports end like a hand-written profile', () => {
  it('HTML payloads in a .bib stay text and pass the same validation; bidi controls are refused as in a profile', async () => {
    const titles = [...hostilePayloads('127.0.0.1:9'), bidi];
    const bib = titles
      .map(
        (t, i) =>
          `@article{h${i}, title={${t.replace(/[{}]/g, '')}}, author={Mallory, Eve}, journal={${t.replace(/[{}]/g, '')}}, year=2024}`,
      )
      .join('\n');
    const strict = await importNew('Eve Mallory', [['hostile.bib', bib]]);
    expect(strict.ok).toBe(false);
    expect(
      strict.problems.every(
        (p) => p.path === `h${titles.length - 1}` && p.message.startsWith(`entry \`h${titles.length - 1}\`: `),
      ),
    ).toBe(true);
    const result = await importNew('Eve Mallory', [['hostile.bib', bib]], true);
    expect(result.ok).toBe(true);
    const papers = parse(result.text).papers as { title: string }[];
    expect(papers).toHaveLength(titles.length - 1);
    expect(papers.some((p) => p.title.includes('<script>'))).toBe(true);
    expect(result.skipped.map((p) => p.path)).toContain(`h${titles.length - 1}`);
  });

  it('a huge field or a control character is refused, naming the entry; nothing is imported', async () => {
    const bib = `@article{huge, title={${'A'.repeat(100_000)}}, author={Mallory, Eve}, journal={J}, year=2024}\n@article{ctl, title={Bell \u0007 here}, author={Mallory, Eve}, journal={J}, year=2024}`;
    const result = await importNew('Eve Mallory', [['hostile.bib', bib]]);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.message)).toEqual([
      'entry `huge`: title: the text is too long; the limit is 300 characters',
      'entry `ctl`: title: the text holds a control character (such as NUL or ESC); remove it',
    ]);
  });

  it('the same inside an ORCID record: located by JSON path', async () => {
    const work = (title: string) => ({
      'work-summary': [
        {
          title: { title: { value: title } },
          'journal-title': { value: 'J' },
          'publication-date': { year: { value: '2024' } },
        },
      ],
    });
    const orcid = JSON.stringify(
      {
        'activities-summary': {
          works: { group: [work('<img src=x onerror=alert(1)>'), work(bidi), work('B'.repeat(5000))] },
        },
      },
      null,
      2,
    );
    const result = await importNew('Eve Mallory', [['orcid.json', orcid]]);
    expect(result.ok).toBe(false);
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect([...new Set(errors.map((p) => p.path))]).toEqual([
      '$.activities-summary.works.group[1].work-summary[0]',
      '$.activities-summary.works.group[2].work-summary[0]',
    ]);
    expect(errors.at(-1)?.message).toContain('title: the text is too long');
    expect(errors.every((p) => (p.line ?? 0) > 1)).toBe(true);
    const lenient = await importNew('Eve Mallory', [['orcid.json', orcid]], true);
    expect(parse(lenient.text).papers.map((p: { title: string }) => p.title)).toEqual(['<img src=x onerror=alert(1)>']);
  });
});
