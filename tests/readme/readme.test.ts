import { chmod, cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { cliPath, repoRoot } from '../helpers/paths.js';
import { indentedCode, readmeBlocks } from '../helpers/readme-blocks.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/**
 * Every code block of the README runs somewhere, so an example can never rot: here the ones
 * that need the repository, in tests/package/ the ones for package users (which need the
 * packed package). Each block says which by a comment on the line above it.
 */
const blocks = readmeBlocks();
const runHere = new Set(['synopsis', 'profile', 'spec', 'repository']);
const runInPackageTest = new Set(['package', 'clone', 'library']);

describe('the README', () => {
  it('marks every code block with how it is tested, and has no unmarked indented code', () => {
    for (const block of blocks) {
      expect([...runHere, ...runInPackageTest, 'skip'], `README.md:${block.line} (${block.kind})`).toContain(
        block.kind,
      );
      if (block.kind === 'skip')
        expect(block.note, `README.md:${block.line}: a skipped block says why`).toMatch(/^\(.{10,}\)$/);
    }
    expect(indentedCode()).toEqual([]);
    for (const kind of ['package', 'clone', 'library', 'profile', 'spec', 'synopsis'])
      expect(
        blocks.map((b) => b.kind),
        kind,
      ).toContain(kind);
  });

  it('names only commands and options that exist', async () => {
    for (const block of blocks.filter((b) => b.kind === 'synopsis')) {
      for (const line of block.code.trim().split('\n')) {
        const [, command, rest] = /^profile-report (\w+)\s+(.*)$/.exec(line) ?? [];
        expect(command, line).toBeDefined();
        const help = await runCli([command!, '--help'], { cwd: repoRoot });
        expect(help.code, line).toBe(0);
        for (const flag of rest!.match(/--[a-z-]+/g) ?? []) expect(help.stdout, `${line}: ${flag}`).toContain(flag);
      }
    }
  }, 180_000);

  it('shows a profile that validates as written', async () => {
    const project = await tempProject();
    for (const block of blocks.filter((b) => b.kind === 'profile')) {
      await writeFile(path.join(project, 'data', 'profiles', 'zeng-yan.yaml'), block.code);
      const result = await runCli(['validate', 'data/profiles/zeng-yan.yaml'], { cwd: project });
      expect(result.code, `README.md:${block.line}\n${result.stderr}`).toBe(0);
    }
  }, 180_000);

  it('shows a report spec that validates as written', async () => {
    const project = await tempProject();
    for (const block of blocks.filter((b) => b.kind === 'spec')) {
      await writeFile(path.join(project, 'data', 'report.yaml'), block.code);
      const result = await runCli(['validate', 'data/report.yaml'], { cwd: project });
      expect(result.code, `README.md:${block.line}\n${result.stderr}`).toBe(0);
    }
  }, 180_000);

  it('runs the shell examples that need the repository, with profile-report on the PATH', async () => {
    for (const block of blocks.filter((b) => b.kind === 'repository')) {
      const project = await tempProject();
      await cp(path.join(repoRoot, 'templates'), path.join(project, 'templates'), { recursive: true });
      const bin = path.join(project, '.bin');
      await mkdir(bin);
      await writeFile(path.join(bin, 'profile-report'), `#!/bin/sh\nexec "${process.execPath}" "${cliPath}" "$@"\n`);
      await chmod(path.join(bin, 'profile-report'), 0o755);
      execFileSync('sh', ['-e', '-c', block.code], {
        cwd: project,
        env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}` },
        stdio: 'pipe',
      });
      expect(
        (await readFile(path.join(project, 'out', 'report.pdf'))).subarray(0, 5).toString(),
        `README.md:${block.line}`,
      ).toBe('%PDF-');
    }
  }, 180_000);
});
