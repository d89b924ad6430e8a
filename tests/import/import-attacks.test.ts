import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

// Hostile import files, each given to the real CLI in a fresh project, as an attacker would.
let dir: string;
let profile: string;
let before: string;

beforeEach(async () => {
  dir = await tempProject();
  profile = path.join(dir, 'data', 'profiles', 'zeng-yan.yaml');
  before = await readFile(profile, 'utf8');
});

const importInto = (file: string, ...flags: string[]) =>
  runCli(['import', file, '--into', 'data/profiles/zeng-yan.yaml', ...flags], { cwd: dir });

async function unchanged(): Promise<void> {
  expect(await readFile(profile, 'utf8')).toBe(before);
  expect((await listFiles(dir)).filter((f) => f.includes('.tmp'))).toEqual([]);
}

function cslItems(n: number): string {
  const items = Array.from({ length: n }, (_, i) => ({
    id: `p${i}`,
    type: 'article-journal',
    title: `A study of thing number ${i} in depth`,
    'container-title': 'Journal of Things',
    issued: { 'date-parts': [[2000 + (i % 20)]] },
    author: [
      { family: 'Zeng', given: 'Yan' },
      { family: 'Other', given: `Person ${i}` },
    ],
    DOI: `10.1000/x${i}`,
  }));
  return JSON.stringify(items, null, 1);
}

describe('bounded imports', () => {
  it('a .bib @string bomb (eight macros, each ten copies of the last) is refused at once: exit 1, the limit named, nothing written', async () => {
    const macros = [
      '@string{a0="xxxxxxxxxx"}',
      ...Array.from({ length: 7 }, (_, i) => `@string{a${i + 1} = ${Array(10).fill(`a${i}`).join(' # ')}}`),
    ];
    const entries = Array.from(
      { length: 40 },
      (_, i) => `@article{e${i}, title = a7 # "k", author={Zeng, Yan}, journal={J}, year=2020}`,
    );
    await writeFile(path.join(dir, 'bomb.bib'), [...macros, ...entries].join('\n'));
    const result = await importInto('bomb.bib', '--skip-bad');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^bomb\.bib:8:\d+ {2}\(file\) {2}the @string macros of this file expand to more than 16 Mi characters of text \(the limit\)/m,
    );
    expect(result.stderr).not.toMatch(/internal error|RangeError/);
    await unchanged();
  }, 30_000);

  it('a macro named after a property of Object expands to nothing, not to the text of a function', async () => {
    await writeFile(
      path.join(dir, 'names.bib'),
      '@article{m, title = constructor # "Real title here" # toString, author={Zeng, Yan}, journal={J}, year=2020}\n',
    );
    const result = await importInto('names.bib', '--json', '--dry-run');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).added.papers).toEqual(['m']);
    const dry = await importInto('names.bib', '--dry-run');
    expect(dry.stdout).toMatch(/^\+ {4}title: Real title here$/m);
    expect(dry.stdout).not.toContain('native code');
  });

  it.each([8_000, 16_000])(
    'a CSL-JSON file of %i papers is refused before any work: exit 1, the limit named',
    async (n) => {
      await writeFile(path.join(dir, 'many.json'), cslItems(n));
      const result = await importInto('many.json');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `many.json  (file)  this file holds ${n.toLocaleString('en')} papers, and a profile holds at most 500: the file is refused before its entries are read`,
      );
      await unchanged();
    },
    30_000,
  );

  it('a .bib of 8,000 entries likewise', async () => {
    const bib = Array.from(
      { length: 8_000 },
      (_, i) =>
        `@article{e${i}, title={A study of thing number ${i} in depth}, author={Zeng, Yan and Other, Person}, journal={Journal of Things}, year=2020}`,
    ).join('\n');
    await writeFile(path.join(dir, 'many.bib'), bib);
    const result = await importInto('many.bib', '--skip-bad');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('this file holds 8,000 papers, and a profile holds at most 500');
    await unchanged();
  }, 30_000);
});

