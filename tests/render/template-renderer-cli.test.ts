import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { precompiledTemplatesModule } from '../../src/render/compile-templates.js';
import { builtInTemplatesDir, readTemplateSet } from '../../src/render/template-set.js';
import { repoRoot } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/**
 * Through the compiled CLI (`npm run build`): the built-in templates render from the module
 * precompiled beside it, without the Handlebars compiler or a worker thread; a stale module is
 * passed over for the templates compiled in process, which give the same page; a template
 * folder's templates still render in the worker. Every module the CLI loads is logged by a
 * preload (tests/helpers/module-log.mjs), so the CLI runs from its modules, not its bundle.
 */
const precompiled = path.join(repoRoot, 'dist', 'render', 'built-in-templates.precompiled.js');
const compiler = '/node_modules/handlebars/lib/index.js';
const runtime = '/node_modules/handlebars/runtime.js';

interface Build {
  readonly html: string;
  /** Module URLs and events, one a line. */
  readonly log: readonly string[];
}

async function build(project: string, name: string, extra: { args?: string[]; stale?: boolean } = {}): Promise<Build> {
  const log = path.join(project, `${name}.log`);
  await writeFile(log, '');
  const preload = pathToFileURL(path.join(repoRoot, 'tests', 'helpers', 'module-log.mjs')).href;
  const result = await runCli(['build', '--format', 'html', '--out', name, '--quiet', ...(extra.args ?? [])], {
    cwd: project,
    entry: path.join(repoRoot, 'tests', 'helpers', 'unbundled-cli.mjs'),
    env: {
      NODE_OPTIONS: `--import ${preload}`,
      MODULE_LOG: log,
      ...(extra.stale ? { STALE_PRECOMPILED_TEMPLATES: '1' } : {}),
    },
  });
  expect(result.code, result.stderr).toBe(0);
  return {
    html: await readFile(path.join(project, name, 'report.html'), 'utf8'),
    log: (await readFile(log, 'utf8')).split('\n').filter(Boolean),
  };
}

const loaded = (b: Build, ending: string): boolean => b.log.some((line) => line.endsWith(ending));

describe('the compiled CLI and the built-in templates', () => {
  let project: string;
  let fresh: Build;
  beforeAll(async () => {
    project = await tempProject();
    fresh = await build(project, 'fresh');
  }, 60_000);

  it('`npm run build` wrote the precompiled templates, from the templates as they are now', async () => {
    expect(existsSync(precompiled), `${precompiled} is missing: run npm run build`).toBe(true);
    expect(await readFile(precompiled, 'utf8')).toBe(precompiledTemplatesModule(await readTemplateSet()));
  });

  it('render from them: the Handlebars runtime is loaded, the compiler is not, and no worker starts', () => {
    expect(loaded(fresh, pathToFileURL(precompiled).href)).toBe(true);
    expect(loaded(fresh, runtime)).toBe(true);
    expect(loaded(fresh, compiler)).toBe(false);
    expect(loaded(fresh, '/dist/render/template-worker.js')).toBe(false);
    expect(fresh.log).not.toContain('worker thread started');
    expect(fresh.html).toContain('<section class="cover');
  });

  it('a module older than the templates is passed over: they are compiled in process, to the same page', async () => {
    const stale = await build(project, 'stale', { stale: true });
    expect(stale.log).toContain('precompiled templates served stale');
    expect(loaded(stale, compiler)).toBe(true);
    expect(stale.log).not.toContain('worker thread started');
    expect(stale.html).toBe(fresh.html);
  }, 60_000);

  it('a template folder with its own partial renders in the worker, as before', async () => {
    const cover = await readFile(path.join(builtInTemplatesDir, 'partials', 'cover.hbs'), 'utf8');
    await mkdir(path.join(project, 'look', 'partials'), { recursive: true });
    await writeFile(
      path.join(project, 'look', 'partials', 'cover.hbs'),
      cover.replace('<p class="kicker">', '<p class="kicker mine">'),
    );
    const own = await build(project, 'own', { args: ['--templates', 'look'] });
    expect(own.log).toContain('worker thread started');
    expect(own.html).toContain('<p class="kicker mine">');
    expect(own.html.replace('<p class="kicker mine">', '<p class="kicker">')).toBe(fresh.html);
  }, 60_000);
});
