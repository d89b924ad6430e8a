import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { contentsMismatches, englishSections } from '../helpers/contents-check.js';
import { galleryReports } from '../helpers/gallery-reports.js';
import type { GalleryReport } from '../helpers/gallery-reports.js';
import { readPdf } from '../helpers/read-pdf.js';
import type { PdfFacts } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';
import { writeWorldProject } from '../helpers/world-people.js';

const run = promisify(execFile);

interface Built {
  readonly report: GalleryReport;
  readonly code: number | null;
  readonly stderr: string;
  readonly pdf: PdfFacts;
  readonly pdfPath: string;
  readonly html: string;
}

/** Words pdftotext places on each page, with their boxes, against the page's own size. */
async function wordsOutsidePage(pdfPath: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-bbox', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 });
  const outside: string[] = [];
  for (const page of stdout.split('<page ').slice(1)) {
    const width = Number(/width="([\d.]+)"/.exec(page)?.[1]);
    const height = Number(/height="([\d.]+)"/.exec(page)?.[1]);
    for (const m of page.matchAll(/<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)<\/word>/g)) {
      const [xMin, yMin, xMax, yMax] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
      if (xMin < -0.5 || yMin < -0.5 || xMax > width + 0.5 || yMax > height + 0.5) outside.push(m[5]!);
    }
  }
  return outside;
}

/** Page texts as poppler lays them out, one string per page. */
async function pageTexts(pdfPath: string): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-layout', pdfPath, '-'], { maxBuffer: 64 * 1024 * 1024 });
  return stdout.split('\f').slice(0, -1);
}

describe('any person, any script, any length', () => {
  const built = new Map<string, Built>();

  beforeAll(async () => {
    const project = await tempProject({ withSample: false });
    for (const report of galleryReports) {
      const spec = await writeWorldProject(project, report.people, { ...report.options, name: report.name });
      // A generous deadline: these are the heaviest reports of the suite, and CI machines are shared.
      const result = await runCli(['build', path.relative(project, spec), '--timeout', '300'], { cwd: project });
      const pdfPath = path.join(project, 'out', `${report.name}.pdf`);
      built.set(report.name, { report, code: result.code, stderr: result.stderr, pdfPath, pdf: await readPdf(pdfPath), html: await readFile(path.join(project, 'out', `${report.name}.html`), 'utf8') });
    }
  }, 600_000);

  const cases = galleryReports.map((r) => [r.name, r] as const);

  it.each(cases)('%s: builds, and the preflight says exactly what it must', (name, report) => {
    const b = built.get(name)!;
    expect(b.code, b.stderr).toBe(0);
    const warnings = b.stderr.split('\n').filter((l) => /warning|render failed|too wide/.test(l));
    if (report.expectWarning) expect(b.stderr).toMatch(report.expectWarning);
    else expect(warnings, b.stderr).toEqual([]);
  });

  it.each(cases)('%s: every name is in the PDF text exactly (NFC)', async (name, report) => {
    const b = built.get(name)!;
    const text = (await pageTexts(b.pdfPath)).join('\n').normalize('NFC').replace(/\s+/g, ' ');
    for (const person of report.people) {
      if (report.expectWarning && person.nativeName && /[\u1C50-\u1C7F]/u.test(person.nativeName)) continue;
      expect(text, person.name).toContain(person.name.normalize('NFC'));
    }
  });

  it.each(cases)('%s: every page after the cover has its header and "Page X of Y", at the size asked for', async (name) => {
    const b = built.get(name)!;
    const texts = await pageTexts(b.pdfPath);
    expect(texts.length).toBe(b.pdf.pages);
    texts.forEach((text, i) => {
      expect(b.pdf.pageSizes[i]).toEqual([595, 842]);
      if (i === 0) return;
      expect(text, `page ${i + 1}`).toContain(`Page ${i + 1} of ${texts.length}`);
      expect(text, `page ${i + 1}`).toContain('23 November 2026');
    });
  });

  it.each(cases)('%s: no text lies outside the page box', async (name) => {
    expect(await wordsOutsidePage(built.get(name)!.pdfPath)).toEqual([]);
  });

  it.each(cases)('%s: no page holds only a heading, a note or a footer', async (name) => {
    const texts = await pageTexts(built.get(name)!.pdfPath);
    texts.forEach((text, i) => {
      const body = text
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '' && !/^Page \d+ of \d+$/.test(l) && !l.endsWith('23 November 2026'));
      expect(body.length, `page ${i + 1}:\n${text}`).toBeGreaterThanOrEqual(3);
    });
  });

  it.each(cases)('%s: the contents give each section the page it starts on', async (name) => {
    expect(await contentsMismatches(built.get(name)!.pdfPath, englishSections)).toEqual([]);
  });

  it('right-to-left names are isolated in the HTML, and the HTML never scrolls sideways because of a long word', () => {
    const rtl = built.get('two-scripts')!.html;
    expect(rtl).toContain('نور الهدى');
    const long = built.get('long-words')!.html;
    expect(long).toContain('overflow-wrap: anywhere');
  });
});

describe('--strict', () => {
  it('turns the preflight\'s warning into exit 1, with nothing written', async () => {
    const project = await tempProject({ withSample: false });
    const report = galleryReports.find((r) => r.name === 'no-font')!;
    const spec = await writeWorldProject(project, report.people, { ...report.options, name: report.name });
    const result = await runCli(['build', path.relative(project, spec), '--strict', '--format', 'html'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/person\.nativeName {2}the characters "ᱥ" \(U\+1C65\).* would print as a box \(--strict\)/);
    expect(result.stderr).toContain('nothing was written');
    await expect(readFile(path.join(project, 'out', 'no-font.html'))).rejects.toThrow();
  }, 60_000);
});
