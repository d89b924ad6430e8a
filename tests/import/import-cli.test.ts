import { readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

let dir: string;
let profile: string;
let before: string;

beforeAll(async () => {
  dir = await tempProject();
  profile = path.join(dir, 'data', 'profiles', 'zeng-yan.yaml');
  before = await readFile(profile, 'utf8');
  await mkdir(path.join(dir, 'in'));
  const files: Record<string, string> = {
    'good.bib':
      '@article{seedance, title={Seedance 2.0 Pre-Training}, author={Zeng, Yan and Zhou, Chang}, journal={ByteDance Seed Technical Reports}, year=2026}\n',
    'broken.bib':
      '@article{ok, title={Fine}, author={Zeng, Yan}, journal={J}, year=2024}\n\n@article{unclosed, title={Never closed, author={Zeng, Yan}, year=2024}\n',
    'partly.bib':
      '@article{ok, title={A Fine Paper}, author={Zeng, Yan}, journal={J}, year=2024}\n@article{notitle, author={Zeng, Yan}, journal={J}, year=2024}\n@article{baddate, title={Bad Date}, author={Zeng, Yan}, journal={J}, year={to appear}}\n',
    'broken.json': '{\n  "basics": { "name": "X" },\n  "work": [ { "name": "A" } ,, ]\n}\n',
    'notes.txt': 'just some notes, not a record\n',
  };
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, 'in', name), text);
  await writeFile(path.join(dir, 'in', 'huge.bib'), `@misc{a, title={${'x'.repeat(9 * 1024 * 1024)}}}`);
});

const run = (...args: string[]) => runCli(['import', ...args], { cwd: dir });

