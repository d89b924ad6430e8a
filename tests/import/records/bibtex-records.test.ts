import { describe, expect, it } from 'vitest';
import { importNew } from '../helpers.js';
import { importRecords, importRecordsInto, paper, profileOf, said, skippedMessages } from './helpers.js';

describe('an al-folio papers.bib (Javier Ferrando, 2025)', () => {
  it('every entry is his paper, with the venue, year, arXiv id and his place as the file gives them', async () => {
    const result = await importRecords('Javier Ferrando', ['alfolio-ferrando-2025.bib']);
    expect(result.ok).toBe(true);
    const profile = profileOf(result);
    expect(profile.papers).toHaveLength(14);
    expect(result.duplicates).toEqual([]);
    // "Ferrando*, Javier and Obeso*, Oscar": the asterisks share first place.
    expect(paper(profile, /^Do I Know This Entity\?/)).toMatchObject({
      year: 2025,
      venue: 'ICLR 2025',
      authorship: 'co-first',
      url: 'https://openreview.net/forum?id=WCRQFlji2q',
    });
    expect(paper(profile, /^Do I Know This Entity\?/)?.authors).toBe(
      'Javier Ferrando, Oscar Obeso, Senthooran Rajamanoharan, Neel Nanda',
    );
    expect(paper(profile, /^A Primer on the Inner Workings/)).toMatchObject({
      year: 2024,
      venue: 'arXiv preprint',
      arxiv: '2405.00208',
      authorship: 'first',
    });
    expect(paper(profile, /^Information Flow Routes/)).toMatchObject({
      year: 2024,
      venue: 'EMNLP 2024',
      arxiv: '2403.00824',
      authorship: 'first',
    });
    expect(paper(profile, /^On the Similarity of Circuits/)).toMatchObject({
      venue: 'Findings of EMNLP 2024',
      arxiv: '2410.06496',
    });
    expect(paper(profile, 'Explaining How Transformers Use Context to Build Predictions')).toMatchObject({
      year: 2023,
      venue: 'ACL 2023',
      arxiv: '2305.12535',
    });
    // A student workshop is not its host conference: its name is kept whole.
    expect(paper(profile, 'On the Locality of Attention in Direct Speech Translation')).toMatchObject({
      venue:
        'Proceedings of the 60th Annual Meeting of the Association for Computational Linguistics: Student Research Workshop',
      authorship: 'co-first',
      url: 'https://doi.org/10.18653/v1/2022.acl-srw.32',
    });
    expect(paper(profile, /^Attention Weights in Transformer NMT/)).toMatchObject({
      year: 2021,
      venue: 'Findings of EMNLP 2021',
      authorship: 'first',
    });
    // No DOI field: none is made up from the key or the PDF address.
    const iccs = paper(profile, /^Improving Accuracy and Speeding Up Document Image Classification/);
    expect(iccs).toMatchObject({ year: 2020, venue: 'Computational Science – ICCS 2020', authorship: 'first' });
    expect(iccs?.url).toBeUndefined();
  });

  it('one arXiv DOI copied onto six entries: each keeps its own arXiv id, the DOI is left out, and that is said', async () => {
    const result = await importRecords('Javier Ferrando', ['alfolio-ferrando-2025.bib']);
    const warnings = said(result);
    for (const id of ['2405.00208', '2410.06496', '2403.00824', '2404.07004', '2309.04827']) {
      expect(
        warnings.some((w) =>
          w.includes(
            `its DOI 10.48550/arxiv.2309.02553 names arXiv 2309.02553, but its address names arXiv ${id}: kept the address's, and left the DOI out`,
          ),
        ),
      ).toBe(true);
    }
    const arxivIds = profileOf(result)
      .papers.map((p) => p.arxiv)
      .filter(Boolean);
    expect(new Set(arxivIds).size).toBe(arxivIds.length);
  });

  it('the next version of the same file: two new papers added, the rest recognised, and a venue it changed reported, not applied', async () => {
    const first = await importRecords('Javier Ferrando', ['alfolio-ferrando-2024-06.bib']);
    expect(first.ok).toBe(true);
    expect(profileOf(first).papers).toHaveLength(12);
    expect(paper(profileOf(first), /^Information Flow Routes/)).toMatchObject({ venue: 'arXiv preprint' });
    const second = await importRecordsInto(first.text, ['alfolio-ferrando-2025.bib']);
    expect(second.ok).toBe(true);
    expect(second.added.papers).toHaveLength(2);
    expect(
      profileOf(second)
        .papers.slice(12)
        .map((p) => p.title),
    ).toEqual([
      'Do I Know This Entity? Knowledge Awareness and Hallucinations in Language Models',
      'On the Similarity of Circuits across Languages: a Case Study on the Subject-verb Agreement Task',
    ]);
    expect(second.duplicates).toHaveLength(12);
    expect(second.conflicts).toContainEqual(
      expect.objectContaining({ field: 'venue', profile: 'arXiv preprint', imported: 'EMNLP 2024' }),
    );
    expect(second.text.startsWith(first.text.slice(0, first.text.indexOf('\nsources:')))).toBe(true);
  });
});

