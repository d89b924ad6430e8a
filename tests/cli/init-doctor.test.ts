import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { starterProfile } from '../../src/init/starter-profile.js';
import { validateProfiles } from '../../src/validate/validate-files.js';
import { readPdf } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { repoRoot } from '../helpers/paths.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

describe('profile-report init', () => {
  it('writes a starter profile that validates as written, shows every section, and builds', async () => {
    const project = await tempProject();
    const result = await runCli(['init', 'Ada Lovelace'], { cwd: project });
    expect(result.code).toBe(0);
    const file = path.join(project, 'data', 'profiles', 'ada-lovelace.yaml');
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../profile.schema.json');
    for (const section of ['person:', 'education:', 'career:', 'papers:', 'models:', 'balance:', 'sources:'])
      expect(text).toContain(`\n${section}`);
    expect(await validateProfiles([file], { cwd: project })).toMatchObject({ ok: true, problems: [] });
    const build = await runCli(
      ['build', 'data/profiles/zeng-yan.yaml', 'data/profiles/ada-lovelace.yaml', '--format', 'pdf', '--quiet'],
      { cwd: project },
    );
    expect(build.code, build.stderr).toBe(0);
    expect((await readPdf(path.join(project, 'out', 'zeng-yan-ada-lovelace.pdf'))).text).toContain('Ada Lovelace');
  }, 180_000);

  it('refuses to overwrite an existing file', async () => {
    const project = await tempProject();
    const file = path.join(project, 'data', 'profiles', 'zeng-yan.yaml');
    const before = await readFile(file, 'utf8');
    const result = await runCli(['init', 'Zeng Yan'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'error: data/profiles/zeng-yan.yaml already exists; init never overwrites a profile (choose another name or --dir)\n',
    );
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('keeps any name safe in YAML and, outside a project, puts a copy of the schema beside the profile', async () => {
    const project = await tempProject({ withSample: false });
    const result = await runCli(['init', 'O\'Brien: "Jo" 曾', '--dir', 'people'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(await listFiles(project)).toEqual(['people/o-brien-jo-曾.yaml', 'people/profile.schema.json']);
    const text = await readFile(path.join(project, 'people', 'o-brien-jo-曾.yaml'), 'utf8');
    expect(text).toContain('name: "O\'Brien: \\"Jo\\" 曾"');
    // Relative, never into the package's install folder: it survives sharing the folder.
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./profile.schema.json');
    expect((await validateProfiles([path.join(project, 'people', 'o-brien-jo-曾.yaml')])).ok).toBe(true);
  });

  it('gives people whose names are in other scripts their own files', async () => {
    const project = await tempProject({ withSample: false });
    await mkdir(path.join(project, 'data', 'profiles'), { recursive: true });
    for (const name of ['曾妍', '罗福莉', '김민수', 'محمد علي', 'Иван Петров', 'Zoë Çelik', 'अनीता देसाई', '🙂']) {
      const result = await runCli(['init', name], { cwd: project });
      expect(result.code, `${name}: ${result.stderr}`).toBe(0);
    }
    expect(await listFiles(path.join(project, 'data', 'profiles'))).toEqual(
      [
        'profile.schema.json',
        '曾妍.yaml',
        '罗福莉.yaml',
        '김민수.yaml',
        'محمد-علي.yaml',
        'иван-петров.yaml',
        'zoe-celik.yaml',
        'अनीता-देसाई.yaml',
        'person.yaml',
      ].sort(),
    );
  }, 120_000);

  it('the starter is valid whatever the name', async () => {
    const project = await tempProject({ withSample: false });
    for (const name of ['A', 'Zoë Çelik', '曾妍', 'name: with colon', '#hash', "it's"]) {
      await writeFile(path.join(project, 'p.yaml'), starterProfile(name, 'x.json'));
      expect((await validateProfiles([path.join(project, 'p.yaml')])).problems, name).toEqual([]);
    }
  });
});

describe('profile-report init, with no name: a whole project', () => {
  it('scaffolds an empty folder: spec, two profiles, the schemas, all valid, relative links that survive a move', async () => {
    const parent = await tempProject({ withSample: false });
    const project = path.join(parent, 'study');
    await mkdir(project);
    const result = await runCli(['init'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('next: profile-report build');
    const files = await listFiles(project);
    expect(files).toEqual([
      'data/profile.schema.json',
      'data/profiles/alex-example.yaml',
      'data/profiles/sam-example.yaml',
      'data/report.schema.json',
      'data/report.yaml',
    ]);
    // Move the folder: every $schema line still leads to a file that exists.
    const moved = path.join(parent, 'moved');
    await rename(project, moved);
    for (const file of files.filter((f) => f.endsWith('.yaml'))) {
      const first = (await readFile(path.join(moved, file), 'utf8')).split('\n')[0]!;
      const target = /^# yaml-language-server: \$schema=(\.{1,2}\/[\w./-]+)$/.exec(first)?.[1];
      expect(target, file).toBeDefined();
      expect(existsSync(path.resolve(path.dirname(path.join(moved, file)), target!)), file).toBe(true);
    }
    expect(await readFile(path.join(moved, 'data', 'profile.schema.json'), 'utf8')).toBe(
      await readFile(path.join(repoRoot, 'data', 'profile.schema.json'), 'utf8'),
    );
    const validate = await runCli(['validate'], { cwd: moved });
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stderr).toContain('3 files checked: no problems.');
    const build = await runCli(['build', '--format', 'html', '--quiet'], { cwd: moved });
    expect(build.code, build.stderr).toBe(0);
    expect(await readFile(path.join(moved, 'out', 'report.html'), 'utf8')).toContain('Sam Example');
  }, 120_000);

  it('refuses in a project, and where any file it would write exists; writes nothing then', async () => {
    const project = await tempProject();
    const before = await listFiles(project);
    const again = await runCli(['init'], { cwd: project });
    expect(again.code).toBe(1);
    expect(again.stderr).toBe(
      'error: data/report.yaml already exists, so this is a project already; add a person with: profile-report init "Their Name"\n',
    );
    expect(await listFiles(project)).toEqual(before);

    const partial = await tempProject({ withSample: false });
    await mkdir(path.join(partial, 'data', 'profiles'), { recursive: true });
    await writeFile(path.join(partial, 'data', 'profiles', 'alex-example.yaml'), 'mine\n');
    const clash = await runCli(['init'], { cwd: partial });
    expect(clash.code).toBe(1);
    expect(clash.stderr).toBe(
      'error: init never overwrites, and these exist: data/profiles/alex-example.yaml; run it in an empty folder (or --dir NEW-FOLDER)\n',
    );
    expect(await listFiles(partial)).toEqual(['data/profiles/alex-example.yaml']);
    expect(await readFile(path.join(partial, 'data', 'profiles', 'alex-example.yaml'), 'utf8')).toBe('mine\n');
  }, 180_000);
});

describe('commands with no file, outside a project', () => {
  for (const command of ['build', 'validate']) {
    it(`${command} says what to do, before any Chromium note, and writes nothing`, async () => {
      const empty = await tempProject({ withSample: false });
      const result = await runCli([command], { cwd: empty });
      expect(result.code).toBe(1);
      expect(result.stderr).toBe(
        'error: there is no data/report.yaml here, so this is not a profile-report project. Start one with `profile-report init` (a report spec and two starter profiles), or name the profiles to compare, for example: profile-report build alice.yaml bob.yaml\n',
      );
      expect(await listFiles(empty)).toEqual([]);
    }, 180_000);
  }

  it('watch says the same and stops', async () => {
    const empty = await tempProject({ withSample: false });
    const result = await runCli(['watch'], { cwd: empty });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: there is no data\/report\.yaml here/);
    expect(result.stderr).not.toContain('note:');
    expect(await listFiles(empty)).toEqual([]);
  }, 180_000);

  it('an input error comes before the note that Chromium runs without its sandbox', async () => {
    const project = await tempProject();
    await writeFile(path.join(project, 'data', 'profiles', 'zeng-yan.yaml'), 'person: 42\n');
    const result = await runCli(['build'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).not.toContain('note: running as root');
    expect(result.stderr).toMatch(/^data\/profiles\/zeng-yan\.yaml:1:9 {2}person/m);
  }, 180_000);
});

describe('profile-report doctor', () => {
  it('passes on this machine: every check ok, exit 0', async () => {
    const project = await tempProject();
    const result = await runCli(['doctor'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    for (const check of ['Node.js', 'Chromium', 'fonts', 'canvas (charts)', 'output folder'])
      expect(result.stderr).toMatch(new RegExp(`^ok {4}${check.replace(/[()]/g, '\\$&')}: `, 'm'));
    expect(result.stderr).toContain('all checks passed.');
  }, 120_000);

  it('changes nothing: no output folder is created, no file is left', async () => {
    const project = await tempProject();
    const before = await listFiles(project);
    const result = await runCli(['doctor'], { cwd: project });
    expect(result.stderr).toMatch(
      /ok {4}output folder: out is writable \(it does not exist yet; a build creates it in /,
    );
    expect(await listFiles(project)).toEqual(before);
    expect(existsSync(path.join(project, 'out'))).toBe(false);
    const nested = await runCli(['doctor', '--out', 'a/b/c'], { cwd: project });
    expect(nested.stderr).toMatch(/ok {4}output folder: a\/b\/c is writable/);
    expect(existsSync(path.join(project, 'a'))).toBe(false);
  }, 180_000);

  it('says when Chromium named by PUPPETEER_EXECUTABLE_PATH does not start, and blames the variable', async () => {
    const project = await tempProject();
    const fake = path.join(project, 'not-a-browser.sh');
    await writeFile(fake, '#!/bin/sh\nexit 1\n', { mode: 0o755 });
    const result = await runCli(['doctor'], { cwd: project, env: { PUPPETEER_EXECUTABLE_PATH: fake } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /FAIL {2}Chromium: .*not-a-browser\.sh does not start: .*\n {6}fix: PUPPETEER_EXECUTABLE_PATH is wrong/,
    );
  }, 180_000);

  it('names the fix for each failure and exits 1', async () => {
    const project = await tempProject();
    const result = await runCli(['doctor', '--out', '/proc/not-here'], {
      cwd: project,
      env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' },
    });
    expect(result.code).toBe(1);
    // The variable is what is wrong: installing Chromium would not help, as it alone is used.
    expect(result.stderr).toContain(
      'FAIL  Chromium: PUPPETEER_EXECUTABLE_PATH is /nonexistent/chrome, which is not an executable file\n      fix: PUPPETEER_EXECUTABLE_PATH is wrong: point it at a Chrome or Chromium binary',
    );
    expect(result.stderr).not.toContain('apt-get install chromium');
    expect(result.stderr).toMatch(
      /FAIL {2}output folder: \/proc\/not-here does not exist, and \/proc, where a build would create it, is not writable \(\w+\)\n {6}fix: chmod u\+w \/proc/,
    );
    expect(result.stderr).toContain('2 of 5 checks failed.');
  }, 120_000);
});
