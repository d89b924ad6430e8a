import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import { generatedProfile } from './generate-profiles.js';

/**
 * Fictional people whose names and work are written in the world's scripts, for font and chart
 * tests and for looking at the result. Nothing here describes a real person.
 */
export const worldPeople = [
  { name: 'Łukasz Nguyễn', nativeName: 'Łukasz Nguyễn', paper: 'Ngôn ngữ và thị giác', model: 'Ωmega-Модель' },
  { name: 'Priya Sharma', nativeName: 'प्रिया शर्मा', paper: 'भाषा मॉडल का अध्ययन', model: 'সূর্য-১' },
  { name: 'Somchai Wongsakul', nativeName: 'สมชาย วงศ์สกุล', paper: 'การเรียนรู้ของเครื่อง', model: 'தமிழ்-2' },
  { name: 'Layla Haddad', nativeName: 'ليلى حداد', paper: 'النموذج السابق', model: 'نموذج-٣' },
  { name: 'Noa Cohen', nativeName: 'נועה כהן', paper: 'תיאוריה ויישום', model: 'מודל 7' },
  { name: 'Kim Ji-woo', nativeName: '김지우', paper: '한국어 언어 모델', model: '바람 2' },
  { name: 'Yamada Hanako', nativeName: '山田花子', paper: 'ひらがなと漢字の学習', model: '桜 1.0' },
  { name: 'Chen Wei-ting 🚀', nativeName: '陳瑋婷', paper: '語言與視覺 🤖', model: '臺灣-1' },
] as const;

export function worldProfile(index: number): Record<string, unknown> {
  const base = generatedProfile(index, { papers: 3, models: 1, career: 2 }) as {
    person: Record<string, unknown>;
    papers: Record<string, unknown>[];
    models: Record<string, unknown>[];
  };
  const who = worldPeople[index % worldPeople.length]!;
  return {
    ...base,
    person: { ...base.person, name: who.name, nativeName: who.nativeName },
    papers: base.papers.map((p, i) => (i === 0 ? { ...p, title: who.paper, shortName: who.paper.slice(0, 12) } : p)),
    models: base.models.map((m) => ({ ...m, name: who.model })),
  };
}

/** Writes `people` world profiles and a report spec under `dir`; returns the spec's path. */
export async function writeWorldProject(dir: string, people: number, name = 'world'): Promise<string> {
  await mkdir(path.join(dir, 'data', 'profiles'), { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < people; i++) {
    const file = `profiles/world-${i + 1}.yaml`;
    await writeFile(path.join(dir, 'data', file), stringify(worldProfile(i), { lineWidth: 0 }));
    files.push(file);
  }
  const spec = path.join(dir, 'data', `${name}.yaml`);
  await writeFile(
    spec,
    stringify({
      title: `The world's scripts, ${people} people`,
      author: 'profile-report tests',
      profiles: files,
      buildDate: '2026-11-23',
      output: { dir: '../out', name },
    }),
  );
  return spec;
}
