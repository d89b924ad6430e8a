import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';

/**
 * Fictional people from many scripts, for the world tests and `npm run gallery`. Nothing here
 * describes anyone real. Each person's text is written in their script, so a report of them
 * exercises fonts, direction and line breaking in every place a profile's text appears.
 */
export interface WorldPerson {
  readonly name: string;
  readonly nativeName?: string;
  /** Free text in the person's script: headline, titles, summaries. */
  readonly phrase: string;
  readonly org: string;
  readonly venue: string;
  readonly unit: string;
}

export const worldPeople: readonly WorldPerson[] = [
  {
    name: 'Łukasz Żółkiewski',
    phrase: 'Zażółć gęślą jaźń: badacz układów',
    org: 'Politechnika Łódzka',
    venue: 'Prace Naukowe',
    unit: 'µs',
  },
  // Vietnamese twice: composed (NFC) and decomposed (NFD) marks must print the same.
  {
    name: 'Nguyễn Thị Minh Khai',
    nativeName: 'Nguyễn Thị Minh Khai'.normalize('NFD'),
    phrase: 'Nhà nghiên cứu học máy ở Hà Nội',
    org: 'Đại học Bách khoa',
    venue: 'Hội nghị Quốc gia',
    unit: 'đồng',
  },
  {
    name: 'Eleni Papadopoulou',
    nativeName: 'Ελένη Παπαδοπούλου',
    phrase: 'Ερευνήτρια στη μηχανική μάθηση',
    org: 'Πανεπιστήμιο Αθηνών',
    venue: 'Πρακτικά ΕΕΤΝ',
    unit: 'δευτ.',
  },
  {
    name: 'Anna Kuznetsova',
    nativeName: 'Анна Кузнецова',
    phrase: 'Исследователь машинного обучения',
    org: 'Московский университет',
    venue: 'Доклады РАН',
    unit: 'мс',
  },
  {
    name: 'Nour Al-Huda',
    nativeName: 'نور الهدى',
    phrase: 'باحثة في تعلم الآلة والنماذج الكبيرة',
    org: 'جامعة القاهرة',
    venue: 'مؤتمر اللغة العربية',
    unit: 'ثانية',
  },
  {
    name: 'Noa Cohen',
    nativeName: 'נועה כהן',
    phrase: 'חוקרת למידת מכונה בירושלים',
    org: 'האוניברסיטה העברית',
    venue: 'כנס ישראלי',
    unit: 'שניות',
  },
  {
    name: 'Priya Sharma',
    nativeName: 'प्रिया शर्मा',
    phrase: 'मशीन लर्निंग शोधकर्ता, नई दिल्ली',
    org: 'भारतीय प्रौद्योगिकी संस्थान',
    venue: 'राष्ट्रीय सम्मेलन',
    unit: 'सेकंड',
  },
  {
    name: 'Somchai Jaidee',
    nativeName: 'สมชาย ใจดี',
    phrase: 'นักวิจัยด้านการเรียนรู้ของเครื่อง',
    org: 'จุฬาลงกรณ์มหาวิทยาลัย',
    venue: 'การประชุมวิชาการ',
    unit: 'วินาที',
  },
  {
    name: 'Kim Minji',
    nativeName: '김민지',
    phrase: '서울의 기계 학습 연구자',
    org: '서울대학교',
    venue: '한국정보과학회',
    unit: '초',
  },
  {
    name: 'Yamada Hanako',
    nativeName: '山田 花子',
    phrase: '東京の機械学習研究者（やまだ はなこ）',
    org: '東京大学',
    venue: '人工知能学会',
    unit: '秒',
  },
  {
    name: 'Wang Xiaoming',
    nativeName: '王小明',
    phrase: '北京的机器学习研究员',
    org: '清华大学',
    venue: '中国计算机大会',
    unit: '秒',
  },
  {
    name: 'Chen Meiling',
    nativeName: '陳美玲',
    phrase: '臺北的機器學習研究員',
    org: '國立臺灣大學',
    venue: '臺灣資訊研討會',
    unit: '秒',
  },
  {
    name: 'Rocket Person',
    nativeName: '🚀 Ava 👩🏽‍🔬',
    phrase: 'Builds rockets 🚀 and lab tools 🧪',
    org: 'Example Labs 🏭',
    venue: 'Emoji Conf 🎉',
    unit: '🚀/s',
  },
];

/** A 300-character word: no space, no hyphen, nowhere to break. */
const longWord = 'Pneumonoultramicroscopicsilicovolcanoconiosis'.repeat(7).slice(0, 300);

/** A unit of many words, as a profile may give one: it must not starve the metrics table. */
export const longUnit = 'tokens per second per GPU on the reference cluster (NVIDIA H100 SXM, 8-way tensor parallel)';

export interface WorldOptions {
  /** Put a 300-character word in every kind of field (a balance point's pole too). */
  readonly longWords?: boolean;
  /** The headline metric's value (1e-6 to 1e300, or negative). */
  readonly value?: number;
  /** The headline metric's unit instead of the person's own. */
  readonly unit?: string;
  /** How many papers each person has. @default 2 */
  readonly papers?: number;
  /** Give every text field in all nine report languages. */
  readonly multilingual?: boolean;
  /** The report's language and page size. */
  readonly language?: string;
  readonly page?: 'A4' | 'Letter';
}

