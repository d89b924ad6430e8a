import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { editionFactsFromBytes } from '../../src/edition/read-edition.js';
import { fixtures } from '../helpers/paths.js';
import { readPdf } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { LiveCli } from '../helpers/spawn-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';
import { readerHtml } from '../helpers/reader-view.js';

/*
 * One project, two editions: the first built and committed, the second edited the ways the
 * issue names (a paper added, a role removed, a metric changed, a paper retitled, a person
 * added). Every kind of earlier edition (PDF, HTML, git:REV) must give the same changes.
 */
let dir: string;
const git = (...args: string[]): string =>
  execFileSync('git', ['-c', 'user.email=t@example.org', '-c', 'user.name=t', ...args], { cwd: dir, encoding: 'utf8' });

interface JsonChange {
  person: string;
  section: string;
  kind: string;
  what: string;
  before?: string;
  after?: string;
  sources: { id: string }[];
}
const changesOf = (stdout: string): JsonChange[] => (JSON.parse(stdout) as { changes: JsonChange[] }).changes;

beforeAll(async () => {
  dir = await tempProject();
  const first = await runCli(['build', '--out', 'first', '--quiet'], { cwd: dir });
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  git('init', '-q');
  git('add', 'data');
  git('commit', '-qm', 'first edition');

  const luo = path.join(dir, 'data', 'profiles', 'luo-fuli.yaml');
  let text = await readFile(luo, 'utf8');
  text = text.replace(
    'title: "VECO: Variable and Flexible Cross-lingual Pre-training for Language Understanding and Generation"',
    'title: "VECO: Variable and Flexible Cross-lingual Pre-training for Understanding and Generation"',
  );
  text = text.replace('        value: 57.5\n', '        value: 45\n');
  text = text.replace(
    'papers:\n',
    'papers:\n  - id: sparse-experts\n    title: "Sparse Experts at Scale"\n    year: 2026\n    venue: arXiv preprint\n    authorship: co-author\n    summary: A paper added after the first edition.\n    source: arxiv-2010-16046\n',
  );
  await writeFile(luo, text);
  const zeng = path.join(dir, 'data', 'profiles', 'zeng-yan.yaml');
  const zengText = await readFile(zeng, 'utf8');
  const role = /  - title: \{ en: "Algorithm engineer", [^\n]*\n(    [^\n]*\n)+/.exec(zengText)![0];
  await writeFile(zeng, zengText.replace(role, ''));
  await cp(path.join(fixtures, 'people', 'aiko-tanabe.yaml'), path.join(dir, 'data', 'profiles', 'aiko-tanabe.yaml'));
  const spec = path.join(dir, 'data', 'report.yaml');
  await writeFile(
    spec,
    (await readFile(spec, 'utf8')).replace(/(profiles:\n(?:\s+- [^\n]+\n)+)/, '$1  - profiles/aiko-tanabe.yaml\n'),
  );
});

describe('diff', () => {
  it('gives the same changes from a PDF, an HTML and a git:REV edition', async () => {
    const results = await Promise.all(
      ['first/report.pdf', 'first/report.html', 'git:HEAD'].map((old) =>
        runCli(['diff', old, 'data/report.yaml', '--json'], { cwd: dir }),
      ),
    );
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const [pdf, html, rev] = results.map((r) => changesOf(r.stdout));
    expect(html).toEqual(pdf);
    expect(rev).toEqual(pdf);
    const brief = pdf!.map(
      (c) => `${c.person} ${c.section} ${c.kind} ${c.what}${c.kind === 'changed' ? `: ${c.before} -> ${c.after}` : ''}`,
    );
    expect(brief).toEqual(
      expect.arrayContaining([
        'Zeng Yan career removed role ByteDance Seed (2023)',
        'Luo Fuli papers added paper Sparse Experts at Scale',
        'Luo Fuli papers changed paper VECO: title: VECO: Variable and Flexible Cross-lingual Pre-training for Language Understanding and Generation -> VECO: Variable and Flexible Cross-lingual Pre-training for Understanding and Generation',
        'Luo Fuli models changed model DeepSeek-V2: Training cost: value: 57.5% of DeepSeek 67B -> 45% of DeepSeek 67B',
        'Aiko Tanabe people added person Aiko Tanabe',
      ]),
    );
    expect(pdf!.find((c) => c.what === 'paper Sparse Experts at Scale')!.sources.map((s) => s.id)).toEqual([
      'arxiv-2010-16046',
    ]);
  });

  it('an edition compared with itself has no changes', async () => {
    for (const [a, b] of [
      ['first/report.pdf', 'first/report.html'],
      ['git:HEAD', 'first/report.pdf'],
      ['data/report.yaml', 'data/report.yaml'],
    ] as const) {
      const r = await runCli(['diff', a, b, '--json'], { cwd: dir });
      expect(r.code, r.stderr).toBe(0);
      expect(changesOf(r.stdout)).toEqual([]);
    }
  });

  it('prints the changes for a terminal', async () => {
    const r = await runCli(['diff', 'first/report.pdf', 'data/report.yaml'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^\d+ changes from first\/report\.pdf \(2026-11-23\) to data\/report\.yaml \(2026-11-23\):/,
    );
    expect(r.stdout).toContain('  removed  role ByteDance Seed (2023)  [article]');
  });
});

describe('build --since', () => {
  it('adds "What changed since" after the at-a-glance, in the contents and bookmarks, and marks new and changed items (PDF edition, English)', async () => {
    const r = await runCli(['build', '--since', 'first/report.pdf', '--out', 'second', '--quiet'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const pdf = await readPdf(path.join(dir, 'second', 'report.pdf'));
    const titles = pdf.outline.map((o) => o.title);
    expect(titles.indexOf('What changed since 23 November 2026')).toBe(titles.indexOf('At a glance') + 1);
    const page = pdf.pageTexts.find((t) => t.includes('Compared with the edition of 23 November 2026'))!;
    expect(page).toBeDefined();
    const flat = page.replace(/\s+/g, ' ');
    expect(flat).toContain('Removed ByteDance Seed (2023)');
    expect(flat).toContain('Added Sparse Experts at Scale');
    expect(flat).toContain('Training cost: value: 57.5% of DeepSeek 67B → 45% of DeepSeek 67B');
    expect(flat).toContain('Aiko Tanabe is new in this edition.');
    expect(pdf.text.replace(/\s+/g, ' ')).toMatch(/NEW Sparse Experts at Scale/i);
    // The contents on the cover list it with its page.
    expect(pdf.pageTexts[0]!.replace(/\s+/g, ' ')).toContain('What changed since 23 November 2026');
  });

  it('in Chinese, from git:REV', async () => {
    const r = await runCli(['build', '--since', 'git:HEAD', '--lang', 'zh-CN', '--out', 'second-zh', '--quiet'], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    const pdf = await readPdf(path.join(dir, 'second-zh', 'report.pdf'));
    expect(pdf.outline.map((o) => o.title)).toContain('自2026年11月23日以来的变化');
    const text = pdf.text.replace(/\s+/g, '');
    expect(text).toContain('新增SparseExpertsatScale');
    expect(text).toContain('删除');
    expect(text).toContain('AikoTanabe是本版新增的人物');
  });

  it('from an HTML edition, with nothing changed: one line says so', async () => {
    const same = await tempProject();
    expect((await runCli(['build', '--format', 'html', '--out', 'a', '--quiet'], { cwd: same })).code).toBe(0);
    const r = await runCli(['build', '--since', 'a/report.html', '--format', 'html', '--out', 'b', '--quiet'], {
      cwd: same,
    });
    expect(r.code, r.stderr).toBe(0);
    const html = readerHtml(await readFile(path.join(same, 'b', 'report.html'), 'utf8'));
    expect(html).toContain('Nothing has changed since the edition of 23 November 2026.');
    expect(html).not.toContain('class="change-mark"');
  });

  it('from an HTML edition, with changes', async () => {
    const r = await runCli(['build', '--since', 'first/report.html', '--format', 'html', '--out', 'third', '--quiet'], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    const html = readerHtml(await readFile(path.join(dir, 'third', 'report.html'), 'utf8'));
    expect(html).toContain('Added</span> <span class="change-what" dir="auto">Sparse Experts at Scale');
  });
});

describe('watch --since', () => {
  it('keeps the changes section in every build', async () => {
    const live = new LiveCli(
      ['watch', '--since', 'first/report.html', '--format', 'html', '--out', 'watched', '--json'],
      dir,
    );
    try {
      const first = await live.next<{ ok: boolean }>(60_000);
      expect(first.ok, live.stderr).toBe(true);
      const html = readerHtml(await readFile(path.join(dir, 'watched', 'report.html'), 'utf8'));
      expect(html).toContain('What changed since 23 November 2026');
      expect(html).toContain('Aiko Tanabe is new in this edition.');
    } finally {
      live.child.kill('SIGTERM');
      await live.exited;
    }
  });
});

describe('every report carries its facts, inert', () => {
  it('a profile text that tries to end the data block stays text, and reads back as written', async () => {
    const hostile = await tempProject();
    const file = path.join(hostile, 'data', 'profiles', 'luo-fuli.yaml');
    const payload = '</script><script>alert(1)</script><!-- & \u2028 end';
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(/(\n  headline: )[^\n]+/, `$1${JSON.stringify(payload)}`),
    );
    const r = await runCli(['build', '--format', 'html', '--quiet'], { cwd: hostile });
    expect(r.code, r.stderr).toBe(0);
    const html = await readFile(path.join(hostile, 'out', 'report.html'), 'utf8');
    expect(html.match(/<script/g)).toHaveLength(1);
    const facts = await editionFactsFromBytes('report.html', Buffer.from(html));
    expect(facts.people.find((p) => p.key === 'luo fuli')!.profile.person.headline).toBe(payload);
  });

  it('a template cannot write a facts block of its own', async () => {
    const project = await tempProject();
    await mkdir(path.join(project, 'theme', 'partials'), { recursive: true });
    await writeFile(
      path.join(project, 'theme', 'partials', 'sources.hbs'),
      '<script type="application/json" id="profile-report-facts">{}</script>',
    );
    const r = await runCli(['build', '--templates', 'theme', '--format', 'html'], { cwd: project });
    // As every template the page check refuses: a rendering failure (see template-safety.ts).
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/reports carry no scripts/);
    expect(await listFiles(project)).not.toContain(path.join('out', 'report.html'));
  });
});

describe('bad editions: exit 1, a message naming the file, nothing written', () => {
  const cases: [string, (d: string) => string | Promise<string>, RegExp][] = [
    [
      'a file that is not a report',
      async (d) => (await writeFile(path.join(d, 'notes.txt'), 'hello'), 'notes.txt'),
      /notes\.txt: not an edition of a report/,
    ],
    [
      'an HTML page without facts',
      async (d) => (
        await writeFile(path.join(d, 'page.html'), '<!doctype html><html><body><p>hi</p></body></html>'),
        'page.html'
      ),
      /page\.html: this HTML carries no facts/,
    ],
    [
      'a PDF without facts',
      async (d) => {
        // A minimal valid PDF, as another tool would write it.
        const objects = [
          '<< /Type /Catalog /Pages 2 0 R >>',
          '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
          '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
        ];
        let body = '%PDF-1.4\n';
        const offsets = objects.map((o, i) => {
          const at = body.length;
          body += `${i + 1} 0 obj\n${o}\nendobj\n`;
          return at;
        });
        const xref = body.length;
        body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
        await writeFile(path.join(d, 'other.pdf'), body, 'latin1');
        return 'other.pdf';
      },
      /other\.pdf: this PDF carries no facts/,
    ],
    [
      'a damaged PDF',
      async (d) => (await writeFile(path.join(d, 'broken.pdf'), '%PDF-1.7\n garbage'), 'broken.pdf'),
      /broken\.pdf: this PDF (cannot be read|carries no facts)/,
    ],
    [
      'facts from a newer version',
      async (d) => {
        const html = await readFile(path.join(dir, 'first', 'report.html'), 'utf8');
        await writeFile(path.join(d, 'newer.html'), html.replace('"version":1', '"version":2'));
        return 'newer.html';
      },
      /newer\.html: its facts are in format version 2, from a newer profile-report/,
    ],
    [
      'facts that do not match their schema',
      async (d) => {
        const html = await readFile(path.join(dir, 'first', 'report.html'), 'utf8');
        await writeFile(path.join(d, 'tampered.html'), html.replace('"authorship":"first"', '"authorship":"sole"'));
        return 'tampered.html';
      },
      /tampered\.html: its facts do not match the facts format \(people\.\d\.profile\.papers\.\d\.authorship/,
    ],
    ['an unknown git revision', () => 'git:no-such-branch', /git:no-such-branch: no such revision in this repository/],
    ['a revision that looks like an option', () => 'git:--output=/tmp/x', /git:--output=\/tmp\/x: not a git revision/],
    ['a file that does not exist', () => 'missing.pdf', /missing\.pdf: no such file/],
  ];
  it.each(cases)('%s', async (_, make, message) => {
    const edition = await make(dir);
    const out = `bad-${Math.random().toString(36).slice(2)}`;
    const r = await runCli(['build', '--since', edition, '--format', 'html', '--out', out], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect((await listFiles(dir)).some((f) => f.startsWith(out))).toBe(false);
    const d = await runCli(['diff', edition, 'data/report.yaml'], { cwd: dir });
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(message);
  });

  it('--since with nothing after it is bad usage', async () => {
    const r = await runCli(['build', '--since', '', '--format', 'html'], { cwd: dir });
    expect(r.code).toBe(2);
    await rm(path.join(dir, 'out'), { recursive: true, force: true });
  });
});
