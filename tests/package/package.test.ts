import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failedCommand } from '../helpers/failed-command.js';
import { repoRoot } from '../helpers/paths.js';
import { readPdf } from '../helpers/read-pdf.js';
import { readmeBlocks } from '../helpers/readme-blocks.js';

const run = promisify(execFile);
const sh = (script: string, cwd: string, env: NodeJS.ProcessEnv = {}) =>
  run('sh', ['-e', '-c', script], {
    cwd,
    env: { ...process.env, npm_config_update_notifier: 'false', ...env },
    maxBuffer: 64 * 1024 * 1024,
  });

/**
 * The package as a user gets it: packed from a copy of the repository (its prepack script makes
 * a clean dist/), installed from the tarball into an empty project with no repository around,
 * then the README's install steps, `validate`, the README's library example and a TypeScript
 * consumer. npm resolves the dependencies from its cache (they are the repository's own).
 *
 * One liberty, for time: the install skips install scripts and copies the `canvas` binary that
 * the repository's set-up compiled, instead of compiling it again (about a minute of a busy
 * machine, and exactly what `npm install` does on a machine like this one).
 */
describe('the packed package, installed outside the repository', () => {
  let work: string;
  let tarball: string;
  let files: string[];
  let project: string;

  beforeAll(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), 'profile-report-package-'));
    const clone = path.join(work, 'repository');
    const { stdout } = await run('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    });
    for (const file of stdout
      .split('\0')
      .filter((f) => f && f !== 'node_modules' && !f.startsWith('out/') && existsSync(path.join(repoRoot, f)))) {
      await mkdir(path.dirname(path.join(clone, file)), { recursive: true });
      await cp(path.join(repoRoot, file), path.join(clone, file));
    }
    // The copy shares this repository's packages through a link, so its set-up must find them
    // current: were it to run `npm ci`, it would empty this repository's node_modules through the link.
    const stamp = await readFile(path.join(repoRoot, 'node_modules', '.setup-stamp'), 'utf8').catch(() => '');
    const lock = createHash('sha256')
      .update(await readFile(path.join(repoRoot, 'package-lock.json')))
      .digest('hex');
    if (stamp.trim() !== `${process.version} ${lock}`)
      throw new Error(
        'node_modules is not what package-lock.json asks for: run `sh scripts/setup.sh test` (or `npm test`) first',
      );
    await symlink(path.join(repoRoot, 'node_modules'), path.join(clone, 'node_modules'));
    // The contributors' Quick start, as the README gives it (`npm test` is this suite itself).
    const quickStart = readmeBlocks().find((b) => b.kind === 'clone')!;
    for (const line of quickStart.code
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim())
      .filter((l) => l && l !== 'npm test'))
      await sh(line, clone);
    expect((await readFile(path.join(clone, 'out', 'report.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    const packed = await sh(`npm pack --json --pack-destination ${JSON.stringify(work)}`, clone);
    const info = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('['))) as {
      filename: string;
      files: { path: string }[];
    }[];
    tarball = path.join(work, info[0]!.filename);
    files = info[0]!.files.map((f) => f.path);

    project = path.join(work, 'my-report');
  }, 900_000);

  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('ships LICENSE, the README, its pictures and examples, and no dangling source maps', async () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'package.json',
        'docs/sample-pages.png',
        'examples/restyle/extra.css',
        'data/profile.schema.json',
        'data/profiles/zeng-yan.yaml',
        // The built-in templates, precompiled by prepack (scripts/precompile-templates.ts).
        'dist/render/built-in-templates.precompiled.js',
        // The built-in message catalogues, compiled by prepack (scripts/compile-catalogues.mjs).
        'dist/i18n/catalogues/en.json',
        'dist/i18n/catalogues/zh-CN.json',
      ]),
    );
    expect(
      files.filter((f) => /^(src|tests|bench|scripts)\//.test(f) || f.endsWith('.tsbuildinfo') || f.endsWith('.stamp')),
    ).toEqual([]);
    const extract = path.join(work, 'extracted');
    await mkdir(extract);
    await run('tar', ['-xzf', tarball, '-C', extract]);
    const maps = files.filter((f) => f.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(10);
    for (const map of maps) {
      const json = JSON.parse(await readFile(path.join(extract, 'package', map), 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      expect(json.sourcesContent?.length, map).toBe(json.sources.length);
      expect(
        json.sourcesContent!.every((s) => typeof s === 'string' && s.length > 0),
        map,
      ).toBe(true);
    }
    for (const js of files.filter((f) => f.endsWith('.js') && f.startsWith('dist/'))) {
      const named = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(
        await readFile(path.join(extract, 'package', js), 'utf8'),
      )?.[1];
      if (named) expect(files, js).toContain(path.posix.join(path.posix.dirname(js), named));
    }
    const license = await readFile(path.join(extract, 'package', 'LICENSE'), 'utf8');
    expect(license).toMatch(/^MIT License/);
    expect(JSON.parse(await readFile(path.join(extract, 'package', 'package.json'), 'utf8'))).toMatchObject({
      license: 'MIT',
    });
  }, 120_000);

  it('installs into an empty project, and the README steps give a report', async () => {
    const steps = readmeBlocks().find((b) => b.kind === 'package')!;
    await mkdir(work, { recursive: true });
    let cwd = work;
    for (const raw of steps.code
      .split('\n')
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter(Boolean)) {
      const install = /^apt-get install -y (.*)$/.exec(raw);
      if (install) {
        // Installed by the repository's set-up already; dpkg says so without the network.
        await sh(`dpkg -s ${install[1]} > /dev/null`, cwd);
        continue;
      }
      if (raw.startsWith('mkdir ')) {
        const [mkdirPart, cdPart] = raw.split('&&').map((s) => s.trim());
        await sh(mkdirPart!, cwd);
        cwd = path.join(cwd, cdPart!.replace(/^cd /, ''));
        continue;
      }
      if (raw === 'npm install profile-report') {
        await sh(`npm install --prefer-offline --no-audit --no-fund --ignore-scripts ${JSON.stringify(tarball)}`, cwd);
        const canvas = path.join(cwd, 'node_modules', 'canvas', 'build');
        await rm(canvas, { recursive: true, force: true });
        await cp(path.join(repoRoot, 'node_modules', 'canvas', 'build'), canvas, { recursive: true });
        continue;
      }
      await sh(raw, cwd);
    }
    expect(cwd).toBe(project);
    expect(await readdir(path.join(project, 'data', 'profiles'))).toEqual(['alex-example.yaml', 'sam-example.yaml']);
    const pdf = await readPdf(path.join(project, 'out', 'report.pdf'));
    expect(pdf.text).toContain('Alex Example');
    expect(pdf.text).toContain('Sam Example');
    const validate = await sh('npx profile-report validate', project);
    expect(validate.stderr).toContain('3 files checked: no problems.');
    const first = (await readFile(path.join(project, 'data', 'profiles', 'alex-example.yaml'), 'utf8')).split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../profile.schema.json');
  }, 900_000);

  it("runs the README's library example and compiles a TypeScript consumer with default options", async () => {
    await sh(
      'npm install --prefer-offline --no-audit --no-fund --ignore-scripts typescript@5.9.3 @types/node@20.19.43',
      project,
    );
    const library = readmeBlocks().find((b) => b.kind === 'library')!;
    await writeFile(path.join(project, 'example.mts'), library.code);
    await writeFile(
      path.join(project, 'consumer.mts'),
      `import { pickText, profileSchema, validateProfiles } from 'profile-report';\nimport type { BuildReportResult, LocalisedText, Problem, Profile } from 'profile-report';\n` +
        `const text: LocalisedText = { en: 'Head', 'zh-CN': '负责人' };\nconst picked: string = pickText(text, 'zh-CN', 'en').text;\n` +
        `const parsed = profileSchema.safeParse({});\nconst problems: readonly Problem[] = (await validateProfiles([])).problems;\n` +
        `export const seen: [string, boolean, number, BuildReportResult | undefined, Profile | undefined] = [picked, parsed.success, problems.length, undefined, undefined];\n`,
    );
    // TypeScript 5's `tsc --init`, with skipLibCheck off so that every typing we reach is checked.
    await sh('npx tsc --init > /dev/null', project);
    const config = (await readFile(path.join(project, 'tsconfig.json'), 'utf8'))
      .replace(/"skipLibCheck": true/, '"skipLibCheck": false')
      .replace(/"types": \[\]/, '"types": ["node"]');
    expect(config).toContain('"skipLibCheck": false');
    await writeFile(path.join(project, 'tsconfig.json'), config);
    const compiled = await sh(
      'npx tsc -p tsconfig.json --outDir built --declaration false --declarationMap false --sourceMap false',
      project,
    ).catch((error: unknown) => {
      throw new Error(`tsc failed:\n${failedCommand(error).stdout}`);
    });
    expect(compiled.stdout).toBe('');
    const ran = await sh('node built/example.mjs', project);
    expect(ran.stdout).toMatch(
      /^HTML \d+ characters, PDF \d+ bytes, \d+ charts, \d+ warnings\nPDF from memory: \d+ bytes\nvalid\n$/,
    );
  }, 900_000);
});
