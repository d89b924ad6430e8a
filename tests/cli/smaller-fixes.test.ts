import { execFile } from 'node:child_process';
import { chmod, cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commandName, withCommandName } from '../../src/cli/command-name.js';
import { failedCommand } from '../helpers/failed-command.js';
import { cliPath, repoRoot } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

const run = promisify(execFile);

describe('output read by a program that stops early', () => {
  // Both outputs are larger than a pipe's buffer (64 KiB), so the early reader's exit is felt.
  it.each([
    ['schema | head', 'schema', 0],
    ['validate --json | head, on a profile with 3,000 problems', 'validate --json data/profiles/bad.yaml', 1],
  ])(
    '%s: no EPIPE stack, and the exit code the command would have had',
    async (_, args, code) => {
      const project = await tempProject();
      const typos = Array.from({ length: 3000 }, (_, i) => `typo${i}: 1`).join('\n');
      await writeFile(
        path.join(project, 'data', 'profiles', 'bad.yaml'),
        `${await readFile(path.join(project, 'data', 'profiles', 'zeng-yan.yaml'), 'utf8')}${typos}\n`,
      );
      const { stdout, stderr } = await run(
        'bash',
        [
          '-c',
          `"$0" "$1" ${args} | head -c 5; status=\${PIPESTATUS[0]}; echo; echo "exit=$status" >&2`,
          process.execPath,
          cliPath,
        ],
        { cwd: project },
      );
      expect(stdout.length).toBeGreaterThan(1);
      expect(stderr).toBe(`exit=${code}\n`);
    },
    30_000,
  );
});