describe("dblp's export of one researcher (Nutan Limaye)", () => {
  it('proceedings volumes edited by others are not her papers: each is named with its editors, and none is imported', async () => {
    const strict = await importRecords('Nutan Limaye', ['dblp-limaye-withcrossref.bib']);
    expect(strict.ok).toBe(false);
    expect(said(strict, 'error')).toContain(
      "DBLP:conf/stoc/2024: entry `DBLP:conf/stoc/2024`: the record lists no authors (edited by Bojan Mohar, Igor Shinkar, Ryan O'Donnell), so it is not imported as Nutan Limaye's paper",
    );
    const result = await importRecords('Nutan Limaye', ['dblp-limaye-withcrossref.bib'], { skipBad: true });
    expect(result.ok).toBe(true);
    const skipped = skippedMessages(result);
    expect(skipped).toHaveLength(39);
    expect(skipped.every((s) => /^DBLP:conf\/[\w-]+\/\d{4}[\w-]*: .*the record lists no authors/.test(s))).toBe(true);
    expect(profileOf(result).papers.some((p) => /^Proceedings|Theoretical Informatics$/.test(p.title))).toBe(false);
  });

  it('crossref gives each paper its conference and year; a known conference is shortened, any other kept whole', async () => {
    const profile = profileOf(await importRecords('Nutan Limaye', ['dblp-limaye-withcrossref.bib'], { skipBad: true }));
    expect(profile.papers).toHaveLength(77);
    expect(paper(profile, 'On the Power of Homogeneous Algebraic Formulas')).toMatchObject({
      year: 2024,
      venue: 'STOC 2024',
      authorship: 'co-author',
      url: 'https://doi.org/10.1145/3618260.3649760',
    });
    expect(paper(profile, 'Towards Optimal Depth-Reductions for Algebraic Formulas')).toMatchObject({
      year: 2023,
      venue: 'CCC 2023',
      arxiv: '2302.06984',
    });
    expect(paper(profile, 'On the VNP-Hardness of Some Monomial Symmetric Polynomials')?.venue).toBe(
      '42nd IARCS Annual Conference on Foundations of Software Technology and Theoretical Computer Science, FSTTCS 2022, December 18-20, 2022, IIT Madras, Chennai, India',
    );
    expect(paper(profile, /^Superpolynomial Lower Bounds Against Low-Depth Algebraic Circuits$/)).toBeDefined();
  });

  it("dblp's escaped underscore in every Springer DOI becomes a link that works", async () => {
    const profile = profileOf(await importRecords('Nutan Limaye', ['dblp-limaye-withcrossref.bib'], { skipBad: true }));
    const csr = paper(profile, /^Variants of the Determinant Polynomial and the VP-Completeness/);
    expect(csr?.url).toBe('https://doi.org/10.1007/978-3-030-79416-3_3');
    expect(profile.papers.every((p) => !p.url?.includes('\\') && !p.url?.includes('%5C'))).toBe(true);
    expect(profile.sources.find((s) => s.url === 'https://doi.org/10.1007/978-3-030-79416-3_3')).toBeDefined();
  });

  it('a conference paper and its journal version are two papers; a preprint joins the paper it became', async () => {
    const profile = profileOf(await importRecords('Nutan Limaye', ['dblp-limaye-withcrossref.bib'], { skipBad: true }));
    const superpoly = profile.papers.filter(
      (p) => p.title === 'Superpolynomial Lower Bounds Against Low-Depth Algebraic Circuits',
    );
    expect(superpoly.map((p) => [p.year, p.venue]).sort()).toEqual([
      [2021, 'FOCS 2021'],
      [2024, 'Commun. ACM'],
    ]);
    // The CoRR preprint of the STOC 2024 paper gives it its arXiv id and no paper of its own.
    expect(paper(profile, /^Functional Lower Bounds in Algebraic Proofs/)).toMatchObject({
      venue: 'STOC 2024',
      arxiv: '2412.20114',
    });
    expect(
      profile.papers.filter((p) => p.title.startsWith('Functional Lower Bounds in Algebraic Proofs')),
    ).toHaveLength(1);
  });

  it('LaTeX in a title is decoded, never turned into the word "undefined"', async () => {
    const profile = profileOf(await importRecords('Nutan Limaye', ['dblp-limaye-withcrossref.bib'], { skipBad: true }));
    expect(profile.papers.filter((p) => /undefined/.test(p.title))).toEqual([]);
    expect(paper(profile, /^A Fixed-Depth Size-Hierarchy Theorem for/)?.title).toBe(
      'A Fixed-Depth Size-Hierarchy Theorem for $\\mathrm{AC}^0[\\oplus]$ via the Coin Problem',
    );
  });

  it('the standard export (editors inline, no crossref) gives the same papers', async () => {
    const standard = profileOf(await importRecords('Nutan Limaye', ['dblp-limaye-standard.bib']));
    const crossref = profileOf(
      await importRecords('Nutan Limaye', ['dblp-limaye-withcrossref.bib'], { skipBad: true }),
    );
    const facts = (p: { title: string; year: number; venue?: string | undefined; url?: string | undefined }) =>
      `${p.title}|${p.year}|${p.venue ?? ''}|${p.url ?? ''}`;
    expect(standard.papers.map(facts).sort()).toEqual(crossref.papers.map(facts).sort());
    // Both at once: one paper each, cited by both files.
    const both = await importRecords('Nutan Limaye', ['dblp-limaye-standard.bib', 'dblp-limaye-withcrossref.bib'], {
      skipBad: true,
    });
    expect(profileOf(both).papers).toHaveLength(77);
  });
});