describe('one bad crossref is one bad entry', () => {
  it.each(['__proto__', 'constructor', 'toString'])(
    'crossref = {%s}: exit 1 naming the entry; with --skip-bad the others are imported',
    async (key) => {
      const bib = `@inproceedings{bad, title={Poisoned}, author={Zeng, Yan}, crossref={${key}}, year=2020}\n@article{good, title={A Good Paper About Things}, author={Zeng, Yan}, journal={J}, year=2020}\n`;
      await writeFile(path.join(dir, 'x.bib'), bib);
      const strict = await importInto('x.bib');
      expect(strict.code).toBe(1);
      expect(strict.stderr).toMatch(
        new RegExp(`^x\\.bib:1:1 {2}bad {2}entry \`bad\`: its crossref \`${key}\` names no entry in this file`, 'm'),
      );
      expect(strict.stderr).not.toMatch(/internal error|TypeError/);
      await unchanged();
      const lenient = await importInto('x.bib', '--skip-bad');
      expect(lenient.code).toBe(0);
      expect(lenient.stderr).toMatch(/^skipped: x\.bib:1:1 {2}bad {2}entry `bad`: its crossref/m);
      expect(parse(await readFile(profile, 'utf8')).papers.map((p: { id: string }) => p.id)).toContain('good');
    },
  );

  it('an entry keyed `__proto__` is refused, not allowed to replace the lookup table of the others', async () => {
    const bib =
      '@proceedings{__proto__, title={Proc}, year=2020}\n@inproceedings{child, title={A Child Paper of Proceedings}, author={Zeng, Yan}, crossref={type}, booktitle={B}, year=2020}\n';
    await writeFile(path.join(dir, 'p.bib'), bib);
    const result = await importInto('p.bib');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('entry `__proto__`: the key `__proto__` cannot name an entry');
    expect(result.stderr).toContain('entry `child`: its crossref `type` names no entry in this file');
    await unchanged();
  });
});

describe('the profile is written back as it was written', () => {
  const bib =
    '@article{fresh, title={A Fresh Paper on Video Models}, author={Zeng, Yan}, journal={Journal of Things}, year=2024}\n';

  it('a profile without a final line break: imported into, still valid, still without one', async () => {
    const text = before.replace(/\n+$/, '');
    await writeFile(profile, text);
    await writeFile(path.join(dir, 'a.bib'), bib);
    const result = await importInto('a.bib');
    expect(result.stderr).not.toContain('seq-item-ind');
    expect(result.code).toBe(0);
    const after = await readFile(profile, 'utf8');
    expect(after.endsWith('\n')).toBe(false);
    expect(after.startsWith(text.slice(0, text.indexOf('\nmodels:')))).toBe(true);
    expect(parse(after).papers.at(-1).id).toBe('fresh');
    expect((await runCli(['validate', 'data/profiles/zeng-yan.yaml'], { cwd: dir })).code).toBe(0);
  });

  it('a profile with a byte-order mark and CRLF keeps both, on every line, new ones included', async () => {
    const text = `\uFEFF${before.replace(/\n/g, '\r\n')}`;
    await writeFile(profile, text);
    await writeFile(path.join(dir, 'a.bib'), bib);
    const result = await importInto('a.bib');
    expect(result.code).toBe(0);
    const after = await readFile(profile, 'utf8');
    expect(after.startsWith('\uFEFF# yaml-language-server')).toBe(true);
    expect(after.replace(/\r\n/g, '')).not.toContain('\n');
    expect(after.length).toBeGreaterThan(text.length);
    expect(parse(after.slice(1)).papers.at(-1).id).toBe('fresh');
  });

  it("a file with some CRLF lines and some LF lines: the user's lines stay byte for byte", async () => {
    const lines = before.split('\n');
    const mixed = lines.map((l, i) => (i < lines.length - 1 ? l + (i % 2 === 0 ? '\r\n' : '\n') : l)).join('');
    await writeFile(profile, mixed);
    await writeFile(path.join(dir, 'a.bib'), bib);
    expect((await importInto('a.bib')).code).toBe(0);
    // Every line the user wrote, with its own line end, is still there in order.
    const withEnds = (t: string): string[] => t.match(/[^\n]*\n|[^\n]+$/g) ?? [];
    const kept = withEnds(mixed);
    let i = 0;
    for (const line of withEnds(await readFile(profile, 'utf8'))) if (line === kept[i]) i++;
    expect(i).toBe(kept.length);
  });
});