describe('init --dir outside the project', () => {
  it('copies the schema beside the profile instead of pointing back into the project', async () => {
    const project = await tempProject();
    const outside = path.join(project, '..', `${path.basename(project)}-elsewhere`);
    try {
      const result = await runCli(['init', 'Ada Lovelace', '--dir', outside], { cwd: project });
      expect(result.code, result.stderr).toBe(0);
      expect(await listFiles(outside)).toEqual(['ada-lovelace.yaml', 'profile.schema.json']);
      expect((await readFile(path.join(outside, 'ada-lovelace.yaml'), 'utf8')).split('\n')[0]).toBe(
        '# yaml-language-server: $schema=./profile.schema.json',
      );
      // A spec names only profiles inside its project: the next step is a build of the file itself.
      expect(result.stderr).toContain(
        `then compare it with others: profile-report build ${path.relative(project, path.join(outside, 'ada-lovelace.yaml'))} OTHER.yaml.`,
      );
    } finally {
      await run('rm', ['-rf', outside]);
    }
  });

  it("inside the project it still points at the project's copy", async () => {
    const project = await tempProject();
    const result = await runCli(['init', 'Ada Lovelace', '--dir', 'data/people'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect((await readFile(path.join(project, 'data', 'people', 'ada-lovelace.yaml'), 'utf8')).split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../profile.schema.json',
    );
  });
});

describe('init with a name in another script', () => {
  it.each(['曾妍', 'Ρήγας Φεραίος', 'محمد علي'])('%s is not called Latin script', async (name) => {
    const project = await tempProject();
    const result = await runCli(['init', name], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const [file] = (await listFiles(path.join(project, 'data', 'profiles'))).filter(
      (f) => !['zeng-yan.yaml', 'luo-fuli.yaml'].includes(f),
    );
    const line = (await readFile(path.join(project, 'data', 'profiles', file!), 'utf8'))
      .split('\n')
      .find((l) => l.startsWith('  name: '))!;
    expect(line).toContain(JSON.stringify(name));
    expect(line).not.toMatch(/Latin script$/);
    expect(line).toMatch(
      /# as the report should show it; for readers of Latin script, put a romanised form here and this one in nativeName$/,
    );
  });

  it('a Latin name keeps the note that it is one', async () => {
    const project = await tempProject();
    await runCli(['init', 'Zoë Çelik'], { cwd: project });
    expect(await readFile(path.join(project, 'data', 'profiles', 'zoe-celik.yaml'), 'utf8')).toMatch(
      / {2}name: "Zoë Çelik" +# as the report should show it, in Latin script\n/,
    );
  });
});

describe('the command the messages suggest', () => {
  /**
   * The package as `npm install profile-report` lays it out in a project: its files under
   * node_modules/profile-report (copies, not links: the path is what is judged), with its
   * dependencies resolvable beside it.
   */
  async function localInstall(): Promise<{ project: string; bin: string }> {
    const project = await tempProject({ withSample: false });
    const pkg = path.join(project, 'node_modules', 'profile-report');
    await mkdir(pkg, { recursive: true });
    for (const part of ['bin', 'dist', 'templates', 'data', 'package.json'])
      await cp(path.join(repoRoot, part), path.join(pkg, part), { recursive: true });
    await symlink(path.join(repoRoot, 'node_modules'), path.join(pkg, 'node_modules'));
    await mkdir(path.join(project, 'node_modules', '.bin'));
    await symlink(
      '../profile-report/bin/profile-report.js',
      path.join(project, 'node_modules', '.bin', 'profile-report'),
    );
    await chmod(path.join(pkg, 'bin', 'profile-report.js'), 0o755);
    return { project, bin: path.join(pkg, 'bin', 'profile-report.js') };
  }

  it('from a local install (run as npx does, with node_modules/.bin on the PATH): npx profile-report, in messages and in the files init writes', async () => {
    const { project, bin } = await localInstall();
    const env = {
      ...process.env,
      PATH: `${path.join(project, 'node_modules', '.bin')}${path.delimiter}${process.env['PATH'] ?? ''}`,
    };
    const missing = await run(process.execPath, [bin, 'validate'], { cwd: project, env }).catch(failedCommand);
    expect(missing.stderr).toContain('Start one with `npx profile-report init`');
    expect(missing.stderr).toContain('for example: npx profile-report build alice.yaml bob.yaml');
    const init = await run(process.execPath, [bin, 'init'], { cwd: project, env });
    expect(init.stderr).toContain('next: npx profile-report build');
    expect(init.stderr).toContain('npx profile-report init "Their Name" adds one more');
    expect(await readFile(path.join(project, 'data', 'report.yaml'), 'utf8')).toContain(
      '# Build it with: npx profile-report build',
    );
    expect(await readFile(path.join(project, 'data', 'profiles', 'alex-example.yaml'), 'utf8')).toContain(
      'Check it with: npx profile-report validate <this file>',
    );
  }, 60_000);

  it('from a global install (on the PATH outside node_modules): the bare name', async () => {
    const { project, bin } = await localInstall();
    const global = path.join(project, 'global-bin');
    await mkdir(global);
    await symlink(bin, path.join(global, 'profile-report'));
    expect(commandName(bin, `${global}${path.delimiter}/usr/bin`)).toBe('profile-report');
    expect(commandName(bin, `${path.join(project, 'node_modules', '.bin')}${path.delimiter}/usr/bin`)).toBe(
      'npx profile-report',
    );
    // A checkout of the source is not an install: the bare name, as its own README uses it.
    expect(commandName(cliPath, '/usr/bin')).toBe('profile-report');
  });

  it('rewrites only suggested commands, once', () => {
    const text =
      'run `profile-report build`; then profile-report init "X"; npx profile-report doctor; profile-report-test-x; the profile-report profile; profile-report watch.';
    expect(withCommandName(text, 'npx profile-report')).toBe(
      'run `npx profile-report build`; then npx profile-report init "X"; npx profile-report doctor; profile-report-test-x; the profile-report profile; npx profile-report watch.',
    );
    expect(withCommandName(text, 'profile-report')).toBe(text);
  });
});

describe('the package', () => {
  it('ships every picture the README shows', async () => {
    const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: repoRoot });
    const files = (JSON.parse(stdout) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);
    const readme = await readFile(path.join(repoRoot, 'README.md'), 'utf8');
    const pictures = [...new Set(readme.match(/docs\/[\w.-]+\.png/g) ?? [])];
    expect(pictures).toContain('docs/sample-zh-CN-page.png');
    for (const picture of pictures) expect(files, picture).toContain(picture);
  }, 60_000);
});
