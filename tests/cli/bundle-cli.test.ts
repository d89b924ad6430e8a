import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/**
 * bin/profile-report.js runs the command line from the bundle `npm run build` makes
 * (scripts/bundle-cli.mjs), with V8's code cache beside it (src/cli/load-cli.ts). Which modules
 * a run loads is logged by a preload (tests/helpers/module-log.mjs).
 */
describe('the compiled CLI starts from its bundle', () => {
  it('loads no module of the program but the loader, keeps its compiled code, and writes the page the modules write', async () => {
    const project = await tempProject();
    const log = path.join(project, 'modules.log');
    await writeFile(log, '');
    const preload = pathToFileURL(path.join(repoRoot, 'tests', 'helpers', 'module-log.mjs')).href;
    const bundled = await runCli(['build', '--format', 'html', '--out', 'bundled', '--quiet'], {
      cwd: project,
      env: { NODE_OPTIONS: `--import ${preload}`, MODULE_LOG: log },
    });
    expect(bundled.code, bundled.stderr).toBe(0);
    const modules = (await readFile(log, 'utf8')).split('\n').filter((line) => line.includes('/dist/'));
    expect(modules.some((m) => m.endsWith('/dist/cli/load-cli.js'))).toBe(true);
    // The bundle is run as a script: the modules it holds are never loaded one by one.
    expect(modules.filter((m) => /\/dist\/(cli\/main|pipeline|build-report)\.js$/.test(m))).toEqual([]);

    const { sha256 } = JSON.parse(await readFile(path.join(repoRoot, 'dist', 'cli', 'main.bundle.json'), 'utf8')) as {
      sha256: string;
    };
    expect(existsSync(path.join(repoRoot, 'dist', 'cli', `main.bundle.${sha256.slice(0, 16)}.v8`))).toBe(true);

    const unbundled = await runCli(['build', '--format', 'html', '--out', 'modules', '--quiet'], {
      cwd: project,
      entry: path.join(repoRoot, 'tests', 'helpers', 'unbundled-cli.mjs'),
    });
    expect(unbundled.code, unbundled.stderr).toBe(0);
    const page = (out: string): Promise<string> => readFile(path.join(project, out, 'report.html'), 'utf8');
    expect(await page('bundled')).toBe(await page('modules'));
  }, 60_000);
});
