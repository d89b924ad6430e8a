import type { WorldPerson } from './world-people.js';

/**
 * Fictional people whose names and text carry every kind of emoji sequence: flags (two regional
 * indicators), ZWJ families, keycaps, and skin tones (a subdivision flag such as Scotland's is refused by the one-line text check: its tag characters are invisible). A report of them shows each in
 * the title, the running header, the text and the charts.
 */
export const emojiPeople: readonly WorldPerson[] = [
  {
    name: 'Ngozi Okafor 🇳🇬',
    phrase: 'Researcher in Lagos 🇳🇬 with a family 👨‍👩‍👧‍👦',
    org: 'Lagos Lab 🧪',
    venue: 'Conf 1️⃣',
    unit: 's',
  },
  {
    name: 'Lucía Pérez 🇲🇽',
    phrase: 'Builds models 👍🏽 and tools #️⃣',
    org: 'Instituto 🇲🇽',
    venue: 'Taller 🏳️‍🌈',
    unit: 's',
  },
  {
    name: 'Sato Yui 🇯🇵',
    nativeName: '佐藤 結衣 🇯🇵',
    phrase: '研究者 🧑🏿‍🚀 in Tokyo',
    org: '東京研究所 🇯🇵',
    venue: '学会 🎌',
    unit: 's',
  },
  {
    name: 'Lin Wei 🇹🇼',
    nativeName: '林 偉 🇹🇼',
    phrase: '研究員 👩🏽‍🔬 在臺北',
    org: '臺北實驗室 🇹🇼',
    venue: '研討會 🎉',
    unit: 's',
  },
];

export const emojiTitle = 'Flags 🇳🇬🇲🇽🇯🇵🇹🇼, families 👨‍👩‍👧‍👦, keycaps 1️⃣ and skin tones 👍🏽';
