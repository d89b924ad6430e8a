import { readFile, rm, writeFile } from 'node:fs/promises';
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
    const logFile = path.join(project, 'modules.log');
    await writeFile(logFile, '');
    // Whatever cache an earlier run left goes, so that this run must write one.
    await rm(path.join(repoRoot, 'dist', 'cli', 'main.bundle.v8'), { force: true });
    const preload = pathToFileURL(path.join(repoRoot, 'tests', 'helpers', 'module-log.mjs')).href;
    const bundled = await runCli(['build', '--format', 'html', '--out', 'bundled', '--quiet'], {
      cwd: project,
      env: { NODE_OPTIONS: `--import ${preload}`, MODULE_LOG: logFile },
    });
    expect(bundled.code, bundled.stderr).toBe(0);
    const log = await readFile(logFile, 'utf8');
    const modules = log.split('\n').filter((line) => line.includes('/dist/'));
    expect(modules.some((m) => m.endsWith('/dist/cli/load-cli.js'))).toBe(true);
    // The bundle is run as a script: the modules it holds are never loaded one by one.
    expect(modules.filter((m) => /\/dist\/(cli\/main|pipeline|build-report)\.js$/.test(m))).toEqual([]);

    // A build keeps the code it compiled, for this bundle. (Whether that run printed is not
    // checked here: other tests' builds may write the cache meanwhile; see load-cli.test.ts.)
    const cache = await readFile(path.join(repoRoot, 'dist', 'cli', 'main.bundle.v8'), 'latin1');
    const { sha256 } = JSON.parse(await readFile(path.join(repoRoot, 'dist', 'cli', 'main.bundle.json'), 'utf8')) as {
      sha256: string;
    };
    const header = JSON.parse(cache.slice(0, cache.indexOf('\n'))) as { bundle: string };
    expect(header.bundle.startsWith(`${sha256} `)).toBe(true);
    // The built-in templates render from their precompiled module, with no worker thread.
    expect(log).toContain('/dist/render/built-in-templates.precompiled.js');
    expect(log).not.toContain('worker thread started');

    const unbundled = await runCli(['build', '--format', 'html', '--out', 'modules', '--quiet'], {
      cwd: project,
      entry: path.join(repoRoot, 'tests', 'helpers', 'unbundled-cli.mjs'),
    });
    expect(unbundled.code, unbundled.stderr).toBe(0);
    const page = (out: string): Promise<string> => readFile(path.join(project, out, 'report.html'), 'utf8');
    expect(await page('bundled')).toBe(await page('modules'));
  }, 60_000);
});
