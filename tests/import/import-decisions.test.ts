import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { matchAuthor } from '../../src/import/match-author.js';
import { appendToLists } from '../../src/import/splice-yaml.js';
import { shortVenue } from '../../src/import/venue.js';
import { importInto, importNew } from './helpers.js';

const profileWith = (paper: string): string => `person:
  name: Ana Rodríguez
  headline: Cryptographer
  source: s
papers:
${paper}
sources:
  - id: s
    title: A page
`;

const recsi = `  - id: recsi2024
    title: Criptografía post-cuántica en sistemas enbebidos
    year: 2024
    venue: RECSI 2024
    authorship: first
    summary: Lattice schemes on small devices.
    source: s`;

describe("a corrected title is the paper the profile has, and the change is the user's to make", () => {
  it('same BibTeX key and year, one typo fixed: no second paper, the title reported as a conflict', async () => {
    const bib =
      "@inproceedings{recsi2024, title={Criptograf{\\'\\i}a post-cu{\\'a}ntica en sistemas embebidos}, author={Rodr{\\'\\i}guez, Ana}, booktitle={RECSI 2024}, year={2024}}";
    const result = await importInto(profileWith(recsi), [['a.bib', bib]]);
    expect(result.ok).toBe(true);
    expect(result.added.papers).toEqual([]);
    expect(result.text).toBe(profileWith(recsi));
    expect(result.conflicts).toEqual([
      expect.objectContaining({
        field: 'title',
        target: 'papers[0] (recsi2024)',
        profile: 'Criptografía post-cuántica en sistemas enbebidos',
        imported: 'Criptografía post-cuántica en sistemas embebidos',
      }),
    ]);
  });

  it('another key, same year, the title a letter apart: found by the title, reported the same way', async () => {
    const bib =
      '@inproceedings{rodriguez2024cripto, title={Criptografia post-cuantica en sistemas embebidos}, author={Rodriguez, Ana}, booktitle={RECSI 2024}, year={2024}}';
    const result = await importInto(profileWith(recsi), [['b.bib', bib]]);
    expect(result.added.papers).toEqual([]);
    expect(result.conflicts.map((c) => c.field)).toEqual(['title']);
  });

  it('a title a letter apart in another year, or with another number, is another paper', async () => {
    const later =
      '@inproceedings{r25, title={Criptografía post-cuántica en sistemas embebidos}, author={Rodríguez, Ana}, booktitle={RECSI 2026}, year={2026}}';
    expect((await importInto(profileWith(recsi), [['c.bib', later]])).added.papers).toEqual(['r25']);
  });
});

describe('venues are shortened only by an exact name in the table of known venues', () => {
  it.each([
    ['AAAI/ACM Conference on AI, Ethics, and Society', 'AAAI/ACM Conference on AI, Ethics, and Society'],
    [
      '2019 18th IEEE International Conference On Machine Learning And Applications (ICMLA)',
      '2019 18th IEEE International Conference On Machine Learning And Applications (ICMLA)',
    ],
    [
      'International Conference on Computational Linguistics and Intelligent Text Processing',
      'International Conference on Computational Linguistics and Intelligent Text Processing',
    ],
    [
      'Proceedings of the 15th International Joint Conference on Computer Vision, Imaging and Computer Graphics Theory and Applications (VISAPP)',
      'Proceedings of the 15th International Joint Conference on Computer Vision, Imaging and Computer Graphics Theory and Applications (VISAPP)',
    ],
    ['ACM SIGIR Forum', 'ACM SIGIR Forum'],
    ['Proceedings of the 39th International Conference on Machine Learning', 'ICML 2022'],
    ["STOC '22: 54th Annual ACM SIGACT Symposium on Theory of Computing, Rome, Italy, June 20 - 24, 2022", 'STOC 2022'],
    [
      'Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)',
      'ACL 2022',
    ],
    ['Findings of the Association for Computational Linguistics: EMNLP 2023', 'Findings of EMNLP 2022'],
    ['Transactions of the Association for Computational Linguistics', 'TACL'],
  ])('%s', (venue, short) => {
    expect(shortVenue(venue, '2022')).toBe(short);
  });
});

