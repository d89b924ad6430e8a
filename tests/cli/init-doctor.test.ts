import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { starterProfile } from '../../src/init/starter-profile.js';
import { validateProfiles } from '../../src/validate/validate-files.js';
import { readPdf } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

describe('profile-report init', () => {
  it('writes a starter profile that validates as written, shows every section, and builds', async () => {
    const project = await tempProject();
    const result = await runCli(['init', 'Ada Lovelace'], { cwd: project });
    expect(result.code).toBe(0);
    const file = path.join(project, 'data', 'profiles', 'ada-lovelace.yaml');
    const text = await readFile(file, 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../profile.schema.json');
    for (const section of ['person:', 'education:', 'career:', 'papers:', 'models:', 'balance:', 'sources:']) expect(text).toContain(`\n${section}`);
    expect(await validateProfiles([file], { cwd: project })).toMatchObject({ ok: true, problems: [] });
    const build = await runCli(['build', 'data/profiles/zeng-yan.yaml', 'data/profiles/ada-lovelace.yaml', '--format', 'pdf', '--quiet'], { cwd: project });
    expect(build.code, build.stderr).toBe(0);
    expect((await readPdf(path.join(project, 'out', 'zeng-yan-ada-lovelace.pdf'))).text).toContain('Ada Lovelace');
  }, 60_000);

  it('refuses to overwrite an existing file', async () => {
    const project = await tempProject();
    const file = path.join(project, 'data', 'profiles', 'zeng-yan.yaml');
    const before = await readFile(file, 'utf8');
    const result = await runCli(['init', 'Zeng Yan'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: data/profiles/zeng-yan.yaml already exists; init never overwrites a profile (choose another name or --dir)\n');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('keeps any name safe in YAML, and points at the package schema outside a project', async () => {
    const project = await tempProject({ withSample: false });
    const result = await runCli(['init', 'O\'Brien: "Jo" 曾', '--dir', 'people'], { cwd: project });
    expect(result.code).toBe(0);
    expect(await listFiles(project)).toEqual(['people/o-brien-jo.yaml']);
    const text = await readFile(path.join(project, 'people', 'o-brien-jo.yaml'), 'utf8');
    expect(text).toContain('name: "O\'Brien: \\"Jo\\" 曾"');
    expect(text.split('\n')[0]).toMatch(/\$schema=.*data\/profile\.schema\.json$/);
    expect((await validateProfiles([path.join(project, 'people', 'o-brien-jo.yaml')])).ok).toBe(true);
  });

  it('the starter is valid whatever the name', async () => {
    const project = await tempProject({ withSample: false });
    for (const name of ['A', 'Zoë Çelik', '曾妍', 'name: with colon', '#hash', "it's"]) {
      await writeFile(path.join(project, 'p.yaml'), starterProfile(name, 'x.json'));
      expect((await validateProfiles([path.join(project, 'p.yaml')])).problems, name).toEqual([]);
    }
  });
});

describe('profile-report doctor', () => {
  it('passes on this machine: every check ok, exit 0', async () => {
    const project = await tempProject();
    const result = await runCli(['doctor'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    for (const check of ['Node.js', 'Chromium', 'CJK font', 'canvas (charts)', 'output folder']) expect(result.stderr).toMatch(new RegExp(`^ok {4}${check.replace(/[()]/g, '\\$&')}: `, 'm'));
    expect(result.stderr).toContain('all checks passed.');
  }, 30_000);

  it('names the fix for each failure and exits 1', async () => {
    const project = await tempProject();
    const result = await runCli(['doctor', '--out', '/proc/not-here'], { cwd: project, env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chrome' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('FAIL  Chromium: PUPPETEER_EXECUTABLE_PATH is /nonexistent/chrome, which is not an executable file\n      fix: apt-get install chromium');
    expect(result.stderr).toMatch(/FAIL {2}output folder: \/proc\/not-here is not writable \(\w+\)\n {6}fix: /);
    expect(result.stderr).toContain('2 of 5 checks failed.');
  }, 30_000);
});
