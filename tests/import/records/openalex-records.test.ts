import { describe, expect, it } from 'vitest';
import { openAlexAbstract } from '../../../src/import/openalex-abstract.js';
import { importRecords, paper, profileOf, said } from './helpers.js';

describe("Heather A. Piwowar's works as OpenAlex served them in 2022 (host_venue, before primary_location)", () => {
  it('a {meta, results} page: every work is hers, with the venue its host gives, or none', async () => {
    const result = await importRecords('Heather A. Piwowar', ['openalex-piwowar-works-page.json']);
    expect(result.ok).toBe(true);
    expect(result.formats).toEqual([{ file: 'openalex-piwowar-works-page.json', format: 'openalex', records: 25 }]);
    const profile = profileOf(result);
    expect(profile.papers).toHaveLength(23);
    expect(paper(profile, /^The state of OA: a large-scale analysis/)).toMatchObject({
      year: 2018,
      venue: 'PeerJ',
      authorship: 'first',
      url: 'https://doi.org/10.7717/peerj.4375',
    });
    expect(paper(profile, /^The aftermath of Big Deal cancellations/)).toMatchObject({
      year: 2020,
      venue: 'arXiv preprint',
      arxiv: '2009.04287',
      authorship: 'last',
    });
    expect(paper(profile, /^CiteAs: Better Software/)).toMatchObject({
      year: 2021,
      venue: 'conference on computer supported cooperative work',
      authorship: 'co-author',
    });
    expect(paper(profile, /^Data reuse and the open data citation advantage/)).toMatchObject({
      year: 2013,
      venue: 'PeerJ',
      authorship: 'first',
    });
    // No host venue at all: still hers, shown without a venue.
    const noVenue = paper(profile, /^Unpaywall: a beautiful way/);
    expect(noVenue).toMatchObject({ year: 2018, authorship: 'first', url: 'https://openalex.org/W3168937413' });
    expect(noVenue?.venue).toBeUndefined();
  });

  it('the journal article, its arXiv copy and a copy with its title cut short are one paper; the two copies are named as duplicates', async () => {
    const result = await importRecords('Heather A. Piwowar', ['openalex-piwowar-works-page.json']);
    const riding = profileOf(result).papers.filter((p) => p.title.startsWith('Riding the crest of the'));
    expect(riding).toEqual([
      expect.objectContaining({
        title:
          'Riding the crest of the altmetrics wave: How librarians can help prepare faculty for the next generation of research impact metrics',
        year: 2013,
        venue: 'College & Research Libraries News',
        arxiv: '1305.3328',
        url: 'https://doi.org/10.5860/crln.74.6.8960',
      }),
    ]);
    expect(result.duplicates.map((d) => d.entry)).toEqual([
      'work `Riding the crest of the altmetrics wave: How librarians can help prepare faculty for the next generation of research impact metrics`',
      'work `Riding the crest of the`',
    ]);
  });

  it('the same works saved as a plain array (pyalex, diophila) are read as OpenAlex, with or without --format', async () => {
    const page = profileOf(await importRecords('Heather A. Piwowar', ['openalex-piwowar-works-page.json']));
    const detected = await importRecords('Heather A. Piwowar', ['openalex-piwowar-works-array.json']);
    expect(detected.formats[0]?.format).toBe('openalex');
    // The same papers, but for the file each cites and names in its placeholder summary.
    const facts = ({ source: _source, summary: _summary, ...facts }: { source: unknown; summary: unknown }) => facts;
    expect(profileOf(detected).papers.map(facts)).toEqual(page.papers.map(facts));
    const forced = await importRecords('Heather A. Piwowar', ['openalex-piwowar-works-array.json'], {
      format: 'openalex',
    });
    expect(profileOf(forced).papers).toHaveLength(23);
  });

  it('a single work, also with --format openalex', async () => {
    for (const format of [undefined, 'openalex'] as const) {
      const result = await importRecords(
        'Heather A. Piwowar',
        ['openalex-work-by-doi-2022.json'],
        format ? { format } : {},
      );
      expect(result.ok, String(format)).toBe(true);
      expect(profileOf(result).papers[0]).toMatchObject({
        year: 2018,
        venue: 'PeerJ',
        authorship: 'first',
        url: 'https://doi.org/10.7717/peerj.4375',
      });
    }
    const genov = profileOf(await importRecords('Roman Genov', ['openalex-random-work-2022.json']));
    expect(genov.papers[0]).toMatchObject({
      year: 2021,
      venue: 'IEEE Transactions on Biomedical Circuits and Systems',
      authorship: 'last',
    });
    const ligo = profileOf(await importRecords('B. P. Abbott', ['openalex-W-api-response.json']));
    expect(ligo.papers[0]).toMatchObject({
      title: 'GW170104: Observation of a 50-Solar-Mass Binary Black Hole Coalescence at Redshift 0.2',
      year: 2017,
      venue: 'Physical Review Letters',
      authorship: 'first',
    });
  });

  it('an author of 2022: the last known institution is a role without dates, and the counts are its footprint', async () => {
    const result = await importRecords('Heather A. Piwowar', ['openalex-author-by-orcid-2022.json']);
    expect(result.ok).toBe(true);
    const profile = profileOf(result);
    expect(profile.career).toEqual([
      expect.objectContaining({
        organisation: 'Our Research',
        note: "The last institution OpenAlex saw on the author's works, as of 2022-03-09; OpenAlex gives no dates.",
      }),
    ]);
    expect(profile.career[0]?.start).toBeUndefined();
    // The counts are the footprint now, not left out (tests/import/impact-import.test.ts).
    expect(result.leftOut).toEqual([]);
    expect(profile.impact).toMatchObject({ citations: 2691, asOf: '2022-03-09' });
    // A deleted author holds nothing to start a profile from (its footprint, all zero, is no person): said.
    const deleted = await importRecords('Deleted Author', ['openalex-A5317838346.json']);
    expect(deleted.ok).toBe(false);
    expect(deleted.problems.map((p) => p.message)).toEqual([
      'these files hold nothing to start a profile from (no paper, role, degree or distinction)',
    ]);
  });
});

describe('an abstract index with gaps', () => {
  it('gives only the complete sentences before the first gap, never words out of place', () => {
    const full = {
      Despite: [0],
      growing: [1],
      interest: [2],
      in: [3, 7],
      models: [4],
      'the field.': [5],
      Work: [6],
      'progress.': [8],
    };
    expect(openAlexAbstract(full)).toBe('Despite growing interest in models the field. Work in progress.');
    const partial = { Despite: [0], growing: [1], interest: [2], in: [3, 9, 14, 20], 'it.': [5] };
    expect(openAlexAbstract(partial)).toBeUndefined();
    const oneSentence = { We: [0], 'agree.': [1], in: [4, 9] };
    expect(openAlexAbstract(oneSentence)).toBe('We agree.');
  });

  it('a work whose index has gaps gets the placeholder summary, not "in in in in"', async () => {
    const { importNew } = await import('../helpers.js');
    const work = {
      id: 'https://openalex.org/W1',
      title: 'A Study',
      publication_year: 2020,
      authorships: [{ author: { display_name: 'Ann Example' } }],
      abstract_inverted_index: { Despite: [0], growing: [1], interest: [2], in: [3, 9, 14, 20] },
    };
    const result = await importNew('Ann Example', [['w.json', JSON.stringify(work)]]);
    expect(result.text).not.toContain('in in');
    expect(result.text).toContain('summary: Imported from w.json; no summary yet.');
    expect(said(result).some((w) => w.startsWith('person.headline: '))).toBe(true);
  });
});
