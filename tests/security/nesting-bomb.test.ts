import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { limits } from '../../src/limits.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/**
 * A profile nested thousands of levels deep used to kill Node ("JavaScript heap out of memory"
 * in a regular-expression compile, exit 134, a native stack) when it was the first YAML the
 * process read: the composer's recursion exhausted the stack while V8 compiled a regex.
 */
const tooDeep = new RegExp(
  `^bomb\\.yaml:1:\\d+ {2}\\(file\\) {2}values are nested more than ${limits.depth} levels deep; a profile needs far fewer$`,
);

const bombs: readonly (readonly [string, () => string])[] = [
  ['20,000 [ ]', () => `x: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`],
  ['200,000 [ ]', () => `x: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`],
  ['200,000 { }', () => `x: ${'{a: '.repeat(200_000)}1${'}'.repeat(200_000)}\n`],
  ['200,000 unclosed [', () => `x: ${'['.repeat(200_000)}\n`],
  ['200,000 block lists on one line', () => `${'- '.repeat(200_000)}1\n`],
  ['200,000 anchored lists', () => `x: ${'&a ['.repeat(200_000)}${']'.repeat(200_000)}\n`],
];

describe('a nesting bomb is one clean error, whatever its depth: exit 1, no crash, nothing written', () => {
  for (const command of ['validate', 'build'] as const) {
    it.each(bombs)(
      `${command}: %s as the only profile named`,
      async (_, make) => {
        const project = await tempProject({ withSample: false });
        await writeFile(path.join(project, 'bomb.yaml'), make());
        const before = await listFiles(project);
        const result = await runCli([command, 'bomb.yaml'], { cwd: project });
        expect(result.signal, result.stderr.slice(0, 2000)).toBeNull();
        expect(result.code, result.stderr.slice(0, 2000)).toBe(1);
        const lines = result.stderr.trimEnd().split('\n');
        // One line for the problem, one for the count.
        expect(lines, result.stderr.slice(0, 2000)).toHaveLength(2);
        expect(lines[0]).toMatch(tooDeep);
        expect(result.stdout).toBe('');
        expect(await listFiles(project)).toEqual(before);
      },
      30_000,
    );
  }

  it('build: a 200,000-deep profile named by the report spec', async () => {
    const project = await tempProject();
    const file = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    await writeFile(file, `${await readFile(file, 'utf8')}x: ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`);
    const before = await listFiles(project);
    const result = await runCli(['build'], { cwd: project });
    expect(result.code, result.stderr.slice(0, 2000)).toBe(1);
    expect(result.stderr).toMatch(
      new RegExp(
        `^data/profiles/luo-fuli\\.yaml:\\d+:\\d+ {2}\\(file\\) {2}values are nested more than ${limits.depth} levels deep`,
      ),
    );
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
    expect(await listFiles(project)).toEqual(before);
  }, 30_000);

  it.each([
    ['a 1 MiB line of [', () => `x: ${'['.repeat(limits.fileBytes - 8)}\n`, new RegExp(tooDeep.source, 'm')],
    [
      'a 1 MiB line of text',
      () => `x: "${'a'.repeat(limits.fileBytes - 8)}"\n`,
      /^bomb\.yaml:1:1 {2}x {2}unknown field `x`/m,
    ],
  ] as const)(
    'validate: %s is judged, not a crash',
    async (_, make, message) => {
      const project = await tempProject({ withSample: false });
      await writeFile(path.join(project, 'bomb.yaml'), make());
      const result = await runCli(['validate', 'bomb.yaml'], { cwd: project });
      expect(result.signal).toBeNull();
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at [\w.<]/);
    },
    30_000,
  );

  it('nesting just past the limit is refused by the walk, which names the path, not by the bomb check', async () => {
    const project = await tempProject({ withSample: false });
    // A list of mappings, the shape the parser's stack counts twice: x, then depth/2 pairs of list and mapping.
    const pairs = (n: number): string =>
      `x:\n${Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- k:`).join('\n')} 1\n`;
    await writeFile(path.join(project, 'ok.yaml'), pairs(limits.depth / 2 - 1));
    await writeFile(path.join(project, 'deep.yaml'), pairs(limits.depth / 2));
    const ok = await runCli(['validate', 'ok.yaml'], { cwd: project });
    expect(ok.stderr).not.toMatch(/nested more than/);
    expect(ok.stderr).toMatch(/^ok\.yaml:1:1 {2}x {2}unknown field `x`/m);
    const deep = await runCli(['validate', 'deep.yaml'], { cwd: project });
    expect(deep.code).toBe(1);
    expect(deep.stderr).toMatch(
      new RegExp(
        `^deep\\.yaml:\\d+:\\d+ {2}x${'\\[0\\]\\.k'.repeat(limits.depth / 2)} {2}values are nested more than ${limits.depth} levels deep`,
        'm',
      ),
    );
  }, 30_000);
});
