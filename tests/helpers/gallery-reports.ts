import { shippedLanguages } from '../../src/i18n/languages.js';
import type { WorldOptions, WorldPerson } from './world-people.js';
import { longUnit, worldPeople } from './world-people.js';

/** The reports of `npm run gallery` and of tests/e2e/world.test.ts: one list, so both see the same. */
export interface GalleryReport {
  readonly name: string;
  readonly about: string;
  readonly people: readonly WorldPerson[];
  readonly options: WorldOptions & { title?: string };
  /** The preflight must warn (a script with no font). */
  readonly expectWarning?: RegExp;
}

const olChiki: WorldPerson = {
  name: 'Sagen Murmu',
  nativeName: 'ᱥᱟᱜᱮᱱ ᱢᱩᱨᱢᱩ',
  phrase: 'Researcher',
  org: 'Example University',
  venue: 'Example Conference',
  unit: 's',
};

/** Emoji sequences: flags, a ZWJ family, keycaps, skin tones. */
const emojiPerson: WorldPerson = {
  name: 'Ada Okafor 🇳🇬',
  nativeName: '👨‍👩‍👧‍👦 Ada 🇲🇽🇯🇵🇹🇼',
  phrase: 'Keycaps 1️⃣ #️⃣, hands 👋🏿 👍🏻, flags 🏳️‍🌈 🇳🇬',
  org: 'Lab 👩🏽‍🔬 Lagos',
  venue: 'Emoji Conf 🎉',
  unit: 'ms',
};

const [lukasz, nguyen, eleni, anna, nour, noa, priya, somchai, minji, hanako, xiaoming, meiling, rocket] =
  worldPeople as [
    WorldPerson,
    WorldPerson,
    WorldPerson,
    WorldPerson,
    WorldPerson,
    WorldPerson,
    WorldPerson,
    WorldPerson,
    WorldPerson,
    WorldPerson,
    WorldPerson,
    WorldPerson,
    WorldPerson,
  ];

export const galleryReports: readonly GalleryReport[] = [
  {
    name: 'one-person',
    about: 'one person with 124 papers: a profile report',
    people: [hanako],
    options: { papers: 124, title: 'Yamada Hanako 山田 花子: a profile' },
  },
  {
    name: 'two-scripts',
    about: 'Arabic and Hebrew, right to left, on Letter paper',
    people: [nour, noa],
    options: { page: 'Letter', title: 'نور الهدى and נועה כהן compared' },
  },
  {
    name: 'five-scripts',
    about: 'Devanagari, Thai, Korean, Japanese, Chinese',
    people: [priya, somchai, minji, hanako, xiaoming],
    options: { title: 'Łukasz, Nguyễn, Анна: five scripts' },
  },
  {
    name: 'five-people',
    about: 'Vietnamese, Greek, Arabic, Devanagari, Korean; a unit of many words',
    people: [nguyen, eleni, nour, priya, minji],
    options: { unit: longUnit, title: 'Five people, five scripts' },
  },
  {
    name: 'eight-people',
    about: 'eight people, eight scripts, emoji; eight pages of one site cited',
    people: [lukasz, nguyen, eleni, anna, minji, xiaoming, meiling, rocket],
    options: { papers: 14, title: 'Eight people: Łukasz, Nguyễn, Ελένη, Анна, 김민지, 王小明, 陳美玲, 🚀' },
  },
  {
    name: 'long-words',
    about: '300-character words in every kind of field, a pole of one long word',
    people: [lukasz, anna],
    options: { longWords: true, title: 'Long words everywhere' },
  },
  {
    name: 'emoji',
    about: 'emoji sequences: flags, a family, keycaps, skin tones',
    people: [emojiPerson, rocket],
    options: { title: 'Emoji 🇳🇬 👨‍👩‍👧‍👦 1️⃣ 👋🏿' },
  },
  {
    name: 'tiny-values',
    about: 'a headline value of 1e-6',
    people: [lukasz, eleni],
    options: { value: 1e-6, title: 'Tiny values' },
  },
  {
    name: 'huge-values',
    about: 'a headline value of 1e300',
    people: [lukasz, eleni],
    options: { value: 1e300, title: 'Huge values' },
  },
  {
    name: 'negative-values',
    about: 'negative values in Arabic: the minus sign at the left of the digits',
    people: [nour, lukasz],
    options: { value: -12.5, unit: '%', language: 'ar', title: 'قيم سالبة' },
  },
  ...shippedLanguages.map((language): GalleryReport => ({
    name: `multilingual-${language}`,
    about: `profiles written in all nine languages, read in ${language}`,
    people: [eleni, minji],
    options: { multilingual: true, language, title: `Multilingual (${language})` },
  })),
  {
    name: 'no-font',
    about: 'Ol Chiki, a script no shipped font draws: the preflight must warn',
    people: [lukasz, olChiki],
    options: { title: 'A script without a font' },
    expectWarning: /person\.nativeName {2}warning: the characters "ᱥ" \(U\+1C65\)/,
  },
];
