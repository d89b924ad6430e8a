import type { WorldOptions, WorldPerson } from './world-people.js';
import { worldPeople } from './world-people.js';

/** The reports of `npm run gallery` and of tests/e2e/world.test.ts: one list, so both see the same. */
export interface GalleryReport {
  readonly name: string;
  readonly about: string;
  readonly people: readonly WorldPerson[];
  readonly options: WorldOptions & { title?: string };
  /** The preflight must warn (a script with no font). */
  readonly expectWarning?: RegExp;
}

const olChiki: WorldPerson = { name: 'Sagen Murmu', nativeName: 'ᱥᱟᱜᱮᱱ ᱢᱩᱨᱢᱩ', phrase: 'Researcher', org: 'Example University', venue: 'Example Conference', unit: 's' };

export const galleryReports: readonly GalleryReport[] = [
  { name: 'one-person', about: 'one person: a profile report', people: worldPeople.slice(9, 10), options: { title: 'Yamada Hanako 山田 花子: a profile' } },
  { name: 'two-scripts', about: 'Arabic and Hebrew, right to left', people: [worldPeople[4]!, worldPeople[5]!], options: { title: 'نور الهدى and נועה כהן compared' } },
  { name: 'five-scripts', about: 'Devanagari, Thai, Korean, Japanese, Chinese', people: worldPeople.slice(6, 11), options: { title: 'Łukasz, Nguyễn, Анна: five scripts' } },
  { name: 'eight-people', about: 'eight people, eight scripts, emoji', people: [worldPeople[0]!, worldPeople[1]!, worldPeople[2]!, worldPeople[3]!, worldPeople[8]!, worldPeople[10]!, worldPeople[11]!, worldPeople[12]!], options: { title: 'Eight people: Łukasz, Nguyễn, Ελένη, Анна, 김민지, 王小明, 陳美玲, 🚀' } },
  { name: 'long-words', about: '300-character words in every kind of field', people: [worldPeople[0]!, worldPeople[3]!], options: { longWords: true, title: 'Long words everywhere' } },
  { name: 'tiny-values', about: 'a headline value of 1e-6', people: [worldPeople[0]!, worldPeople[2]!], options: { value: 1e-6, title: 'Tiny values' } },
  { name: 'huge-values', about: 'a headline value of 1e300', people: [worldPeople[0]!, worldPeople[2]!], options: { value: 1e300, title: 'Huge values' } },
  { name: 'no-font', about: 'Ol Chiki, a script no shipped font draws: the preflight must warn', people: [worldPeople[0]!, olChiki], options: { title: 'A script without a font' }, expectWarning: /person\.nativeName {2}warning: the characters "ᱥ" \(U\+1C65\)/ },
];
