import { describe, expect, it } from 'vitest';
import { shippedLanguages } from '../../src/i18n/languages.js';
import { Locale } from '../../src/i18n/locale.js';
import { comparisonTitle } from '../../src/i18n/report-title.js';

const nbsp = '\u00a0';
const thin = '\u202f';

// For each language: a full date, a month, a year, a range, an open range, a list of three, a
// number, a percentage, a plural.
const expected = {
  en: [
    '11 Jun 2025',
    'Jun 2025',
    '2025',
    'Sep 2021 – 2023',
    'Sep 2021 – present',
    'A, B and C',
    '1,234.5',
    '57.5%',
    '3 papers',
  ],
  'zh-CN': [
    '2025年6月11日',
    '2025年6月',
    '2025年',
    '2021年9月—2023年',
    '2021年9月—至今',
    '甲、乙和丙',
    '1,234.5',
    '57.5%',
    '3 篇论文',
  ],
  'zh-TW': [
    '2025年6月11日',
    '2025年6月',
    '2025年',
    '2021年9月–2023年',
    '2021年9月–至今',
    '甲、乙和丙',
    '1,234.5',
    '57.5%',
    '3 篇論文',
  ],
  ja: [
    '2025年6月11日',
    '2025年6月',
    '2025年',
    '2021年9月～2023年',
    '2021年9月～現在',
    'A、B、C',
    '1,234.5',
    '57.5%',
    '論文3本',
  ],
  ko: [
    '2025년 6월 11일',
    '2025년 6월',
    '2025년',
    '2021년 9월 ~ 2023년',
    '2021년 9월 ~ 현재',
    'A, B 및 C',
    '1,234.5',
    '57.5%',
    '논문 3편',
  ],
  de: [
    '11. Juni 2025',
    'Juni 2025',
    '2025',
    'Sept. 2021 – 2023',
    'Sept. 2021 – heute',
    'A, B und C',
    '1.234,5',
    `57,5${nbsp}%`,
    '3 Veröffentlichungen',
  ],
  fr: [
    '11 juin 2025',
    'juin 2025',
    '2025',
    'sept. 2021 – 2023',
    'sept. 2021 – aujourd’hui',
    'A, B et C',
    `1${thin}234,5`,
    `57,5${thin}%`,
    '3 articles',
  ],
  es: [
    '11 jun. 2025',
    'jun. 2025',
    '2025',
    'sept. 2021 – 2023',
    'sept. 2021 – actualidad',
    'A, B y C',
    '1234,5',
    `57,5${nbsp}%`,
    '3 artículos',
  ],
  ar: [
    '11 يونيو 2025',
    'يونيو 2025',
    '2025',
    'سبتمبر 2021 – 2023',
    'سبتمبر 2021 – الآن',
    'A وB وC',
    '1,234.5',
    '57.5%',
    '3 أوراق بحثية',
  ],
} as const;

describe.each(shippedLanguages)('Locale %s', (language) => {
  const locale = new Locale(language);
  const [day, month, year, range, open, list, number, percent, papers] = expected[language];

  it('writes dates, ranges, lists, numbers and plurals the way its readers do', () => {
    expect(locale.date('2025-06-11')).toBe(day);
    expect(locale.date('2025-06')).toBe(month);
    expect(locale.date('2025')).toBe(year);
    expect(locale.period('2021-09', '2023')).toBe(range);
    expect(locale.period('2021-09', 'present')).toBe(open);
    const items = language.startsWith('zh') ? ['甲', '乙', '丙'] : ['A', 'B', 'C'];
    expect(locale.list(items).replace(/[\u2068\u2069]/g, '')).toBe(list);
    expect(locale.number(1234.5)).toBe(number);
    expect(locale.quantity(57.5, '%')).toBe(percent);
    expect(locale.count('count.papers', 3)).toBe(papers);
  });

  it('keeps significant digits at every magnitude, with the unit', () => {
    const decimal = locale.t('number.decimal');
    expect(locale.quantity(1e-6, 's').replace(/[\u2068\u2069]/g, '')).toBe('1 × 10⁻⁶ s');
    expect(locale.quantity(0.0001234, 's').replace(/[\u2068\u2069]/g, '')).toBe(`1${decimal}23 × 10⁻⁴ s`);
    expect(locale.number(1e300)).toBe('1 × 10³⁰⁰');
    expect(locale.number(2.5e15)).toBe(`2${decimal}5 × 10¹⁵`);
    expect(locale.number(0.5)).toBe(`0${decimal}5`);
  });

  it('gives the same text on every run: nothing comes from the runtime’s Intl data', () => {
    expect(new Locale(language).longDate('2026-11-23')).toBe(locale.longDate('2026-11-23'));
  });
});

describe('language-specific forms', () => {
  it('zh-CN writes the long date and "until now" the Chinese way', () => {
    const zh = new Locale('zh-CN');
    expect(zh.longDate('2026-11-23')).toBe('2026年11月23日');
    expect(zh.date('present')).toBe('至今');
  });

  it('de abbreviates months the German way', () => {
    expect(new Locale('de').date('2025-11')).toBe('Nov. 2025');
  });

  it('es spaces the dash between two dates, so a range never reads as one date ("2013-30")', () => {
    expect(new Locale('es').period('2013-10-01', '2017-06-30')).toBe('1 oct. 2013 – 30 jun. 2017');
    expect(new Locale('es').numberRange(2013, 2017)).toBe('2013–2017');
  });

  it.each(shippedLanguages)(
    '%s writes a negative number with the minus sign, the same in text and on chart axes',
    (language) => {
      const locale = new Locale(language);
      expect(locale.number(-0.35)).toMatch(/^\u200E?\u22120[.,]35$/);
      expect(locale.numberStyle.minus).toBe(locale.number(-1).slice(0, -1));
    },
  );

  it('ar keeps the sign at the left of the digits inside right-to-left text, as the axis shows it', () => {
    expect(new Locale('ar').quantity(-12.5, '%')).toBe('\u200E\u221212.5%');
  });

  it('ar chooses among all six plural forms', () => {
    const ar = new Locale('ar');
    expect([0, 1, 2, 3, 11, 100].map((n) => ar.count('count.sources', n))).toEqual([
      'لا مصادر',
      'مصدر واحد',
      'مصدران',
      '3 مصادر',
      '11 مصدرًا',
      '100 مصدر',
    ]);
  });

  it('titles a report of profiles named on the command line in the reader’s language', () => {
    expect(comparisonTitle(new Locale('en'), ['Ada Lovelace', 'Alan Turing'])).toBe(
      'Ada Lovelace and Alan Turing compared',
    );
    expect(comparisonTitle(new Locale('zh-CN'), ['曾妍', '罗福莉'])).toBe('曾妍和罗福莉对比');
    expect(comparisonTitle(new Locale('de'), ['Ada Lovelace'])).toBe('Ada Lovelace: ein Profil');
  });

  it('isolates right-to-left names inside a left-to-right sentence, and any user text in Arabic', () => {
    const en = new Locale('en');
    expect(en.list(['Ada', en.user('نور')])).toBe('Ada and \u2068نور\u2069');
    expect(new Locale('en').user('نور')).toBe('\u2068نور\u2069');
    expect(new Locale('ar').user('Zeng Yan')).toBe('\u2068Zeng Yan\u2069');
    expect(new Locale('en').user('Zeng Yan')).toBe('Zeng Yan');
  });
});
