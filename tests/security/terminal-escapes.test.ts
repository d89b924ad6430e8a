import { spawn } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliPath } from '../helpers/paths.js';
import { tempProject } from '../helpers/temp-project.js';

/**
 * Text from a file reaches the terminal in messages, warnings and progress. With escape
 * sequences in it, it could erase lines, print a fake "wrote out/report.pdf", retitle the
 * window or set the clipboard (OSC 52). Every attack here puts such sequences in one kind of
 * input and reads the raw bytes the real CLI writes: no control byte gets through, and the
 * user sees it written out as `\u001b`.
 */
interface RawResult {
  readonly code: number | null;
  readonly stdout: Buffer;
  readonly stderr: Buffer;
}

function runRaw(args: readonly string[], cwd: string): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliPath, ...args], { cwd });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out), stderr: Buffer.concat(err) }));
    child.stdin.end();
  });
}

const ESC = '\u001b';
const BEL = '\u0007';
/** Bytes a terminal acts on: C0 but newline and tab, DEL, and C1 (UTF-8 C2 80..C2 9F). A CR only before a newline. */
function controlBytes(bytes: Buffer): string[] {
  const found: string[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 0x0a && b !== 0x09 && !(b === 0x0d && bytes[i + 1] === 0x0a)) || b === 0x7f)
      found.push(`0x${b.toString(16)} at ${i}`);
    if (b === 0xc2 && bytes[i + 1]! >= 0x80 && bytes[i + 1]! <= 0x9f)
      found.push(`C1 0x${bytes[i + 1]!.toString(16)} at ${i}`);
    // U+202A..U+202E and U+2066..U+2069: E2 80 AA..AE, E2 81 A6..A9.
    if (
      b === 0xe2 &&
      ((bytes[i + 1] === 0x80 && bytes[i + 2]! >= 0xaa && bytes[i + 2]! <= 0xae) ||
        (bytes[i + 1] === 0x81 && bytes[i + 2]! >= 0xa6 && bytes[i + 2]! <= 0xa9))
    )
      found.push(`bidi control at ${i}`);
  }
  return found;
}

function expectEscaped(result: RawResult, shown: string): void {
  expect(controlBytes(result.stdout), result.stdout.toString()).toEqual([]);
  expect(controlBytes(result.stderr), result.stderr.toString()).toEqual([]);
  expect(`${result.stdout.toString()}${result.stderr.toString()}`).toContain(shown);
}

describe('text from files reaches the terminal with its control characters escaped', () => {
  it('a YAML key (validate): an OSC title sequence', async () => {
    const project = await tempProject();
    const file = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('person:\n', 'person:\n  "k\\e]0;PWNED\\a": 1\n'));
    const result = await runRaw(['validate'], project);
    expect(result.code).toBe(1);
    expectEscaped(result, 'person.k\\u001b]0;PWNED\\u0007  unknown field');
  }, 30_000);

  it('a YAML key with a carriage return, a C1 CSI and a right-to-left override, on stderr and in --json on stdout', async () => {
    const project = await tempProject();
    const file = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('person:\n', 'person:\n  "a\\rwrote out/report.pdf\\x9b2J\\u202Eb": 1\n'),
    );
    const human = await runRaw(['validate'], project);
    expectEscaped(human, 'a\\u000dwrote out/report.pdf\\u009b2J\\u202eb');
    const json = await runRaw(['validate', '--json'], project);
    expect(controlBytes(json.stdout)).toEqual([]);
    // Still JSON, and the key reads back as written.
    expect(JSON.stringify(JSON.parse(json.stdout.toString()))).toContain('\u009b2J\u202eb');
  }, 30_000);

  it('a profile value quoted in an error', async () => {
    const project = await tempProject();
    const file = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        '    source: arxiv-2010-16046',
        '    source: "x\\e[2J\\e[1;1Hwrote out/report.pdf"',
      ),
    );
    const result = await runRaw(['build', '--format', 'html'], project);
    expect(result.code).toBe(1);
    expectEscaped(result, 'found the text "x\\u001b[2J\\u001b[1;1Hwrote out/report.pdf"');
  }, 30_000);

  it('a template file name, in a build warning', async () => {
    const project = await tempProject();
    await mkdir(path.join(project, 'look', 'partials'), { recursive: true });
    await writeFile(path.join(project, 'look', 'partials', `evil${ESC}]0;T${BEL}.hbs`), '<section>x</section>');
    const result = await runRaw(['build', '--templates', 'look', '--format', 'html'], project);
    expect(result.code, result.stderr.toString()).toBe(0);
    expectEscaped(result, 'partials/evil\\u001b]0;T\\u0007.hbs overrides nothing');
  }, 60_000);

  it('{{log}} is off: a template that logs a clipboard-setting sequence is refused, and prints nothing raw', async () => {
    const project = await tempProject();
    await mkdir(path.join(project, 'look'), { recursive: true });
    await writeFile(
      path.join(project, 'look', 'layout.hbs'),
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{title}}</title></head><body>{{log "${ESC}]52;c;cHduZWQ=${BEL}"}}{{log title}}</body></html>`,
    );
    const result = await runRaw(['build', '--templates', 'look', '--format', 'html'], project);
    expect(result.code).toBe(1);
    expectEscaped(
      result,
      'template layout.hbs cannot be compiled: You specified knownHelpersOnly, but used the unknown helper log',
    );
    expect(result.stdout.toString() + result.stderr.toString()).not.toContain('52;c;');
  }, 60_000);

  it('a BibTeX key, in import problems', async () => {
    const project = await tempProject();
    await writeFile(
      path.join(project, 'e.bib'),
      `@article{key${ESC}]0;X${BEL}a,\n  title = {A title},\n  author = {Lovelace, Ada},\n  journal = {J},\n}\n`,
    );
    const result = await runRaw(['import', 'e.bib', '--new', 'Ada Lovelace', '--dry-run'], project);
    expect(result.code).toBe(1);
    expectEscaped(result, 'entry `key\\u001b]0;X\\u0007a`');
  }, 30_000);

  it('a CSL-JSON title, in a skipped entry', async () => {
    const project = await tempProject();
    const item = {
      id: `k${ESC}[2Jx`,
      type: 'article-journal',
      title: `Title ${ESC}]0;pwn${BEL} here`,
      author: [{ family: 'Lovelace', given: 'Ada' }],
      'container-title': 'Journal',
      issued: { 'date-parts': [[2020]] },
    };
    await writeFile(path.join(project, 'c.json'), JSON.stringify([item]));
    const result = await runRaw(['import', 'c.json', '--new', 'Ada Lovelace', '--dry-run', '--skip-bad'], project);
    expectEscaped(result, 'item `k\\u001b[2Jx`: title: the text holds a control character');
  }, 30_000);
});