describe('the rest of what an import decides', () => {
  it('"Ala al-Aswani" is "ʿAlāʾ al-Aswānī" (the CSL test suite\'s name): ʿayn, hamza and long vowels do not count', () => {
    expect(matchAuthor({ name: 'Ala al-Aswani' }, [{ given: 'ʿAlāʾ', family: 'al-Aswānī' }])).toMatchObject({
      kind: 'found',
      index: 0,
    });
    expect(matchAuthor({ name: 'ʿAlāʾ al-Aswānī' }, [{ literal: 'Ala Al Aswani' }])).toMatchObject({ kind: 'found' });
    expect(matchAuthor({ name: 'Ala al-Aswani' }, [{ given: 'ʿAlāʾ', family: 'al-Jabrī' }])).toEqual({
      kind: 'absent',
    });
  });

  it('a comment on `papers: []` stays on its line when the list is filled', () => {
    const out = appendToLists('papers: []   # none yet\nsources: []\n', [{ path: ['papers'], items: [{ id: 'p' }] }]);
    expect(out).toBe('papers:   # none yet\n  - id: p\nsources: []\n');
    expect(parse(out)).toEqual({ papers: [{ id: 'p' }], sources: [] });
  });

  it('a new profile from papers alone: a headline from their venues, never a count of this file nor its name, and said', async () => {
    const bib = ['cvpr', 'iccv', 'cvpr2', 'eccv']
      .map(
        (k, i) =>
          `@inproceedings{${k}, title={Paper number ${i + 1} about seeing things}, author={Torralba, Antonio}, booktitle={${k.startsWith('cvpr') ? 'IEEE/CVF Conference on Computer Vision and Pattern Recognition' : k === 'iccv' ? 'IEEE/CVF International Conference on Computer Vision' : 'European Conference on Computer Vision'}}, year={${2019 + i}}}`,
      )
      .join('\n');
    const result = await importNew('Antonio Torralba', [['torralba-papers.bib', bib]]);
    expect(result.ok).toBe(true);
    const headline = parse(result.text).person.headline as string;
    expect(headline).toBe('Author of papers at CVPR, ECCV and ICCV');
    expect(headline).not.toMatch(/torralba-papers|\d/);
    expect(result.problems).toContainEqual(
      expect.objectContaining({
        path: 'person.headline',
        severity: 'warning',
        message: expect.stringContaining('replace it with one line on who the person is'),
      }),
    );
  });

  it('an entry whose authors do not include the person is never theirs, even with --skip-bad', async () => {
    const bib =
      '@article{conv, title={A Conversation with Grace Hopper}, author={Editors, The and Smith, John}, journal={Annals}, year=1980}\n@article{own, title={Her Own Paper on Compilers}, author={Hopper, Grace}, journal={J}, year=1952}';
    const result = await importNew('Grace Hopper', [['h.bib', bib]], true);
    expect(parse(result.text).papers.map((p: { id: string }) => p.id)).toEqual(['own']);
    expect(result.skipped.map((p) => p.message)).toEqual([
      'entry `conv`: Grace Hopper is not among its authors (The Editors, John Smith); is the name written another way?',
    ]);
  });
});

describe('one form for every imported string', () => {
  it('decomposed accents (as some exports write them) are stored composed, and found in names', async () => {
    const csl = JSON.stringify([
      {
        id: 'x',
        type: 'article-journal',
        title: 'Cafe\u0301 au lait',
        'container-title': 'Revue de l\u2019e\u0301te\u0301',
        issued: { 'date-parts': [[2021]] },
        author: [{ family: 'Lo\u0301pez', given: 'Jose\u0301' }],
      },
    ]);
    const result = await importNew('José López', [['d.json', csl]]);
    expect(result.ok).toBe(true);
    const paper = parse(result.text).papers[0];
    expect(paper).toMatchObject({
      title: 'Café au lait',
      venue: 'Revue de l’été',
      authors: 'José López',
      authorship: 'first',
    });
    expect(result.text).toBe(result.text.normalize('NFC'));
  });
});