describe('a dblp record of a Spanish name (Carlos Gómez-Rodríguez)', () => {
  it("{\\'{\\i}} is the precomposed í: the author is found, and the name is stored as one would type it", async () => {
    for (const name of ['Carlos Gómez-Rodríguez', 'Carlos Gomez-Rodriguez', 'Gómez-Rodríguez, Carlos']) {
      const result = await importRecords(name, ['dblp-KuriyozovMAG19.bib']);
      expect(result.ok, name).toBe(true);
      expect(profileOf(result).papers[0]).toMatchObject({ authorship: 'last', year: 2019 });
    }
    const profile = profileOf(await importRecords('Carlos Gómez-Rodríguez', ['dblp-KuriyozovMAG19.bib']));
    const p = profile.papers[0]!;
    expect(p.authors).toBe('Elmurod Kuriyozov, Sanatbek Matlatipov, Miguel A. Alonso, Carlos Gómez-Rodríguez');
    expect(p.authors?.includes('\u0131')).toBe(false);
    expect(p.authors).toBe(p.authors?.normalize('NFC'));
    expect(p.url).toBe('https://doi.org/10.1007/978-3-031-05328-3_15');
    expect(p.title).toBe(
      'Construction and Evaluation of Sentiment Datasets for Low-Resource Languages: The Case of Uzbek',
    );
  });

  it("Google Scholar's {\\'\\i} too, in titles and venues", async () => {
    const bib =
      "@inproceedings{recsi2024, title={Criptograf{\\'\\i}a post-cu{\\'a}ntica en sistemas embebidos}, author={Rodr{\\'\\i}guez, Ana and P{\\'e}rez, Luis}, booktitle={Actas de la XVIII Reuni{\\'o}n Espa{\\~n}ola sobre Criptolog{\\'\\i}a y Seguridad de la Informaci{\\'o}n}, year={2024}}";
    const result = await importNew('Ana Rodríguez', [['scholar.bib', bib]]);
    expect(result.ok).toBe(true);
    expect(result.text).toContain('Criptografía post-cuántica en sistemas embebidos');
    expect(result.text).toContain('Reunión Española sobre Criptología y Seguridad de la Información');
    expect(result.text).not.toContain('\u0131');
  });
});
