import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildContext } from '../../src/build-context.js';
import { buildReport } from '../../src/build-report.js';
import { shippedLanguages } from '../../src/i18n/languages.js';
import type { Language } from '../../src/i18n/languages.js';
import { Locale } from '../../src/i18n/locale.js';
import { englishChartWords, englishLabels, userTexts, withoutUserTexts } from '../helpers/english-labels.js';
import { repoRoot } from '../helpers/paths.js';
import { readPdf } from '../helpers/read-pdf.js';
import type { PdfFacts } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/**
 * Text as a reader sees it, for comparing: isolates and spacing do not count (text-autospace
 * puts space between Han and Latin letters, which the PDF's text layer keeps).
 */
const plain = (text: string): string => text.replace(/[\u2066-\u2069\s]/g, '');

/**
 * Whether the PDF text holds `words`. The text layer of an Arabic PDF holds each run in visual
 * order and in presentation forms, so there an Arabic word counts when a word of the text has
 * the same letters after normalising.
 */
function hasWords(pdfText: string, words: string): boolean {
  const text = pdfText.normalize('NFKC');
  if (plain(text).includes(plain(words.normalize('NFKC')))) return true;
  const letters = (word: string): string => [...word].sort().join('');
  const found = new Set(text.split(/[\s.,:;،·()[\]]+/).map(letters));
  return words
    .normalize('NFKC')
    .replace(/[\u2066-\u2069]/g, '')
    .split(/[\s.,:;،·()]+/)
    .filter(Boolean)
    .every((word) => plain(text).includes(word) || found.has(letters(word)));
}

const sampleTexts = userTexts(
  path.join(repoRoot, 'data', 'report.yaml'),
  ['zeng-yan', 'luo-fuli'].map((name) => path.join(repoRoot, 'data', 'profiles', `${name}.yaml`)),
);

/** The English words the report's own catalogue should have replaced, found in `text`. */
function englishLeft(language: Language, pdfText: string, onlyCapitalised: boolean): string[] {
  let text = pdfText.replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ');
  // The profiles' own text is theirs: paper titles stay as published, in English.
  text = withoutUserTexts(text, sampleTexts);
  // An Arabic text layer holds runs in visual order, so a title cannot be found whole to be left
  // out; there a word a profile also uses ("Model") cannot tell ours from theirs.
  const theirs = (label: string): boolean => language === 'ar' && sampleTexts.some((own) => wordIn(label, own));
  return englishLabels(language)
    .filter((label) => !onlyCapitalised || /^\p{Lu}/u.test(label))
    .filter((label) => !theirs(label))
    .filter((label) => wordIn(label, text));
}

/** Whether `words` stand in `text` as words of their own, not inside longer ones. */
function wordIn(words: string, text: string): boolean {
  return new RegExp(`(?<!\\p{L})${words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\p{L})`, 'u').test(text);
}

/**
 * The English words of our chart messages left in the charts' alt text, which the PDF's text
 * layer does not hold. User text in our sentences is isolated in right-to-left reports, and
 * there left out; elsewhere the sample's English fallback text would match, so only Chinese,
 * whose sample is translated, is checked in full.
 */
function englishInAlt(language: Language, html: string): string[] {
  const alts = [...html.matchAll(/<img [^>]*alt="([^"]*)"/g)]
    .map((m) => m[1]!.replace(/\u2068[^\u2068\u2069]*\u2069/g, ' '))
    .join('\n');
  return englishChartWords(language).filter((words) => wordIn(words, alts));
}