async function unchanged(): Promise<void> {
  expect(await readFile(profile, 'utf8')).toBe(before);
  expect((await listFiles(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
}

describe('profile-report import: errors write nothing', () => {
  it('malformed BibTeX: file:line:col, the entry named, exit 1', async () => {
    const result = await run('in/broken.bib', '--into', 'data/profiles/zeng-yan.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^in\/broken\.bib:\d+:\d+ {2}unclosed {2}BibTeX syntax error in entry `unclosed`/m);
    expect(result.stderr).toContain('nothing was written');
    await unchanged();
  });

  it('malformed JSON: line:col', async () => {
    const result = await run('in/broken.json', '--into', 'data/profiles/zeng-yan.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^in\/broken\.json:3:\d+ {2}\(file\) {2}the JSON cannot be read/m);
    await unchanged();
  });

  it('an unknown format, and a file too big', async () => {
    const unknown = await run('in/notes.txt', '--into', 'data/profiles/zeng-yan.yaml');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('the format of this file is not one import knows');
    const huge = await run('in/huge.bib', '--into', 'data/profiles/zeng-yan.yaml');
    expect(huge.code).toBe(1);
    expect(huge.stderr).toMatch(/in\/huge\.bib {2}\(file\) {2}the file is 9\.0 MiB; the limit is 8 MiB/);
    await unchanged();
  });

  it('an entry with no title and a date that is not a date: each named, nothing imported', async () => {
    const result = await run('in/partly.bib', '--into', 'data/profiles/zeng-yan.yaml');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^in\/partly\.bib:2:1 {2}notitle {2}entry `notitle`: has no title$/m);
    expect(result.stderr).toMatch(
      /^in\/partly\.bib:3:1 {2}baddate {2}entry `baddate`: the year `to appear` is not a date/m,
    );
    expect(result.stderr).toContain('add --skip-bad');
    await unchanged();
  });

  it('bad usage exits 2', async () => {
    expect((await run('in/good.bib')).code).toBe(2);
    expect((await run('in/good.bib', '--into', 'a.yaml', '--new', 'X')).code).toBe(2);
    expect((await run('in/good.bib', '--into', 'data/profiles/zeng-yan.yaml', '--format', 'ris')).code).toBe(2);
    await unchanged();
  });
});

describe('profile-report import: --skip-bad, --dry-run, --json', () => {
  it('--dry-run prints a diff and writes nothing', async () => {
    const result = await run('in/good.bib', '--into', 'data/profiles/zeng-yan.yaml', '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\+ {2}- id: seedance$/m);
    expect(result.stdout).toMatch(/^\+ {4}title: Seedance 2\.0 Pre-Training$/m);
    expect(result.stderr).toContain('dry run: nothing was written.');
    await unchanged();
  });

  it('--json prints a machine-readable summary', async () => {
    const result = await run(
      'in/partly.bib',
      '--into',
      'data/profiles/zeng-yan.yaml',
      '--json',
      '--skip-bad',
      '--dry-run',
    );
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout);
    expect(summary).toMatchObject({
      command: 'import',
      ok: true,
      exitCode: 0,
      dryRun: true,
      written: false,
      added: { papers: ['ok'] },
    });
    expect(summary.skipped.map((p: { path: string }) => p.path)).toEqual(['notitle', 'baddate']);
    await unchanged();
  });

  it('--skip-bad imports the good entries, reports the skipped, and the result validates and builds', async () => {
    const result = await run('in/partly.bib', 'in/broken.bib', '--into', 'data/profiles/zeng-yan.yaml', '--skip-bad');
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^skipped: in\/partly\.bib:2:1 {2}notitle/m);
    expect(result.stderr).toMatch(/^skipped: in\/broken\.bib:\d+:\d+ {2}unclosed/m);
    const after = await readFile(profile, 'utf8');
    expect(after.startsWith(before.slice(0, before.indexOf('\nmodels:')))).toBe(true);
    expect(parse(after).papers.map((p: { id: string }) => p.id)).toEqual([
      'x-vlm',
      'cclm',
      'lynx',
      'pixeldance',
      'ok',
      'ok-2',
    ]);
    const validate = await runCli(['validate', 'data/profiles/zeng-yan.yaml'], { cwd: dir });
    expect(validate.stderr).toContain('no problems');
    const build = await runCli(['build', '--format', 'html', '--quiet'], { cwd: dir });
    expect(build.code).toBe(0);
    const html = await readFile(path.join(dir, 'out', 'report.html'), 'utf8');
    expect(html).toContain('A Fine Paper');
  });
});

describe('what an import leaves out is said', () => {
  it('in the summary on stderr and in --json, for a résumé with sections the profile has no place for', async () => {
    const resume = path.join(repoRoot, 'tests', 'fixtures', 'records', 'jsonresume-sample.resume.json');
    const text = await run(resume, '--new', 'Richard Hendriks', '--dir', 'people', '--dry-run');
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('11 kinds of fact left out.');
    expect(text.stderr).toMatch(
      /^left out: .*jsonresume-sample\.resume\.json {2}3 JSON Resume work highlights: the profile has no place for them/m,
    );
    expect(text.stderr).toMatch(
      /^left out: .* {2}JSON Resume volunteer: the profile has no place for volunteer work$/m,
    );
    const json = await run(resume, '--new', 'Richard Hendriks', '--dir', 'people', '--dry-run', '--json');
    const summary = JSON.parse(json.stdout);
    expect(summary.leftOut).toContainEqual({
      file: expect.stringMatching(/jsonresume-sample\.resume\.json$/),
      what: 'JSON Resume skills',
      count: 2,
      why: 'the profile has no place for skills',
    });
    expect(summary.leftOut).toHaveLength(11);
  });
});

describe('the sample round trip and a new profile', () => {
  it("examples/import/zeng-yan.bib into an empty profile gives the sample's papers", async () => {
    const project = await tempProject();
    const result = await runCli(
      ['import', path.join(repoRoot, 'examples', 'import', 'zeng-yan.bib'), '--new', 'Zeng Yan', '--dir', 'people'],
      { cwd: project },
    );
    expect(result.code).toBe(0);
    const made = parse(await readFile(path.join(project, 'people', 'zeng-yan.yaml'), 'utf8'));
    const sample = parse(await readFile(path.join(repoRoot, 'data', 'profiles', 'zeng-yan.yaml'), 'utf8'));
    const facts = (papers: { title: string; year: number; venue: string; arxiv?: string; authorship: string }[]) =>
      papers.map(({ title, year, venue, arxiv, authorship }) => ({ title, year, venue, arxiv, authorship }));
    expect(facts(made.papers)).toEqual(facts(sample.papers));
    const validate = await runCli(['validate', 'people/zeng-yan.yaml'], { cwd: project });
    expect(validate.code).toBe(0);
  });

  it('a Google Scholar .bib and an ORCID record: one command for a profile, one for the report (PDF included)', async () => {
    const project = await tempProject();
    const orcid = path.join(repoRoot, 'tests', 'fixtures', 'import', 'orcid-record-3.0.json');
    const bib = path.join(repoRoot, 'examples', 'import', 'zeng-yan.bib');
    const made = await runCli(['import', bib, orcid, '--new', 'Zeng Yan', '--dir', 'people', '--skip-bad'], {
      cwd: project,
    });
    expect(made.code).toBe(0);
    const build = await runCli(
      ['build', 'people/zeng-yan.yaml', 'data/profiles/luo-fuli.yaml', '--quiet', '--out', 'out2'],
      { cwd: project },
    );
    expect(build.code).toBe(0);
    // Profiles named on the command line make a report of their own name; find its PDF.
    const pdfName = (await listFiles(path.join(project, 'out2'))).find((f) => f.endsWith('.pdf'));
    expect(pdfName).toBeDefined();
    const pdf = await readFile(path.join(project, 'out2', pdfName!));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  }, 240_000);
});
