import { describe, expect, it } from 'vitest';
import { parseBibtex } from '../../src/import/bibtex.js';
import type { ImportedPaper } from '../../src/import/types.js';
import { fixture, importNew } from './helpers.js';

const source = { title: 'test.bib', publisher: 'BibTeX file' };
const papers = async (text: string): Promise<ImportedPaper[]> =>
  (await parseBibtex('test.bib', text, source, false)).records as ImportedPaper[];

describe('BibTeX', () => {
  it('decodes LaTeX to Unicode: accents, braces, escapes, math left readable', async () => {
    const [paper] = await papers(
      String.raw`@article{k, title = {{\"U}ber caf\'e \& {GPT}-4 with $\alpha$ and $n^2$ --- na\"ive}, author = {M{\"u}ller, J{\'e}r{\^o}me and {\v{S}}imon, Ana}, journal = {J}, year = 2020}`,
    );
    expect(paper?.title).toBe('Über café & GPT-4 with α and n² — naïve');
    expect(paper?.authors).toEqual([
      { given: 'Jérôme', family: 'Müller' },
      { given: 'Ana', family: 'Šimon' },
    ]);
  });

  it("expands @string and resolves crossref (the proceedings title is the paper's venue)", async () => {
    const [child] =
      await papers(`@string{venue = "Proceedings of the 39th International Conference on Machine Learning"}
@inproceedings{child, title = {Child}, author = {Zeng, Yan}, crossref = {proc}}
@proceedings{proc, title = venue, year = 2022}`);
    expect(child?.venue).toBe('Proceedings of the 39th International Conference on Machine Learning');
    expect(child?.year).toBe('2022');
  });

  it('reads arXiv ids from eprint, arXiv URLs and DOIs, DBLP volumes and Scholar journals', async () => {
    const list = await papers(`@misc{a, title={A}, eprint={2111.08276v2}, archivePrefix={arXiv}, primaryClass={cs.CV}}
@article{b, title={B}, journal={CoRR}, volume={abs/2206.00621}}
@article{c, title={C}, journal={arXiv preprint arXiv:2307.02469}}
@misc{d, title={D}, url={https://arxiv.org/abs/2311.10982v1}}
@misc{e, title={E}, doi={10.48550/arXiv.2010.16046}}
@online{f, title={F}, eprinttype={arxiv}, eprint={hep-th/9901001}}`);
    expect(list.map((p) => p.arxiv)).toEqual([
      '2111.08276',
      '2206.00621',
      '2307.02469',
      '2311.10982',
      '2010.16046',
      'hep-th/9901001',
    ]);
  });

  it('names the entry and its line for a syntax error, and reads on past it only with skipBad', async () => {
    const text = '@article{good, title={Good}}\n@article{broken, title={Broken\n@article{after, title={After}}\n';
    const strict = await parseBibtex('test.bib', text, source, false);
    expect(strict.records).toEqual([]);
    expect(strict.problems[0]?.message).toMatch(/BibTeX syntax error in entry `broken`/);
    expect(strict.problems[0]?.line).toBeGreaterThan(0);
    const lenient = await parseBibtex('test.bib', text, source, true);
    expect(lenient.records.map((r) => r.entry)).toEqual(['entry `good`', 'entry `after`']);
  });

  it('reads the BibTeX test inputs of citation-js without a crash: each entry imports or says why not', async () => {
    for (const name of [
      'crossref',
      'string-and-preamble',
      'escaped-characters',
      'math',
      'authors-with-non-ASCII-characters',
      'a-complete-inproceedings',
      'commands',
      'nameparts',
    ]) {
      const result = await importNew('Alice Adams', [[`citation-js-${name}.bib`, fixture(`citation-js-${name}.bib`)]]);
      if (!result.ok) {
        for (const p of result.problems.filter((x) => x.severity === 'error'))
          expect(p.message).toMatch(/^entry `[^`]+`: /);
      }
    }
    const complete = await importNew('Alice Adams', [['c.bib', fixture('citation-js-a-complete-inproceedings.bib')]]);
    expect(complete.ok).toBe(true);
    expect(complete.text).toContain('venue: Dolor Sit Amet');
  });
});
