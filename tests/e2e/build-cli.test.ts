import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumProcesses, chromiumProfileDirs, privateTmp } from '../helpers/leftovers.js';
import { fixtures } from '../helpers/paths.js';
import { flattenOutline, pdfFonts, readPdf } from '../helpers/read-pdf.js';
import type { PdfFacts } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

const sha256 = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

describe('profile-report build: the sample, end to end', () => {
  let project: string;
  let pdf: PdfFacts;
  let html: string;
  let stderr: string;
  let tmp: string;

  beforeAll(async () => {
    project = await tempProject();
    tmp = await privateTmp(project);
    const result = await runCli(['build'], { cwd: project, env: { TMPDIR: tmp } });
    stderr = result.stderr;
    expect(result.code, result.stderr).toBe(0);
    pdf = await readPdf(path.join(project, 'out', 'report.pdf'));
    html = await readFile(path.join(project, 'out', 'report.html'), 'utf8');
  }, 120_000);

  it('writes exactly out/report.html and out/report.pdf, no temporary files', async () => {
    expect(await readdir(path.join(project, 'out'))).toEqual(['report.html', 'report.pdf']);
  });

  it('shows each step and its time on stderr', () => {
    for (const step of ['load', 'derive', 'charts', 'templates', 'html', 'pdf', 'write'])
      expect(stderr).toMatch(new RegExp(`^  ${step}\\s+(\\d+ ms|\\d+\\.\\d\\d s)$`, 'm'));
    expect(stderr).toMatch(/^wrote out\/report\.html \([\d.]+ KiB\), out\/report\.pdf \([\d.]+ KiB\) in /m);
  });

  it('has the expected pages, A4, tagged, with its metadata', () => {
    // Eleven: cards move whole to the next page rather than split (one page more than when they split).
    expect(pdf.pages).toBe(11);
    expect(new Set(pdf.pageSizes.map(([w, h]) => `${w}x${h}`))).toEqual(new Set(['595x842']));
    expect(pdf.tagged).toBe(true);
    expect(pdf.info).toMatchObject({
      Title: 'Zeng Yan and Luo Fuli: two balance points',
      Author: 'profile-report sample',
      Subject: 'A side-by-side profile of Zeng Yan (ByteDance Seed, Seedance) and Luo Fuli (DeepSeek-V2, Xiaomi MiMo)',
      Keywords: 'AI researchers, pre-training, video generation, Mixture-of-Experts, Seedance, DeepSeek, MiMo',
      CreationDate: "D:20261123000000+00'00'",
      Language: 'en',
    });
  });

  it('holds both names in both scripts, every section title and the headline figures', () => {
    for (const text of [
      'Zeng Yan',
      '曾妍',
      'Luo Fuli',
      '罗福莉',
      'At a glance',
      'Timeline',
      'Education',
      'Papers',
      'Models and their metrics',
      'Balance points',
      'Sources',
    ]) {
      expect(pdf.text, text).toContain(text);
    }
    for (const figure of [
      '30% faster',
      'one seventieth of the inference cost of GPT-4 Turbo',
      '71.2%',
      '5.76',
      '60 seconds',
      '42.5%',
      '93.3%',
      '8th in the world',
      '2nd in China',
    ]) {
      // A figure may wrap onto a second line: compared with lines joined.
      expect(pdf.text.replace(/\s+/g, ' '), figure).toContain(figure);
    }
  });

  it('has a running header and "Page X of Y" footer on every page but the cover', () => {
    expect(pdf.pageTexts[0]).not.toContain('Page 1 of');
    for (let page = 2; page <= pdf.pages; page++) {
      expect(pdf.pageTexts[page - 1]).toContain(`Page ${page} of ${pdf.pages}`);
      expect(pdf.pageTexts[page - 1]).toContain('23 November 2026');
    }
  });

  it('lists every section in the outline, with titles as written', () => {
    expect(pdf.outline.map((e) => e.title)).toEqual([
      'Zeng Yan and Luo Fuli: two balance points',
      'At a glance',
      'Timeline',
      'Education',
      'Papers',
      'Models and their metrics',
      'Balance points',
      'What connects them',
      'Sources',
    ]);
    expect(flattenOutline(pdf.outline)).toContain('  Luo Fuli 罗福莉');
    expect(flattenOutline(pdf.outline)).toContain('    DeepSeek-V2');
  });

  it('embeds every font, Chinese included', async () => {
    const fonts = await pdfFonts(path.join(project, 'out', 'report.pdf'));
    expect(fonts.length).toBeGreaterThan(3);
    expect(fonts.filter((f) => !f.embedded)).toEqual([]);
    expect(fonts.some((f) => f.name.includes('NotoSansSC'))).toBe(true);
  });

  it('writes a self-contained HTML file: CSP first, no script that runs, nothing loaded from outside', () => {
    // Written as the HTML serialiser writes the checked tree.
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toMatch(
      /<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none';/,
    );
    // The one script element is the report's facts: inert JSON, which no browser runs.
    expect(html.match(/<script[^>]*>/gi)).toEqual(['<script type="application/json" id="profile-report-facts">']);
    expect(html).not.toMatch(/\s(src|href)="(?!data:|#|https:\/\/)/);
    expect(html).not.toMatch(/src="https?:/);
    expect(html).toContain("@font-face{font-family:'Noto Sans SC'");
    // Every chart has alt text and a table of its numbers.
    const charts = html.match(/<figure class="chart"/g) ?? [];
    expect(charts.length).toBe(11);
    expect((html.match(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="[^"]{20,}"/g) ?? []).length).toBe(11);
  });

  it('gives the same bytes when built again', async () => {
    const before = [
      await sha256(path.join(project, 'out', 'report.html')),
      await sha256(path.join(project, 'out', 'report.pdf')),
    ];
    const again = await runCli(['build', '--quiet'], { cwd: project, env: { TMPDIR: tmp } });
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect([
      await sha256(path.join(project, 'out', 'report.html')),
      await sha256(path.join(project, 'out', 'report.pdf')),
    ]).toEqual(before);
  }, 60_000);

  it('leaves no Chromium process and no temporary profile folder', async () => {
    expect(await chromiumProcesses(tmp)).toEqual([]);
    expect(await chromiumProfileDirs(tmp)).toEqual([]);
  });
});

describe('profile-report build: options and other inputs', () => {
  it('--page Letter --format pdf --out DIR', async () => {
    const project = await tempProject();
    const result = await runCli(['build', '--page', 'Letter', '--format', 'pdf', '--out', 'letter', '--quiet'], {
      cwd: project,
    });
    expect(result.code, result.stderr).toBe(0);
    expect(await readdir(path.join(project, 'letter'))).toEqual(['report.pdf']);
    const pdf = await readPdf(path.join(project, 'letter', 'report.pdf'));
    expect(new Set(pdf.pageSizes.map(([w, h]) => `${w}x${h}`))).toEqual(new Set(['612x792']));
  }, 60_000);

  it('--format html writes only the HTML, and never starts Chromium', async () => {
    const project = await tempProject();
    const mark = path.join(project, 'chromium-started');
    const env = {
      PUPPETEER_EXECUTABLE_PATH: path.join(fixtures, 'bin', 'recording-chromium.sh'),
      CHROMIUM_STARTED_MARK: mark,
    };
    for (const format of [['--format', 'html'], ['--format=html']]) {
      const result = await runCli(['build', ...format, '--quiet'], { cwd: project, env });
      expect(result.code, result.stderr).toBe(0);
      expect(await readdir(path.join(project, 'out'))).toEqual(['report.html']);
    }
    expect(existsSync(mark), 'Chromium was started').toBe(false);
    // The same wrapper does start for a PDF, so the check above can fail.
    expect((await runCli(['build', '--format', 'pdf', '--quiet'], { cwd: project, env })).code).toBe(0);
    expect(existsSync(mark)).toBe(true);
  }, 60_000);

  it('compares three people given on the command line, in that order, and names all three', async () => {
    const project = await tempProject();
    const aiko = path.join(fixtures, 'people', 'aiko-tanabe.yaml');
    const result = await runCli(
      ['build', 'data/profiles/luo-fuli.yaml', 'data/profiles/zeng-yan.yaml', aiko, '--out', 'three', '--quiet'],
      { cwd: project },
    );
    expect(result.code, result.stderr).toBe(0);
    // Its own report: named after the people, titled after them, never the sample's.
    const pdf = await readPdf(path.join(project, 'three', 'luo-fuli-zeng-yan-aiko-tanabe.pdf'));
    for (const name of ['Luo Fuli', '罗福莉', 'Zeng Yan', '曾妍', 'Aiko Tanabe', '田辺 愛子'])
      expect(pdf.text, name).toContain(name);
    expect(pdf.info['Title']).toBe('Luo Fuli, Zeng Yan and Aiko Tanabe compared');
    expect(pdf.text).not.toContain('two balance points');
    expect(pdf.info['Subject'] ?? '').not.toContain('Seedance');
    // The side-by-side table's header row, on the page after the cover.
    const page = pdf.pageTexts.find((t) => t.includes('Name in native script'))!;
    const glance = page.slice(page.indexOf('At a glance'));
    expect(glance.indexOf('Luo Fuli')).toBeLessThan(glance.indexOf('Zeng Yan'));
    expect(glance.indexOf('Zeng Yan')).toBeLessThan(glance.indexOf('Aiko Tanabe'));
  }, 60_000);

  it('bad input: exit 1, problems with file:line:col, nothing written, previous outputs unchanged', async () => {
    const project = await tempProject();
    expect((await runCli(['build', '--quiet'], { cwd: project })).code).toBe(0);
    const before = await Promise.all(['report.html', 'report.pdf'].map((f) => sha256(path.join(project, 'out', f))));
    const files = await listFiles(project);
    const profile = path.join(project, 'data', 'profiles', 'zeng-yan.yaml');
    await writeFile(
      profile,
      (await readFile(profile, 'utf8'))
        .replace('birthYear: 1997', 'birthYear: "1997"')
        .replace('  - degree: { en: "Master', '  - degre: { en: "Master'),
    );
    const result = await runCli(['build'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'data/profiles/zeng-yan.yaml:8:14  person.birthYear  expected a number, found the text "1997"',
    );
    expect(result.stderr).toMatch(
      /data\/profiles\/zeng-yan\.yaml:\d+:\d+ {2}education\[1\]\.degre {2}unknown field `degre`; did you mean `degree`\?/,
    );
    expect(result.stderr).toContain('problems found; nothing was written.');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await listFiles(project)).toEqual(files);
    expect(await Promise.all(['report.html', 'report.pdf'].map((f) => sha256(path.join(project, 'out', f))))).toEqual(
      before,
    );
  }, 60_000);

  it('bad usage: exit 2', async () => {
    const project = await tempProject();
    for (const args of [
      ['build', '--page', 'A3'],
      ['build', '--format', 'docx'],
      ['build', '--timeout', 'soon'],
    ]) {
      const result = await runCli(args, { cwd: project });
      expect(result.code, args.join(' ')).toBe(2);
    }
    expect(await listFiles(project)).not.toContain('out/report.pdf');
  });
});

describe('reports from profiles named on the command line', () => {
  it('nine profiles: the error points at the command line, not at a spec the user did not write', async () => {
    const project = await tempProject();
    const nine = Array.from({ length: 9 }, () => 'data/profiles/zeng-yan.yaml');
    const result = await runCli(['build', ...nine, '--format', 'html'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('(command line)  (file)  9 profiles given; a report compares at most 8');
    expect(result.stderr).not.toContain('report.yaml');
  }, 60_000);

  it("one profile makes a one-person profile report, beside the sample's outputs", async () => {
    const project = await tempProject();
    const result = await runCli(['build', 'data/profiles/luo-fuli.yaml', '--format', 'html', '--quiet'], {
      cwd: project,
    });
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(path.join(project, 'out', 'luo-fuli.html'), 'utf8');
    expect(html).toContain('<title>Luo Fuli: a profile</title>');
    expect(await listFiles(path.join(project, 'out'))).toEqual(['luo-fuli.html']);
  }, 60_000);
});
