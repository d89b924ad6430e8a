import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';

/**
 * Fictional profiles of any size, the same every time (a seeded generator), for scale tests and
 * the benchmark. Nothing here describes a real person.
 */
export interface ProfileSize {
  readonly papers: number;
  readonly models: number;
  readonly career: number;
}

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    // xorshift32
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

const venues = [
  'ICML',
  'NeurIPS',
  'ICLR',
  'CVPR',
  'ACL',
  'EMNLP',
  'NAACL',
  'AAAI',
  'IJCAI',
  'KDD',
  'ECCV',
  'ICCV',
  'SIGIR',
  'WWW',
  'COLING',
  'TPAMI',
  'JMLR',
  'arXiv preprint',
];
const given = ['Mira', 'Tomas', 'Aiko', 'Lena', 'Ravi', 'Sofia', 'Jun', 'Noor', 'Elias', 'Wen'];
const family = ['Castell', 'Okafor', 'Tanabe', 'Lindqvist', 'Mehta', 'Rossi', 'Park', 'Haddad', 'Varga', 'Zhou'];
const native = ['米拉', '托马斯', '田辺 愛子', '莉娜', '拉维', '索菲亚', '俊', '努尔', '埃利亚斯', '文'];

export function generatedProfile(index: number, size: ProfileSize): Record<string, unknown> {
  const rnd = random(1000 + index);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const name = `${given[index % given.length]} ${family[(index * 3) % family.length]}`;
  const firstYear = 2004 + (index % 6);
  const career = Array.from({ length: size.career }, (_, i) => {
    const start = firstYear + Math.floor((i * 15) / Math.max(1, size.career));
    return {
      title: `Role ${i + 1}`,
      organisation: `Example Lab ${(i % 7) + 1}`,
      start: `${start}-${String((i % 12) + 1).padStart(2, '0')}`,
      ...(i === size.career - 1 ? { end: 'present' } : { end: String(start + 1) }),
      source: 'generated',
    };
  });
  const papers = Array.from({ length: size.papers }, (_, i) => {
    const year = firstYear + Math.floor(rnd() * 15);
    return {
      id: `paper-${i + 1}`,
      title: `A Fictional Study Number ${i + 1} of Learning Systems at Scale`,
      shortName: `P${i + 1}`,
      year,
      venue: `${pick(venues)} ${year}`,
      authorship: pick(['first', 'co-author', 'last', 'co-first'] as const),
      summary: `Generated paper ${i + 1}: one line on what it does, long enough to wrap in a narrow column.`,
      source: 'generated',
    };
  });
  const models = Array.from({ length: size.models }, (_, i) => ({
    id: `model-${i + 1}`,
    name: `Model ${index + 1}.${i + 1}`,
    organisation: `Example Lab ${(i % 7) + 1}`,
    released: `${firstYear + Math.floor(rnd() * 15)}-${String((i % 12) + 1).padStart(2, '0')}`,
    role: pick(['Lead', 'Contributor', 'Head of pre-training']),
    innovations: ['A fictional improvement.', 'Another fictional improvement.'],
    metrics: [
      { label: 'Total parameters', value: Math.round(rnd() * 500), unit: 'B', source: 'generated' },
      {
        label: 'Inference cost',
        value: Math.round(rnd() * 90) + 5,
        unit: '% of the previous model',
        baseline: { name: 'Previous model', value: 100 },
        better: 'lower',
        source: 'generated',
      },
    ],
    source: 'generated',
  }));
  return {
    person: {
      name,
      nativeName: native[index % native.length],
      birthYear: 1975 + index,
      headline: `Fictional researcher number ${index + 1}`,
      currentRole: 'Principal scientist',
      source: 'generated',
    },
    education: [
      {
        degree: 'PhD',
        field: 'Computer science',
        institution: `Example University ${index + 1}`,
        start: String(firstYear - 5),
        end: String(firstYear),
        source: 'generated',
      },
    ],
    career,
    papers,
    models,
    balance: [
      {
        tradeoff: index % 2 ? 'Performance vs cost' : 'Speed vs quality',
        poles: index % 2 ? ['Performance', 'Cost'] : ['Speed', 'Quality'],
        position: Math.round(rnd() * 100),
        evidence: [{ text: 'A fictional piece of evidence.', source: 'generated' }],
      },
    ],
    sources: [{ id: 'generated', title: 'Generated for tests and benchmarks', note: 'Fictional.' }],
  };
}

/** Writes `people` generated profiles and a report spec under `dir`; returns the spec's path. */
export async function writeGeneratedProject(
  dir: string,
  people: number,
  size: ProfileSize,
  name = 'report',
): Promise<string> {
  await mkdir(path.join(dir, 'data', 'profiles'), { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < people; i++) {
    const file = `profiles/person-${i + 1}.yaml`;
    await writeFile(path.join(dir, 'data', file), stringify(generatedProfile(i, size), { lineWidth: 0 }));
    files.push(file);
  }
  const spec = path.join(dir, 'data', `${name}.yaml`);
  await writeFile(
    spec,
    stringify({
      title: `Generated comparison of ${people} people`,
      author: 'profile-report tests',
      profiles: files,
      buildDate: '2026-11-23',
      output: { dir: '../out', name },
    }),
  );
  return spec;
}
