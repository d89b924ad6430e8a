import { describe, expect, it } from 'vitest';
import { importRecords, paper, profileOf, said, skippedMessages } from './helpers.js';

describe('a real public ORCID record (Alberto Accomazzi)', () => {
  it('all three works are papers, venue or not, with their DOIs and arXiv id; none given a venue it does not name', async () => {
    const result = await importRecords('Alberto Accomazzi', ['orcid-accomazzi-record.json']);
    expect(result.ok).toBe(true);
    const profile = profileOf(result);
    expect(profile.papers).toHaveLength(3);
    // A journal article with a DOI and an arXiv id, but no journal title: published where the record does not say.
    const best = paper(profile, 'Best Practices for Data Publication in the Astronomical Literature');
    expect(best).toMatchObject({
      year: 2022,
      arxiv: '2106.01477',
      url: 'https://doi.org/10.3847/1538-4365/ac6268',
      authorship: 'co-author',
    });
    expect(best?.venue).toBeUndefined();
    expect(paper(profile, 'Closing the Loop: Linking Datasets to Publications and Back')).toMatchObject({ year: 2007 });
    expect(paper(profile, /^An approach to heuristic exploitation/)).toMatchObject({
      year: 1989,
      url: 'https://doi.org/10.1007/3-540-51044-3_24',
    });
    expect(profile.papers.every((p) => p.venue === undefined)).toBe(true);
    // ORCID lists no authors: the guess is said for each work, never silent.
    expect(
      said(result).filter((w) =>
        w.includes("Alberto Accomazzi's place among them is unknown; written as co-author: check it"),
      ),
    ).toHaveLength(3);
    expect(profile.sources).toContainEqual(
      expect.objectContaining({
        title: 'ORCID record 0000-0002-4110-3511',
        publisher: 'ORCID',
        url: 'https://orcid.org/0000-0002-4110-3511',
      }),
    );
  });
});

describe("ORCID's own samples (orcid-model, API 3.0)", () => {
  it('a full record: every section goes where the profile has a place, and the rest is named', async () => {
    const result = await importRecords('Three releasecandidate1', ['orcid-record-full-3.0.json']);
    expect(result.ok).toBe(true);
    const profile = profileOf(result);
    expect(profile.career).toEqual([
      expect.objectContaining({
        title: 'role-title',
        organisation: 'common:name',
        start: '1948-02-02',
        end: '1948-02-02',
      }),
    ]);
    expect(profile.education).toEqual([
      expect.objectContaining({ degree: 'role-title', institution: 'common:name', department: 'department-name' }),
    ]);
    expect(profile.person.highlights?.map((h) => h.text)).toEqual([
      'role-title, common:name (1948)',
      'Member, role-title, common:name (1948)',
      'Service, role-title, common:name (1949–1951)',
      'Service, role-title, common:name (1948)',
    ]);
    // The invited position and the qualification repeat the employment and the education word for word.
    expect(result.duplicates.map((d) => d.entry)).toEqual(
      expect.arrayContaining(['invited position `role-title, common:name`', 'qualification `role-title, common:name`']),
    );
    expect(result.leftOut.map((l) => `${l.count} ${l.what}: ${l.why}`)).toEqual([
      '1 ORCID fundings: the profile has no place for grants',
      '1 ORCID peer reviews: the profile has no place for peer reviews',
      '1 ORCID research resources: the profile has no place for research resources',
      '5 ORCID other names: the profile has no place for them',
      '2 ORCID websites: the profile has no place for them',
      '2 ORCID keywords: the profile has no place for them',
      '1 ORCID external identifiers: the profile has no place for them',
      '3 ORCID countries: the profile has no place for them',
    ]);
  });

  it('a single work as /work/{put-code} serves it: its contributors are its authors, its subtitle part of its title', async () => {
    const result = await importRecords('Jordan', ['orcid-work-full-3.0.json']);
    expect(result.formats).toEqual([{ file: 'orcid-work-full-3.0.json', format: 'orcid', records: 1 }]);
    expect(profileOf(result).papers).toEqual([
      expect.objectContaining({
        title: 'Work Title: Work subtitle',
        year: 2022,
        venue: 'Journal title',
        authorship: 'first',
        authors: 'Jordan, Fran',
      }),
    ]);
    const notTheirs = await importRecords('Someone Else', ['orcid-work-full-3.0.json'], { skipBad: true });
    expect(skippedMessages(notTheirs)).toEqual([
      '$: work `Work Title: Work subtitle`: Someone Else is not among its authors (Jordan, Fran); is the name written another way?',
    ]);
  });

  it('bulk works: each work read, those with contributors checked for the person', async () => {
    const result = await importRecords('Rainer Beck', ['orcid-ads-works-bulk.json'], { skipBad: true });
    expect(result.formats[0]?.format).toBe('orcid');
    expect(profileOf(result).papers).toEqual([
      expect.objectContaining({ title: 'Magnetic fields in spiral galaxies', authorship: 'first' }),
    ]);
    expect(skippedMessages(result)).toEqual([
      expect.stringMatching(
        /^\$\.bulk\[1\]\.work: work `<SUP>40<\/SUP>Ar.*Rainer Beck is not among its authors \(Das, J\. P\., Baldwin, S\. L\., Delano, J\. W\.\)/,
      ),
    ]);
    const sample = await importRecords('Jordan', ['orcid-bulk-works-3-works-3.0.json']);
    expect(profileOf(sample).papers.map((p) => [p.title, p.year, p.venue, p.authorship])).toEqual([
      ['Work Title 1: Work 1 subtitle', 2015, 'Journal Title', 'co-author'],
      ['Work Title 2', 2015, 'Journal Title', 'first'],
      ['Work Title 3: Work 3 subtitle', 2015, 'Another journal title', 'co-author'],
    ]);
  });

  it('a single work with no journal (ADS): a paper without a venue, first author by its contributors', async () => {
    const result = await importRecords('Sergey V. Ryazantsev', ['orcid-ads-work-single.json']);
    expect(result.ok).toBe(true);
    const only = profileOf(result).papers[0];
    expect(only).toMatchObject({
      title: 'Experimental determination of the absolute infrared absorption intensities of formyl radical HCO',
      year: 2017,
      authorship: 'first',
      url: 'https://doi.org/10.1016/j.saa.2017.06.018',
    });
    expect(only?.venue).toBeUndefined();
  });

  it('one affiliation on its own: a role, and the file not saying which kind is said', async () => {
    const result = await importRecords('Ann Example', ['orcid-invited-position-3.0.json']);
    expect(result.ok).toBe(true);
    expect(profileOf(result).career).toEqual([
      expect.objectContaining({
        title: 'Role',
        organisation: 'University of Toronto',
        start: '2022-01-01',
        end: '2023-01-01',
        note: 'Department: Department',
      }),
    ]);
    expect(said(result)).toContain(
      '$: affiliation `Role, University of Toronto`: the file does not say which kind of ORCID affiliation this is (employment, invited position…); imported as a role: check it',
    );
  });

  it('a funding on its own: nothing to import, and the funding named as left out', async () => {
    const result = await importRecords('Ann Example', ['orcid-funding-3.0-simple.json']);
    expect(result.ok).toBe(false);
    expect(result.formats[0]?.format).toBe('orcid');
    expect(result.leftOut).toEqual([
      {
        file: 'orcid-funding-3.0-simple.json',
        what: 'ORCID fundings',
        count: 1,
        why: 'the profile has no place for grants',
      },
    ]);
  });
});
