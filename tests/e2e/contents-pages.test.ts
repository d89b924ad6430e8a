import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BuildContext } from '../../src/build-context.js';
import { buildReport } from '../../src/build-report.js';
import { readPdf as parsePdf } from '../../src/pdf/read-pdf.js';
import { destinationPages } from '../../src/print/number-contents.js';
import { contentsMismatches, englishSections } from '../helpers/contents-check.js';
import { readPdf } from '../helpers/read-pdf.js';
import type { PdfFacts } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/**
 * The contents on the cover give each section's page, and that page is where the section
 * really starts: the page the contents' link, and the PDF's bookmark, point at.
 */
describe('contents with page numbers', () => {
  let project: string;
  let pdf: PdfFacts;
  let pages: Map<string, number>;
  let html: string;

  beforeAll(async () => {
    project = await tempProject();
    const result = await runCli(['build', '--quiet'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const file = path.join(project, 'out', 'report.pdf');
    pdf = await readPdf(file);
    pages = destinationPages(parsePdf(await readFile(file)));
    html = await readFile(path.join(project, 'out', 'report.html'), 'utf8');
  }, 120_000);

  it('lists every section with the page it starts on', () => {
    const cover = pdf.pageTexts[0]!;
    const sections = [
      'At a glance',
      'Timeline',
      'Education',
      'Papers',
      'Models and their metrics',
      'Balance points',
      'Sources',
    ];
    const ids = [
      'section-at-a-glance',
      'section-timeline',
      'section-education',
      'section-papers',
      'section-models',
      'section-balance-points',
      'section-sources',
    ];
    sections.forEach((title, i) => {
      const page = pages.get(ids[i]!);
      expect(page, title).toBeGreaterThan(1);
      // The page's own text starts that section: its heading is on it.
      expect(pdf.pageTexts[page! - 1], title).toContain(title);
      expect(cover.replace(/\s+/g, ' ')).toMatch(new RegExp(`${title}\\s*${page}\\b`));
    });
  });

  it('agrees with the shared check used for the larger reports', async () => {
    expect(await contentsMismatches(path.join(project, 'out', 'report.pdf'), englishSections)).toEqual([]);
  });

  it('keeps the HTML free of page numbers', () => {
    expect(html).toMatch(/<span class="toc-page" data-page-of="section-papers"><\/span>/);
    expect(html).not.toContain('data-page=');
  });
});

/**
 * A build tries the contents' pages of the report's previous PDF first (in this process, or the
 * file on disk), prints once when they hold, and prints again when they do not: the numbers are
 * right either way.
 */
describe('contents guessed from the previous print', () => {
  it("prints twice the first time, once when the previous PDF is right, twice when it is another report's", async () => {
    const project = await tempProject();
    const pdfFile = path.join(project, 'out', 'report.pdf');
    const first = await buildReport({ cwd: project, write: true });
    expect(first.prints).toBe(2);
    // A new process: the guess comes from the PDF on disk.
    const second = await buildReport({ cwd: project, write: true });
    expect(second.prints).toBe(1);
    expect(second.sectionPages).toEqual(first.sectionPages);
    expect(await contentsMismatches(pdfFile, englishSections)).toEqual([]);
    // Another report's PDF in its place (the sections elsewhere): the guess fails and is not printed.
    const alone = await buildReport({
      cwd: project,
      write: true,
      outDir: path.join(project, 'alone'),
      profiles: ['data/profiles/zeng-yan.yaml'],
    });
    await copyFile(alone.outputs.find((o) => o.format === 'pdf')!.path, pdfFile);
    const stale = destinationPages(parsePdf(await readFile(pdfFile)));
    expect(stale.get('section-sources')).not.toBe(first.sectionPages.get('section-sources'));
    const third = await buildReport({ cwd: project, write: true });
    expect(third.prints).toBe(2);
    expect(third.warnings).toEqual([]);
    expect(await contentsMismatches(pdfFile, englishSections)).toEqual([]);
  }, 240_000);

  it("guesses a report's first print from the last report printed in the process (a batch, a queue worker), and prints the same bytes", async () => {
    const project = await tempProject();
    const spec = await readFile(path.join(project, 'data', 'report.yaml'), 'utf8');
    await writeFile(path.join(project, 'data', 'other.yaml'), spec.replace('name: report', 'name: other'));
    const context = new BuildContext();
    let guessed: Buffer;
    try {
      expect((await buildReport({ cwd: project, context, write: true })).prints).toBe(2);
      // Another report, never printed, no PDF of its own on disk: the last report's pages hold.
      const other = await buildReport({ cwd: project, context, write: true, spec: 'data/other.yaml' });
      expect(other.prints).toBe(1);
      expect(await contentsMismatches(path.join(project, 'out', 'other.pdf'), englishSections)).toEqual([]);
      guessed = await readFile(path.join(project, 'out', 'other.pdf'));
      // A report whose sections lie elsewhere (one person): the guess fails, two prints, and no
      // warning about the contents.
      const alone = await buildReport({
        cwd: project,
        context,
        write: true,
        outDir: path.join(project, 'alone'),
        profiles: ['data/profiles/zeng-yan.yaml'],
      });
      expect(alone.prints).toBe(2);
      expect(alone.warnings.filter((w) => w.message.includes('contents'))).toEqual([]);
    } finally {
      await context.close();
    }
    // The same report printed twice in a process of its own: the same PDF, byte for byte.
    await rm(path.join(project, 'out'), { recursive: true });
    const fresh = await buildReport({ cwd: project, write: true, spec: 'data/other.yaml' });
    expect(fresh.prints).toBe(2);
    expect((await readFile(path.join(project, 'out', 'other.pdf'))).equals(guessed)).toBe(true);
  }, 240_000);

  it('reuses the pages of the last print in a long-lived process (watch, batch, a server)', async () => {
    const project = await tempProject();
    const context = new BuildContext();
    try {
      expect((await buildReport({ cwd: project, context, formats: ['pdf'] })).prints).toBe(2);
      expect((await buildReport({ cwd: project, context, formats: ['pdf'] })).prints).toBe(1);
    } finally {
      await context.close();
    }
  }, 240_000);
});