/** Each shipped language, the sample built with `--lang` through one Chromium, read back from the PDF. */
describe('the sample in every shipped language', () => {
  const context = new BuildContext();
  const built = new Map<Language, { html: string; pdf: PdfFacts }>();

  beforeAll(async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'profile-report-languages-'));
    for (const language of shippedLanguages) {
      const result = await buildReport({ cwd: repoRoot, language, formats: ['html', 'pdf'], context });
      const file = path.join(dir, `${language}.pdf`);
      await writeFile(file, result.pdf!);
      built.set(language, { html: result.html, pdf: await readPdf(file) });
    }
  }, 600_000);

  afterAll(async () => {
    await context.close();
  });

  it.each(shippedLanguages)('%s: right lang and dir on the page', (language) => {
    const { html } = built.get(language)!;
    expect(html).toMatch(new RegExp(`<html lang="${language}" dir="${language === 'ar' ? 'rtl' : 'ltr'}"`));
  });

  it.each(shippedLanguages.filter((l) => l !== 'en'))('%s: no English label left in the PDF', (language) => {
    // The sample's profiles carry en and zh-CN only: elsewhere their text falls back to English,
    // so only capitalised words (headings, table heads, labels) can tell ours from theirs.
    expect(englishLeft(language, built.get(language)!.pdf.text, language !== 'zh-CN')).toEqual([]);
  });

  it.each(['zh-CN', 'ar'] as const)('%s: no English word of ours in the charts’ alt text', (language) => {
    expect(englishInAlt(language, built.get(language)!.html)).toEqual([]);
  });

  it.each(shippedLanguages)('%s: dates, section titles and "page X of Y" as the locale writes them', (language) => {
    const locale = new Locale(language);
    const { pdf } = built.get(language)!;
    const expected = [
      locale.longDate('2026-11-23'),
      locale.date('2025-06-11'),
      ...['section.at-a-glance', 'section.timeline', 'section.sources'].map((key) => locale.t(key)),
    ];
    // With the Arabic font embedded, pdf.js may split a shaped Arabic date into glyph runs it
    // cannot rejoin; for Arabic the dates are checked in the page the PDF was printed from.
    const { html } = built.get(language)!;
    for (const words of expected)
      expect(hasWords(pdf.text, words) || (language === 'ar' && html.includes(words)), words).toBe(true);
    const footer = locale.t('report.pageOf', { page: '2', pages: String(pdf.pages) });
    // Arabic: pdf.js may not rejoin the shaped words of the footer, so its numbers (in the
    // locale's order, or the visual order a text layer may give) are what is checked on the page.
    const footerFound =
      hasWords(pdf.pageTexts[1]!, footer) ||
      (language === 'ar' &&
        new RegExp(`(^|\\D)2\\D[^\\d]{0,40}${pdf.pages}(\\D|$)|(^|\\D)${pdf.pages}\\D[^\\d]{0,40}2(\\D|$)`).test(
          pdf.pageTexts[1]!,
        ));
    expect(footerFound, `footer of page 2: ${footer}`).toBe(true);
  });
});

describe('profile-report build data/report.zh-CN.yaml', () => {
  let pdf: PdfFacts;
  let html: string;

  beforeAll(async () => {
    const project = await tempProject();
    const result = await runCli(['build', 'data/report.zh-CN.yaml', '--quiet'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    pdf = await readPdf(path.join(project, 'out', 'report.zh-CN.pdf'));
    html = await readFile(path.join(project, 'out', 'report.zh-CN.html'), 'utf8');
  }, 180_000);

  it('writes a Chinese report: lang, title, native names first, Chinese dates', () => {
    expect(html).toContain('<html lang="zh-CN" dir="ltr"');
    const text = plain(pdf.text);
    expect(text).toContain('曾妍与罗福莉：两个平衡点');
    expect(text).toContain('2026年11月23日');
    expect(text).toContain('2021年9月起');
    expect(text).toContain('2025年6月11日发布');
    expect(text).toContain('曾妍ZengYan');
    expect(pdf.info['Title']).toBe('曾妍与罗福莉：两个平衡点');
  });

  it('shows the profiles’ sourced statements in Chinese, paper titles as published', () => {
    const text = plain(pdf.text);
    expect(text).toContain(plain('加入字节跳动五年内升至 4-2 职级'));
    expect(text).toContain(plain('Multi-Grained Vision Language Pre-Training'));
    expect(text).not.toContain(plain('Reached ByteDance'));
  });

  it('has no English label left, in the page or the charts’ alt text', () => {
    expect(englishLeft('zh-CN', pdf.text, false)).toEqual([]);
    expect(englishInAlt('zh-CN', html)).toEqual([]);
  });
});
