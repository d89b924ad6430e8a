import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { finishPdf } from '../../src/pdf/finish-pdf.js';
import { pairBookmarks } from '../../src/pdf/pair-bookmarks.js';
import { readPdf } from '../../src/pdf/read-pdf.js';
import { pdfText } from '../../src/pdf/text-string.js';
import { bookmarkProblems } from '../../src/preflight/bookmark-titles.js';
import { makePdf } from '../pdf/make-pdf.js';
import { repoRoot } from '../helpers/paths.js';
import { flattenOutline, readPdf as readWithPdfJs } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

const h = (text: string, level = 1) => ({ text, level });

/** A one-page PDF whose bookmarks have Chromium's titles, each pointing at the page. */
function withBookmarks(titles: readonly string[]): Buffer {
  const first = 5;
  return makePdf([
    '<</Type /Catalog\n/Pages 2 0 R\n/Outlines 4 0 R>>',
    '<</Type /Pages\n/Kids [3 0 R]\n/Count 1>>',
    '<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 595 842]>>',
    `<</Type /Outlines\n/First ${first} 0 R\n/Last ${first + titles.length - 1} 0 R\n/Count ${titles.length}>>`,
    ...titles.map(
      (title, i) =>
        `<</Title ${pdfText(title)}\n/Parent 4 0 R\n/Dest [3 0 R /XYZ 0 ${800 - i * 50} 0]${i > 0 ? `\n/Prev ${first + i - 1} 0 R` : ''}${i < titles.length - 1 ? `\n/Next ${first + i + 1} 0 R` : ''}>>`,
    ),
  ]);
}

const meta = { title: 't', author: 'a', subject: 's', keywords: '', date: '2026-11-23', creator: 'c' };

describe('bookmarks are titled from the headings, and checked against them', () => {
  it("pairs Chromium's painted titles with their headings: doubled, spaces lost, right-to-left in visual order and presentation forms", () => {
    const titles = ['At a glanceAt a glance', 'Two balancepoints', 'عامة نظرةعامة نظرة', 'ﺣﺪاد ﻟﻴﻠﻰ', 'Sources'];
    const headings = [h('At a glance'), h('Two balance points'), h('نظرة عامة'), h('ليلى حداد', 2), h('Sources')];
    expect(pairBookmarks(titles, headings)).toEqual([0, 1, 2, 3, 4]);
    // A heading Chromium made no bookmark for leaves the others paired, not shifted.
    expect(pairBookmarks(['Timeline', 'Sources'], [h('Timeline'), h('Education'), h('Sources')])).toEqual([0, 2]);
    expect(pairBookmarks(['Something else'], [h('Timeline')])).toEqual([-1]);
  });

  it("writes each heading's text as its bookmark's title, and finds nothing to say when they agree", () => {
    const headings = [h('نظرة عامة'), h('Two balance points')];
    const finished = readPdf(
      finishPdf(readPdf(withBookmarks(['عامة نظرةعامة نظرة', 'Two balancepoints'])), { ...meta, headings }),
    );
    expect(finished.outline.map((i) => i.title)).toEqual(['نظرة عامة', 'Two balance points']);
    expect(bookmarkProblems(finished, headings)).toEqual([]);
  });

  it('names a bookmark that matches no heading, one that reads otherwise, and a heading with no bookmark', () => {
    const finished = readPdf(withBookmarks(['TimelineTimeline', 'Stray', 'Sources']));
    expect(bookmarkProblems(finished, [h('Timeline'), h('Education'), h('Sources')])).toEqual([
      'the bookmark "TimelineTimeline" on page 1 of the PDF should read "Timeline"',
      'the bookmark "Stray" on page 1 of the PDF matches no heading of the report',
      'the heading "Education" has no bookmark in the PDF',
    ]);
  });
});

describe('profile-report build of an Arabic report', () => {
  it('writes bookmarks that read as the headings do, with nothing to warn about', async () => {
    const project = await tempProject({ withSample: false });
    const result = await runCli(
      ['build', 'tests/fixtures/i18n/report.ar.yaml', '--out', path.join(project, 'out'), '--strict'],
      { cwd: repoRoot },
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('warning');
    const outline = flattenOutline((await readWithPdfJs(path.join(project, 'out', 'report.ar.pdf'))).outline);
    expect(outline.slice(0, 8)).toEqual([
      'ليلى حداد وAiko Tanabe',
      'نظرة عامة',
      '  \u2068ليلى حداد\u2069: أبرز النقاط',
      '  \u2068Aiko Tanabe\u2069: أبرز النقاط',
      'الخط الزمني',
      'التعليم',
      '  ليلى حداد Layla Haddad',
      '  Aiko Tanabe 田辺 愛子',
    ]);
    expect(outline).toContain('المصادر');
    // No title is a heading written twice, as Chromium's own titles were ("عامة نظرةعامة نظرة").
    for (const title of outline) expect(title.replace(/\s+/g, '')).not.toMatch(/^(.+)\1$/);
  }, 120_000);
});
