import { describe, expect, it } from 'vitest';
import { importDiff, importSummaryLines } from '../../../src/import/describe-import.js';
import { importRecords, paper, profileOf, said } from './helpers.js';

describe('the JSON Resume sample (resume-schema)', () => {
  it('work, education, awards and publications are imported; a date on the 1st is the month the résumé means', async () => {
    const result = await importRecords('Richard Hendriks', ['jsonresume-sample.resume.json']);
    expect(result.ok).toBe(true);
    const profile = profileOf(result);
    expect(profile.person.headline).toBe('Programmer');
    expect(profile.career).toEqual([
      expect.objectContaining({ organisation: 'Pied Piper', title: 'CEO/President', start: '2013-12', end: '2014-12' }),
    ]);
    expect(profile.education).toEqual([
      expect.objectContaining({
        degree: 'Bachelor',
        field: 'Information Technology',
        institution: 'University of Oklahoma',
        start: '2011-06',
        end: '2014-01',
      }),
    ]);
    expect(profile.person.highlights?.map((h) => h.text)).toEqual([
      'Digital Compression Pioneer Award, Techcrunch (2014)',
    ]);
    expect(paper(profile, 'Video compression for 3d media')).toMatchObject({
      year: 2014,
      venue: 'Hooli',
      authorship: 'co-author',
    });
    expect(said(result)).toContain(
      "$.publications[0]: publication `Video compression for 3d media`: the record lists no authors, so Richard Hendriks's place among them is unknown; written as co-author: check it",
    );
  });

  it('everything it holds that the profile has no place for is named, in the summary and in the result', async () => {
    const result = await importRecords('Richard Hendriks', ['jsonresume-sample.resume.json']);
    expect(result.leftOut.map((l) => `${l.count} ${l.what}`)).toEqual([
      '3 JSON Resume work highlights',
      '2 JSON Resume courses',
      '1 JSON Resume grades (score)',
      '1 JSON Resume volunteer',
      '1 JSON Resume projects',
      '2 JSON Resume skills',
      '1 JSON Resume languages',
      '1 JSON Resume interests',
      '1 JSON Resume references',
      '1 JSON Resume summary (basics.summary)',
      '2 JSON Resume profiles (basics.profiles)',
    ]);
    const lines = importSummaryLines(result);
    expect(lines[0]).toBe(
      '1 paper, 1 role, 1 degree, 1 distinction, 1 source; 0 duplicates left as they were; 0 conflicts; 0 entries skipped; 11 kinds of fact left out.',
    );
    expect(lines).toContain(
      'left out: jsonresume-sample.resume.json  2 JSON Resume skills: the profile has no place for skills',
    );
    // Left out means left out: a highlight is not slipped in somewhere else.
    expect(importDiff('new.yaml', result)).not.toContain('Successfully won Techcrunch Disrupt');
  });
});

describe('a real résumé (5c077m4n/cv)', () => {
  it('one education with an empty studyType is left out and named; the rest is imported, without --skip-bad', async () => {
    const result = await importRecords('Roee Shapira', ['jsonresume-5c077m4n.json']);
    expect(result.ok).toBe(true);
    const profile = profileOf(result);
    expect(profile.person.headline).toBe('Full Stack Developer');
    // Real days (the 30th) stay days; a job without an end date is the current one.
    expect(profile.career).toEqual([
      expect.objectContaining({
        organisation: 'Gong.io',
        title: 'Front End Developer',
        start: '2019-04-30',
        end: 'present',
      }),
      expect.objectContaining({
        organisation: 'NGSoft',
        title: 'Full Stack Developer',
        start: '2018-10-30',
        end: '2019-04-29',
      }),
    ]);
    expect(profile.education).toEqual([
      expect.objectContaining({
        degree: 'BSc.',
        field: 'Chemical Eng.',
        institution: 'Technion - Israel Institute of Technology',
        start: '2015-10-12',
        end: '2017-10-12',
      }),
    ]);
    expect(result.leftOut).toContainEqual({
      file: 'jsonresume-5c077m4n.json',
      what: 'JSON Resume education `John Bryce, Full Stack Development`',
      count: 1,
      why: "it names no degree (studyType is empty), and a profile's education needs one: add it by hand",
    });
    expect(result.leftOut.map((l) => l.what)).toEqual(
      expect.arrayContaining(['JSON Resume skills', 'JSON Resume languages', 'JSON Resume work highlights']),
    );
    expect(profile.papers.map((p) => [p.title, p.venue, p.year])).toEqual([
      ['Http Responder', 'NPM', 2018],
      ['Await Fn', 'NPM', 2018],
      ['pkgplay', 'NPM', 2019],
    ]);
  });
});
