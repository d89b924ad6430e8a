import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtInLocale } from '../../src/i18n/locale.js';
import type { Language } from '../../src/i18n/languages.js';
import { contentsMismatches, englishSections } from '../helpers/contents-check.js';
import { buildGallery } from '../helpers/gallery-build.js';
import type { GalleryBuild } from '../helpers/gallery-build.js';
import { galleryReports } from '../helpers/gallery-reports.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';
import { writeWorldProject } from '../helpers/world-people.js';
import { readerPdfText, readerWords } from '../helpers/reader-view.js';

const run = promisify(execFile);

/** Words pdftotext places on each page, with their boxes, against the page's own size. */
async function wordsOutsidePage(pdfPath: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-bbox', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const outside: string[] = [];
  for (const page of stdout.split('<page ').slice(1)) {
    const width = Number(/width="([\d.]+)"/.exec(page)?.[1]);
    const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
    for (const m of page.matchAll(
      /<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g,
    )) {
      const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
      if (xMin < -0.5 || yMin < -0.5 || xMax > width + 0.5 || yMax > height + 0.5) outside.push(m[5]!);
    }
  }
  return outside;
}

/** Page texts as poppler lays them out, one string per page; soft hyphens that did not break a line are not text. */
async function pageTexts(pdfPath: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return readerPdfText(stdout).split('\f').slice(0, -1);
}

/** The report's language and page size, as its spec gives them. */
const languageOf = (b: GalleryBuild): Language => (b.report.options.language ?? 'en') as Language;
const pageSize = (b: GalleryBuild): [number, number] => (b.report.options.page === 'Letter' ? [612, 792] : [595, 842]);

