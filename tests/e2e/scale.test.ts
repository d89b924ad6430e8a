import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentsMismatches, englishSections } from '../helpers/contents-check.js';
import { writeGeneratedProject } from '../helpers/generate-profiles.js';
import { readPdf } from '../helpers/read-pdf.js';
import type { PdfFacts } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';
import { readerHtml } from '../helpers/reader-view.js';

const squash = (s: string): string => s.replace(/\s+/g, '');

describe('scale: 8 people, each with 200 papers, 30 models and 40 roles', () => {
  let pdf: PdfFacts;
  let html: string;
  let pdfPath: string;

  beforeAll(async () => {
    const project = await tempProject({ withSample: false });
    await writeGeneratedProject(project, 8, { papers: 200, models: 30, career: 40 });
    // Two prints of 200 pages: on a shared, busy machine that can pass the default 60 s deadline.
    const result = await runCli(['build', '--quiet', '--timeout', '240', 'data/report.yaml'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    pdfPath = path.join(project, 'out', 'report.pdf');
    pdf = await readPdf(pdfPath);
    html = readerHtml(await readFile(path.join(project, 'out', 'report.html'), 'utf8'));
    expect(result.stderr).not.toMatch(/warning/);
  }, 300_000);

  it('builds, with every person and every paper in the text', () => {
    expect(pdf.pages).toBeGreaterThan(100);
    const text = squash(pdf.text);
    for (const name of ['Mira Castell', 'Tomas Lindqvist', 'Noor Okafor']) expect(text).toContain(squash(name));
    expect(text.match(/AFictionalStudyNumber\d+ofLearningSystemsatScale/g)).toHaveLength(8 * 200);
  });

  it('never cuts a paper row across a page break', () => {
    for (const [i, page] of pdf.pageTexts.entries()) {
      const text = squash(page);
      const titles = [...text.matchAll(/AFictionalStudyNumber(\d+)of/g)].map((m) => m[1]).sort();
      const summaries = [...text.matchAll(/Generatedpaper(\d+):/g)].map((m) => m[1]).sort();
      expect(summaries, `page ${i + 1}`).toEqual(titles);
    }
  });

  it('repeats the table header on every page a papers table runs onto', () => {
    const pagesWithRows = pdf.pageTexts.filter((t) => squash(t).includes('AFictionalStudyNumber'));
    expect(pagesWithRows.length).toBeGreaterThan(50);
    for (const page of pagesWithRows) expect(squash(page)).toContain('YearPaperVenueRole');
  });

  it('keeps charts legible: the timeline fits a page, the rest aggregate or keep the top, each with a note', () => {
    const timeline =
      /<figure class="chart" id="chart-timeline">[\s\S]*?<img [^>]*height="(\d+)"[\s\S]*?<p class="chart-note">([^<]*)<\/p>/.exec(
        html,
      );
    expect(Number(timeline?.[1])).toBeLessThanOrEqual(900);
    expect(timeline?.[2]).toContain('Roles are packed into as few rows per person as their overlaps allow');
    expect(timeline?.[2]).toContain('drawn as one mark per year, labelled with the count');
    expect(html).toMatch(/The 12 venues with the most papers are shown; .* are summed as Other venues\./);
    expect(html).toContain('12 of 241 compared metrics are drawn; every metric is in the tables below.');
    const timelinePage = pdf.pageTexts.find((t) => t.includes('Career timeline'))!;
    expect(squash(timelinePage)).toContain(squash('Roles are packed into'));
  });

  it('summarises long lists in the side-by-side table', () => {
    expect(html).toContain('30 models and systems: Model 1.1; Model 1.2; Model 1.3 and 27 more');
  });

  it('gives each section its real page in the contents, across 200 pages', async () => {
    expect(await contentsMismatches(pdfPath, englishSections)).toEqual([]);
  });
});