/** One phrase in each report language, for a profile that carries its text in all of them. */
const inEveryLanguage = (en: string, index: number): Record<string, string> => ({
  en: `${en} ${index + 1}`,
  de: `Forscherin für maschinelles Lernen ${index + 1}`,
  fr: `Chercheuse en apprentissage automatique ${index + 1}`,
  es: `Investigadora de aprendizaje automático ${index + 1}`,
  ar: `باحثة في تعلم الآلة ${index + 1}`,
  ja: `機械学習の研究者 ${index + 1}`,
  ko: `기계 학습 연구자 ${index + 1}`,
  'zh-CN': `机器学习研究员 ${index + 1}`,
  'zh-TW': `機器學習研究員 ${index + 1}`,
});

function worldProfile(person: WorldPerson, index: number, options: WorldOptions = {}): Record<string, unknown> {
  // A field's text, or the 300-character word in its place (the longest a name or title may be).
  const plain = (s: string): string => (options.longWords ? longWord : s);
  // Free text: plain, or in every report language.
  const text = (s: string): string | Record<string, string> =>
    options.multilingual ? inEveryLanguage(s, index) : plain(s);
  const year = 2010 + (index % 12);
  const papers = Array.from({ length: Math.max(0, (options.papers ?? 2) - 2) }, (_, i) => ({
    id: `p${index}n${i}`,
    title: `${person.phrase}: part ${i + 1}`,
    year: year - 8 + (i % 17),
    venue: i % 3 === 0 ? person.venue : `Workshop ${(i % 5) + 1}`,
    authorship: i % 4 === 0 ? 'first' : 'co-author',
    summary: text(person.phrase),
    source: 'record',
  }));
  return {
    ...(options.multilingual ? { language: 'en' } : {}),
    person: {
      name: person.name,
      ...(person.nativeName ? { nativeName: person.nativeName } : {}),
      birthYear: 1980 + index,
      headline: text(person.phrase),
      currentRole: text(person.org),
      source: 'record',
    },
    education: [
      {
        degree: text(person.phrase.split(' ')[0] ?? 'PhD'),
        field: text(person.venue),
        institution: text(person.org),
        start: `${year - 6}`,
        end: `${year - 2}`,
        source: 'record',
      },
    ],
    career: [
      {
        title: text(person.phrase),
        organisation: text(person.org),
        start: `${year}-0${(index % 9) + 1}`,
        end: 'present',
        note: text(`${person.phrase} (note)`),
        source: 'record',
      },
      {
        title: text(person.venue),
        organisation: text(person.org),
        start: `${year - 2}`,
        end: `${year}`,
        source: 'record',
      },
    ],
    papers: [
      {
        id: `p${index}a`,
        title: plain(`${person.phrase}: a study`),
        shortName: [...person.venue].slice(0, 12).join('').trim(),
        year,
        venue: plain(person.venue),
        authorship: 'first',
        summary: text(person.phrase),
        url: `https://example.org/${options.longWords ? longWord.slice(0, 200) : 'paper'}`,
        source: 'record',
      },
      {
        id: `p${index}b`,
        title: plain(`${person.org}: methods`),
        year: year + 1,
        venue: plain(person.venue),
        authorship: 'co-author',
        summary: text(person.phrase),
        source: 'record',
      },
      ...papers,
    ],
    models: [
      {
        id: `m${index}`,
        name: plain(`${person.venue.split(' ')[0]}-${index}`),
        organisation: text(person.org),
        released: `${year + 2}-06`,
        role: text(person.phrase),
        innovations: [text(person.phrase)],
        metrics: [
          {
            label: text(`${person.phrase.split(' ')[0]} speed`),
            value: options.value ?? 30 + index,
            unit: options.unit ?? person.unit,
            baseline: { name: plain(person.org), value: (options.value ?? 30 + index) * 2 },
            better: 'lower',
            claim: text(person.phrase),
            source: 'record',
          },
        ],
        source: 'record',
      },
    ],
    balance: [
      {
        tradeoff: options.longWords ? `${longWord.slice(0, 280)} vs quality` : 'Speed vs quality',
        poles: [options.longWords ? longWord : 'Speed', 'Quality'],
        position: (index * 17) % 101,
        summary: text(person.phrase),
        evidence: [{ text: text(person.phrase), source: 'record' }],
      },
    ],
    sources: [
      {
        id: 'record',
        title: plain(`${person.name}: ${person.phrase}`),
        publisher: plain(person.org),
        date: '2026-01-15',
        url: 'https://example.org/record',
      },
    ],
  };
}

/** Writes a project of `people` world profiles and a spec; returns the spec's path. */
export async function writeWorldProject(
  dir: string,
  people: readonly WorldPerson[],
  options: WorldOptions & { title?: string; name?: string } = {},
): Promise<string> {
  await mkdir(path.join(dir, 'data', 'profiles'), { recursive: true });
  const files: string[] = [];
  for (const [i, person] of people.entries()) {
    const file = `profiles/world-${i + 1}.yaml`;
    await writeFile(
      path.join(dir, 'data', file),
      `# A fictional person for the tests.\n${stringify(worldProfile(person, i, options), { lineWidth: 0 })}`,
    );
    files.push(file);
  }
  const name = options.name ?? 'report';
  const spec = {
    title:
      options.title ??
      people
        .map((p) => p.nativeName ?? p.name)
        .join(', ')
        .slice(0, 290),
    author: 'profile-report tests',
    profiles: files,
    buildDate: '2026-11-23',
    ...(options.language ? { language: options.language } : {}),
    ...(options.page ? { page: options.page } : {}),
    output: { dir: '../out', name },
  };
  const specPath = path.join(dir, 'data', `${name}.yaml`);
  await writeFile(specPath, stringify(spec, { lineWidth: 0 }));
  return specPath;
}