describe('any person, any script, any length: the gallery, built in one process', () => {
  const built = new Map<string, GalleryBuild>();

  beforeAll(async () => {
    const project = await tempProject({ withSample: false });
    for (const b of await buildGallery(path.join(project, 'gallery'), galleryReports)) built.set(b.report.name, b);
  }, 900_000);

  const cases = galleryReports.map((r) => [r.name, r] as const);

  it.each(cases)('%s: builds, and the preflight says exactly what it must', (name, report) => {
    const b = built.get(name)!;
    expect(b.error).toBeUndefined();
    if (report.expectWarning) {
      expect(b.warnings.join('\n')).toMatch(report.expectWarning);
      return;
    }
    expect(b.warnings).toEqual([]);
  });

  it.each(cases)('%s: every name is in the PDF text exactly (NFC)', async (name, report) => {
    const b = built.get(name)!;
    const text = (await pageTexts(b.pdfPath)).join('\n').normalize('NFC').replace(/\s+/g, ' ');
    for (const person of report.people) {
      if (report.expectWarning && person.nativeName && /[\u1C50-\u1C7F]/u.test(person.nativeName)) continue;
      expect(text, person.name).toContain(person.name.normalize('NFC'));
    }
  });

  it.each(cases)(
    '%s: every page after the cover has its header and "Page X of Y" in the report\'s language, at the size asked for',
    async (name) => {
      const b = built.get(name)!;
      const locale = builtInLocale(languageOf(b));
      const texts = await pageTexts(b.pdfPath);
      const sizes = await run('pdfinfo', ['-l', '999', b.pdfPath]).then((r) =>
        [...r.stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [
          Math.round(Number(m[1])),
          Math.round(Number(m[2])),
        ]),
      );
      expect(sizes.length).toBe(texts.length);
      texts.forEach((text, i) => {
        expect(sizes[i], `page ${i + 1}`).toEqual(pageSize(b));
        if (i === 0) return;
        // Spaces as pdftotext guesses them (it spaces CJK runs apart) and the direction marks it
        // writes around right-to-left runs: compared without.
        const flat = text.replace(/[\s\u200E\u200F\u202A-\u202E\u2066-\u2069]+/g, '');
        // Right-to-left words come in whatever order pdftotext lays its runs out.
        const expectWords = (words: string): void => {
          if (locale.dir === 'rtl')
            for (const word of words.split(/\s+/)) expect(flat, `page ${i + 1}`).toContain(word);
          else expect(flat, `page ${i + 1}`).toContain(words.replace(/\s+/g, ''));
        };
        expectWords(locale.t('report.pageOf', { page: String(i + 1), pages: String(texts.length) }));
        expectWords(locale.longDate('2026-11-23'));
      });
    },
  );

  it.each(cases)('%s: no text lies outside the page box', async (name) => {
    expect(await wordsOutsidePage(built.get(name)!.pdfPath)).toEqual([]);
  });

  it.each(cases)('%s: no page holds only a heading, a note or a line', async (name) => {
    const b = built.get(name)!;
    const locale = builtInLocale(languageOf(b));
    const date = locale.longDate('2026-11-23').replace(/\s+/g, '');
    const texts = await pageTexts(b.pdfPath);
    texts.forEach((text, i) => {
      const footer = locale
        .t('report.pageOf', { page: String(i + 1), pages: String(texts.length) })
        .replace(/\s+/g, '');
      const body = text
        .split('\n')
        .map((l) => l.replace(/[\s\u200E\u200F\u202A-\u202E\u2066-\u2069]+/g, ''))
        .filter((l) => l !== '' && l !== footer && !l.endsWith(date));
      expect(body.length, `page ${i + 1}:\n${text}`).toBeGreaterThanOrEqual(3);
    });
  });

  it.each(cases.filter(([, r]) => (r.options.language ?? 'en') === 'en'))(
    '%s: the contents give each section the page it starts on',
    async (name) => {
      expect(await contentsMismatches(built.get(name)!.pdfPath, englishSections)).toEqual([]);
    },
  );

  it.each(cases)('%s: negative numbers take the minus sign, never a hyphen', async (name) => {
    const b = built.get(name)!;
    const text = (await pageTexts(b.pdfPath)).join('\n');
    expect(text).not.toMatch(/(?:^|[\s(:])-\d/m);
    expect(readerWords(b.html)).not.toMatch(/(?:^|[\s(:>])-\d/m);
  });

  it('writes a negative value with U+2212 at the left of the digits in Arabic, in the text and on the chart axis alike', async () => {
    const b = built.get('negative-values')!;
    expect(b.html).toContain('\u200E\u221212.5%');
    const text = (await pageTexts(b.pdfPath)).join('\n');
    expect(text).toContain('\u221212.5%');
    expect(text).not.toMatch(/12\.5%\s*[-\u2212]/);
  });

  it('writes Spanish date ranges with a spaced en dash', () => {
    const html = built.get('multilingual-es')!.html;
    expect(html).toMatch(/\d{4} – (?:\d|actualidad)/);
    expect(readerWords(html)).not.toMatch(/[a-z.] \d{4}-\d/);
  });

  it('keeps eight pages of one site, cited under eight titles, as eight sources', () => {
    const html = built.get('eight-people')!.html;
    expect(html.match(/<li id="source-\d+"/g)).toHaveLength(8);
  });

  it('gives a unit of many words room without starving its neighbours: five people in at most 13 pages (it took 20)', async () => {
    const { stdout } = await run('pdfinfo', [built.get('five-people')!.pdfPath]);
    expect(Number(/Pages:\s+(\d+)/.exec(stdout)?.[1])).toBeLessThanOrEqual(13);
  });

  // Built with the others, in this process: a report of its own in a fresh CLI took as long as
  // three of these. No warning for it (checked above) is what --strict asks of it.
  it('prints exponents (1 × 10⁻⁶) in Source Sans 3, with no system font in the PDF', async () => {
    const pdf = built.get('tiny-values')!.pdfPath;
    const { stdout: text } = await run('pdftotext', [pdf, '-']);
    expect(text).toContain('10⁻⁶');
    const { stdout: fonts } = await run('pdffonts', [pdf]);
    const names = fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(names.filter((n) => !/^(SourceSans3|SourceSerif4|NotoSans)/.test(n))).toEqual([]);
  });

  it('lays out five people or more as one block per person, and four or fewer side by side', () => {
    expect(built.get('eight-people')!.html).not.toContain('class="glance-table"');
    expect(built.get('five-people')!.html).toContain('class="glance-person card');
    expect(built.get('two-scripts')!.html).toContain('class="glance-table"');
  });

  it('right-to-left names are isolated in the HTML, and long words break at hyphenation points', () => {
    expect(built.get('two-scripts')!.html).toContain('نور الهدى');
    const long = built.get('long-words')!.html;
    expect(long).toContain('overflow-wrap: break-word');
    expect(long).toMatch(/Pneu\u00ADmo\u00ADnoul/);
  });
});

describe('--strict', () => {
  it("turns the preflight's warning into exit 1, with nothing written", async () => {
    const project = await tempProject({ withSample: false });
    const report = galleryReports.find((r) => r.name === 'no-font')!;
    const spec = await writeWorldProject(project, report.people, { ...report.options, name: report.name });
    const result = await runCli(['build', path.relative(project, spec), '--strict', '--format', 'html'], {
      cwd: project,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /person\.nativeName {2}the characters "ᱥ" \(U\+1C65\).* would print as a box \(--strict\)/,
    );
    expect(result.stderr).toContain('nothing was written');
    await expect(readFile(path.join(project, 'out', 'no-font.html'))).rejects.toThrow();
  }, 60_000);
});
