import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { fixture, importNew } from './helpers.js';

describe('ORCID v3.0 (ORCID-Source samples)', () => {
  it('imports works, employments, educations and distinctions with partial dates, citing the record', async () => {
    const result = await importNew('Three releasecandidate1', [
      ['orcid-record-3.0.json', fixture('orcid-record-3.0.json')],
    ]);
    expect(result.ok).toBe(true);
    const profile = parse(result.text);
    expect(profile.career[0]).toMatchObject({
      title: 'role-title',
      organisation: 'common:name',
      start: '1948-02-02',
      end: '1948-02-02',
    });
    expect(profile.education[0]).toMatchObject({
      degree: 'role-title',
      institution: 'common:name',
      department: 'department-name',
    });
    expect(profile.person.highlights[0].text).toBe('role-title, common:name (1948)');
    expect(profile.papers[0]).toMatchObject({
      title: 'Work Title',
      year: 2012,
      venue: 'Jounral Title',
      url: 'https://doi.org/10.1087/20120404',
    });
    const orcid = profile.sources.find((s: { publisher: string }) => s.publisher === 'ORCID');
    expect(orcid).toMatchObject({
      title: 'ORCID record 0000-0002-7319-2192',
      url: 'https://orcid.org/0000-0002-7319-2192',
      date: '2019-06-07',
    });
    // ORCID work summaries carry no authors: said, not silently guessed.
    expect(
      result.problems.some(
        (p) =>
          p.severity === 'warning' &&
          p.path?.startsWith('$.activities-summary.works.group[0]') &&
          /place among them is unknown/.test(p.message),
      ),
    ).toBe(true);
  });

  it('reads one section on its own, and a date with a day but no month is no date', async () => {
    expect((await importNew('Three', [['employment.json', fixture('orcid-employment-3.0.json')]])).ok).toBe(true);
    const broken = fixture('orcid-employment-3.0.json').replace(/"month" : \{\s*"value" : "02"\s*\},/, '');
    const result = await importNew('Three', [['employment.json', broken]]);
    expect(result.ok).toBe(false);
    // The whole entry is left out (and said), never written without its dates.
    expect(result.problems[0]).toMatchObject({
      file: 'employment.json',
      path: expect.stringContaining('employment-summary'),
    });
    expect(result.problems[0]?.line).toBeGreaterThan(1);
    expect(result.problems[0]?.message).toBe(
      'employment `role-title, common:name`: start-date 1948-02 is not a date (expected a year, then optionally a month and a day)',
    );
    const lenient = await importNew('Three', [['employment.json', broken]], true);
    expect(lenient.ok).toBe(false);
    expect(lenient.skipped.map((p) => p.message)).toEqual([result.problems[0]?.message]);
  });
});

describe('OpenAlex (records as the API serves them)', () => {
  it('a single work: title, year, venue, DOI, authors in order', async () => {
    const result = await importNew('Heather A. Piwowar', [['W2741809807.json', fixture('openalex-W2741809807.json')]]);
    expect(result.ok).toBe(true);
    const paper = parse(result.text).papers[0];
    expect(paper).toMatchObject({
      year: 2018,
      venue: 'PeerJ',
      authorship: 'first',
      url: 'https://doi.org/10.7717/peerj.4375',
    });
    expect(paper.title).toMatch(/^The state of OA/);
  });

  it('a {meta, results} page of works, and an author whose affiliations become roles', async () => {
    const work = JSON.parse(fixture('openalex-W2741809807.json'));
    const page = JSON.stringify({ meta: { count: 1, page: 1, per_page: 25 }, results: [work] }, null, 2);
    expect((await importNew('Jason Priem', [['page.json', page]])).ok).toBe(true);
    const author = await importNew('Jason Priem', [['A5023888391.json', fixture('openalex-A5023888391.json')]]);
    expect(author.ok).toBe(true);
    const profile = parse(author.text);
    expect(profile.career.length).toBeGreaterThan(0);
    expect(profile.career[0].organisation).toBeTruthy();
    expect(profile.sources.at(-1)).toMatchObject({ publisher: 'OpenAlex', url: 'https://openalex.org/A5023888391' });
  });
});

describe('JSON Resume (resume-schema sample)', () => {
  it('takes basics, work, education and publications; the label becomes the headline', async () => {
    const result = await importNew('Richard Hendriks', [['sample.resume.json', fixture('sample.resume.json')]]);
    expect(result.ok).toBe(true);
    const profile = parse(result.text);
    expect(profile.person.headline).toBe('Programmer');
    // Résumé editors write December 2013 as 2013-12-01: a month, as the résumé means it.
    expect(profile.career[0]).toMatchObject({
      organisation: 'Pied Piper',
      title: 'CEO/President',
      start: '2013-12',
      end: '2014-12',
    });
    expect(profile.education[0]).toMatchObject({
      institution: 'University of Oklahoma',
      degree: 'Bachelor',
      field: 'Information Technology',
    });
    expect(profile.papers[0]).toMatchObject({
      title: 'Video compression for 3d media',
      venue: 'Hooli',
      year: 2014,
      authorship: 'co-author',
    });
  });
});

describe('CSL-JSON', () => {
  it('maps items, drops CSL rich-text tags and keeps other angle brackets as text', async () => {
    const csl = JSON.stringify([
      {
        id: 'a',
        type: 'paper-conference',
        title: 'On <i>very</i> large <script>x</script> models',
        'container-title': 'Advances in Neural Information Processing Systems',
        issued: { 'date-parts': [[2023, 12]] },
        author: [
          { family: 'Zeng', given: 'Yan' },
          { family: 'Li', given: 'Hang' },
        ],
        DOI: '10.1000/ABC',
      },
    ]);
    const result = await importNew('Zeng Yan', [['items.json', csl]]);
    expect(result.ok).toBe(true);
    const paper = parse(result.text).papers[0];
    expect(paper).toMatchObject({
      title: 'On very large <script>x</script> models',
      venue: 'NeurIPS 2023',
      year: 2023,
      authorship: 'first',
      url: 'https://doi.org/10.1000/abc',
    });
  });
});
