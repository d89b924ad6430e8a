import { open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { limits } from '../../src/limits.js';
import { fixtures } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/** Replaces the Luo Fuli profile of a fresh sample project and builds it. */
async function buildWith(
  edit: (text: string) => string | Uint8Array,
): Promise<{ code: number | null; stderr: string; before: string[]; after: string[] }> {
  const project = await tempProject();
  const file = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
  await writeFile(file, edit(await readFile(file, 'utf8')));
  const before = await listFiles(project);
  const result = await runCli(['build'], { cwd: project });
  return { code: result.code, stderr: result.stderr, before, after: await listFiles(project) };
}

function expectCleanRefusal(
  result: { code: number | null; stderr: string; before: string[]; after: string[] },
  message: RegExp,
): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at [\w.<]/); // no stack trace
  expect(result.after).toEqual(result.before); // nothing written
}

describe('hostile files end in a clean error: exit 1, file:line:col, nothing written', () => {
  it.each([
    [
      '!!binary',
      (t: string) => t.replace(/^ {2}headline: .*$/m, '  headline: !!binary aGVsbG8='),
      /luo-fuli\.yaml:10:\d+ {2}person\.headline {2}the YAML tag !!binary is not allowed/,
    ],
    [
      '!!set',
      (t: string) => t.replace('education:', 'education: !!set {a, b}\neducation_:'),
      /luo-fuli\.yaml:\d+:\d+ {2}education {2}the YAML tag !!set is not allowed/,
    ],
    [
      'an unknown tag',
      (t: string) => t.replace('  name: Luo Fuli', '  name: !evil Luo Fuli'),
      /luo-fuli\.yaml:8:\d+ {2}person\.name {2}the YAML tag !evil is not allowed/,
    ],
    [
      '__proto__ deep inside',
      (t: string) => t.replace('    shortName: VECO', '    shortName: VECO\n    __proto__: { polluted: true }'),
      /luo-fuli\.yaml:\d+:5 {2}papers\[0\]\.__proto__ {2}the key `__proto__` is not allowed/,
    ],
    [
      'constructor as a key',
      (t: string) => t.replace('person:', 'constructor: 1\nperson:'),
      /luo-fuli\.yaml:7:1 {2}constructor {2}the key `constructor` is not allowed/,
    ],
    [
      'a year written 1.10',
      (t: string) => t.replace('    year: 2021', '    year: 1.10'),
      /papers\[0\]\.year {2}expected a whole number, found the number 1\.10/,
    ],
    [
      'a position written 01234',
      (t: string) => t.replace('    position: 50', '    position: 01234'),
      /balance\[0\]\.position {2}01234 has a leading zero/,
    ],
    [
      'a year written no',
      (t: string) => t.replace('    year: 2021', '    year: no'),
      /papers\[0\]\.year {2}expected a number, found the text "no"/,
    ],
    [
      'a billion laughs',
      async () => readFile(path.join(fixtures, 'invalid', 'alias-bomb.yaml'), 'utf8'),
      /luo-fuli\.yaml:5:8 {2}e\[0\] {2}aliases \(\*name\) expand this file to more than 10000 values/,
    ],
    [
      '20,000-deep nesting',
      () => `person: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`,
      /luo-fuli\.yaml:1:\d+ {2}\(file\) {2}values are nested more than 32 levels deep/,
    ],
    [
      'a 1 MB line',
      () =>
        `person:\n  name: Luo Fuli\n  headline: "${'x'.repeat(1_000_000)}"\n  source: a\nsources:\n  - id: a\n    title: A\n`,
      /luo-fuli\.yaml:3:13 {2}person\.headline {2}the text is too long; the limit is 300 characters/,
    ],
    [
      'invalid UTF-8',
      () =>
        Buffer.from([
          0x70, 0x65, 0x72, 0x73, 0x6f, 0x6e, 0x3a, 0x0a, 0x20, 0x20, 0x6e, 0x61, 0x6d, 0x65, 0x3a, 0x20, 0xff, 0x0a,
        ]),
      /luo-fuli\.yaml:2:9 {2}\(file\) {2}the file is not valid UTF-8: byte 0xff at byte offset 16/,
    ],
  ] as const)(
    '%s',
    async (_, edit, message) => {
      const text = await (edit as (t: string) => string | Uint8Array | Promise<string>)(
        await readFile(path.join(fixtures, '..', '..', 'data', 'profiles', 'luo-fuli.yaml'), 'utf8'),
      );
      expectCleanRefusal(await buildWith(() => text), message);
    },
    30_000,
  );

  it('a 60 MB file is refused without being read, naming the limit', async () => {
    const project = await tempProject();
    const file = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    const handle = await open(file, 'w');
    await handle.truncate(60 * 1024 * 1024);
    await handle.close();
    const before = await listFiles(project);
    const result = await runCli(['build'], { cwd: project });
    expectCleanRefusal(
      { code: result.code, stderr: result.stderr, before, after: await listFiles(project) },
      new RegExp(
        `data/profiles/luo-fuli\\.yaml {2}\\(file\\) {2}the file is 60 MiB; the limit is ${limits.fileBytes / 1024 / 1024} MiB`,
      ),
    );
  }, 30_000);

  it('a report spec that gives the template folder as a mapping', async () => {
    const project = await tempProject();
    const spec = path.join(project, 'data', 'report.yaml');
    await writeFile(
      spec,
      (await readFile(spec, 'utf8')).replace('output:', 'templates: { partials: ../../etc }\noutput:'),
    );
    const before = await listFiles(project);
    const result = await runCli(['build'], { cwd: project });
    expectCleanRefusal(
      { code: result.code, stderr: result.stderr, before, after: await listFiles(project) },
      /data\/report\.yaml:\d+:\d+ {2}templates {2}expected text, found a mapping/,
    );
  });

  it('a device file given as a profile is refused before reading', async () => {
    const project = await tempProject();
    const result = await runCli(['build', '/dev/zero', 'data/profiles/zeng-yan.yaml'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/dev/zero  (file)  this is a device or other special file, not a regular file');
  });
});
