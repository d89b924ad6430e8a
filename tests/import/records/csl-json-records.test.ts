import { describe, expect, it } from 'vitest';
import { importRecords, paper, profileOf, said, skippedMessages } from './helpers.js';

// CSL-JSON as Manubot writes it for its citations, from Crossref, DataCite, PubMed, arXiv and Greycite.
describe('Manubot CSL-JSON (Daniel S. Himmelstein)', () => {
  const files = [
    'manubot-crossref-deep-review.json',
    'manubot-datacite-thesis.json',
    'manubot-pubmed-scihub-study.json',
    'manubot-greycite-meta-review.json',
    'manubot-input-bibliography.json',
  ];

  it('his works from five sources, with his place among the authors, and items by other people refused by name', async () => {
    const strict = await importRecords('Daniel S. Himmelstein', files);
    expect(strict.ok).toBe(false);
    expect(said(strict, 'error')).toEqual([
      '$[0]: item `s33GCagP`: Daniel S. Himmelstein is not among its authors (Trang T. Le, Zach Osman, D. K. Watson, Martin Dunn, B. A. McKinney); is the name written another way?',
      '$[1]: item `5thZNGfr`: Daniel S. Himmelstein is not among its authors (Michael L. Smith); is the name written another way?',
    ]);
    const result = await importRecords('Daniel S. Himmelstein', files, { skipBad: true });
    expect(result.ok).toBe(true);
    expect(skippedMessages(result)).toHaveLength(2);
    const profile = profileOf(result);
    expect(profile.papers).toHaveLength(4);
    // Second of 36 authors; the same article from PubMed in another file is the same paper.
    expect(paper(profile, /^Opportunities and obstacles for deep learning/)).toMatchObject({
      year: 2018,
      venue: 'Journal of The Royal Society Interface',
      authorship: 'co-author',
      url: 'https://doi.org/10.1098/rsif.2017.0387',
    });
    expect(result.duplicates).toEqual([
      expect.objectContaining({ file: 'manubot-input-bibliography.json', entry: 'item `299ObJlC`' }),
    ]);
    expect(paper(profile, /^The hetnet awakens/)).toMatchObject({
      year: 2017,
      venue: 'Figshare',
      authorship: 'first',
      url: 'https://doi.org/10.6084/m9.figshare.4724797',
    });
    expect(paper(profile, /^Sci-Hub provides access/)).toMatchObject({
      year: 2018,
      venue: 'eLife',
      authorship: 'first',
      url: 'https://doi.org/10.7554/elife.32822',
    });
    // A manuscript on the web names no venue: it is still his paper, shown without one.
    const web = paper(profile, 'Open collaborative writing with Manubot');
    expect(web).toMatchObject({ year: 2018, authorship: 'first', url: 'https://greenelab.github.io/meta-review/' });
    expect(web?.venue).toBeUndefined();
  });

  it('an arXiv report later published: its arXiv id and the published DOI are both kept', async () => {
    const result = await importRecords('Daniel S. Katz', ['manubot-arxiv-joss.json']);
    expect(result.ok).toBe(true);
    expect(profileOf(result).papers[0]).toMatchObject({
      title: 'Journal of Open Source Software (JOSS): design and first-year review',
      year: 2017,
      venue: 'arXiv preprint',
      arxiv: '1707.02264',
      url: 'https://doi.org/10.7717/peerj-cs.147',
      authorship: 'co-author',
    });
    expect(profileOf(result).papers[0]?.summary).toBe(
      'This article describes the motivation, design, and progress of the Journal of Open Source Software (JOSS).',
    );
  });

  it('a name in capitals (Crossref, 1962) is still the person; an item with no date is named, not guessed', async () => {
    const winter = await importRecords('George D. Winter', ['manubot-crossref-winter-scabs.json']);
    expect(profileOf(winter).papers[0]).toMatchObject({
      year: 1962,
      venue: 'Nature',
      authorship: 'first',
      authors: 'GEORGE D. WINTER',
    });
    const undated = await importRecords('Alberto Pepe', ['manubot-empty-date-parts.json'], { skipBad: true });
    expect(undated.ok).toBe(false);
    expect(skippedMessages(undated)).toEqual(['$[0]: item `WDvu1SAV`: has no year']);
  });
});
