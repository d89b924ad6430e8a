import { localiseProfile } from '../../src/schema/localise-profile.js';
import { profileSchema } from '../../src/schema/profile-schema.js';
import type { Profile } from '../../src/schema/profile-schema.js';
import { generatedProfile } from './generate-profiles.js';

/**
 * Fictional profiles in the shapes that break charts: two papers in one year, 45 in one year,
 * eight people, nobody with anything to draw, dates at the edges of time, balance positions at
 * the ends of the scale, and text at the edges of scripts, lengths and magnitudes.
 */
const source = [{ id: 's', title: 'Fictional, for tests' }];
const person = (name: string): Profile['person'] => ({ name, headline: 'Fictional', source: 's' });
let papers = 0;
const paper = (shortName: string, year: number, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: `p${++papers}`,
  title: `Paper ${shortName}`.slice(0, 300),
  shortName,
  year,
  venue: `Venue ${year}`,
  authorship: 'first',
  summary: 'Fictional.',
  source: 's',
  ...extra,
});

function profile(value: Record<string, unknown>): Profile {
  return localiseProfile(profileSchema.parse({ sources: source, ...value }), 'en').profile;
}

/** A shape whose papers are numbered from 1 each time it is built. */
function numberedFromOne(build: () => Profile[]): () => Profile[] {
  return () => {
    papers = 0;
    return build();
  };
}

export const chartShapes: Readonly<Record<string, () => Profile[]>> = {
  // Each shape numbers its papers from 1, so golden files do not depend on the order of tests.
  'same-year-papers': numberedFromOne(() => [
    profile({
      person: person('Ada Same'),
      papers: [paper('QuillMoE', 2023), paper('Quill-2', 2023), paper('Lone', 2021)],
    }),
    profile({ person: person('Bo Other'), papers: [paper('Twin-A', 2022), paper('Twin-B', 2022)] }),
  ]),
  '45-papers-in-a-year': numberedFromOne(() => [
    profile({
      person: person('Cy Prolific'),
      papers: Array.from({ length: 45 }, (_, i) => paper(`P${i + 1}`, 2024)),
    }),
    profile({ person: person('Di Sparse'), papers: [paper('Only', 2020)] }),
  ]),
  'eight-people': () =>
    Array.from(
      { length: 8 },
      (_, i) =>
        localiseProfile(profileSchema.parse(generatedProfile(i, { papers: 6, models: 1, career: 2 })), 'en').profile,
    ),
  'empty-profiles': () => [profile({ person: person('Ed Empty') }), profile({ person: person('Fay Blank') })],
  'edge-dates': numberedFromOne(() => [
    profile({
      person: person('Gus Edges'),
      career: [
        { title: 'Forever', organisation: 'Lab', start: '0000-01-01', end: '9999-12-31', source: 's' },
        { title: 'One year', organisation: 'Lab', start: '2021', end: '2021', source: 's' },
      ],
      papers: [paper('Eve', 1999, { date: '1999-12-31' }), paper('Recent', 2012)],
    }),
    profile({
      person: person('Hal Normal'),
      career: [{ title: 'Engineer', organisation: 'Firm', start: '2005', end: '2015', source: 's' }],
    }),
  ]),
  'positions-0-and-100': () =>
    ['Ivy Zero', 'Jon Hundred', 'Kai Middle'].map((name, i) =>
      profile({
        person: person(name),
        balance: [
          {
            tradeoff: 'Speed vs care',
            poles: ['Speed', 'Care'],
            position: [0, 100, 50][i],
            evidence: [{ text: 'Fictional.', source: 's' }],
          },
        ],
      }),
    ),
  'world-text': numberedFromOne(() => [
    profile({
      person: person('ليلى حداد'),
      models: [
        {
          id: 'm',
          name: 'نموذج-٣',
          organisation: 'Lab',
          role: 'Lead',
          metrics: [
            { label: 'Tiny', value: 0.0001, unit: 's', baseline: { name: 'Old', value: 0.000001 }, source: 's' },
            { label: 'Huge', value: 1e15, unit: 'FLOPs', baseline: { name: 'Older', value: 1e300 }, source: 's' },
          ],
          source: 's',
        },
      ],
      balance: [
        {
          tradeoff: 'Theory vs practice',
          poles: ['תיאוריה', 'יישום'],
          position: 70,
          evidence: [{ text: 'Fictional.', source: 's' }],
        },
      ],
      papers: [paper('x'.repeat(300), 2020)],
    }),
    profile({
      person: person(`Long${'o'.repeat(296)}`),
      papers: [paper('Short', 2021, { venue: `V${'e'.repeat(299)}` })],
    }),
  ]),
};
