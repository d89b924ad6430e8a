import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtInLayout } from '../../src/render/built-in-layout.js';
import { TemplateRenderer } from '../../src/render/template-renderer.js';
import { TemplateRunner } from '../../src/render/template-runner.js';
import { builtInTemplatesDir, readTemplateSet } from '../../src/render/template-set.js';
import type { TemplateSet } from '../../src/render/template-set.js';
import { templateSourcesHash } from '../../src/render/template-sources-hash.js';
import { sampleView } from '../helpers/sample-view.js';

/**
 * Where templates render, run from the TypeScript sources (no precompiled module beside them):
 * the built-in ones compiled in this process, a template folder's in the worker thread.
 */
let dir: string;
let view: object;
const workersStarted: unknown[] = [];
const countWorker = (worker: unknown): void => void workersStarted.push(worker);

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'template-renderer-'));
  view = await sampleView();
  process.on('worker', countWorker);
}, 60_000);
afterAll(async () => {
  process.off('worker', countWorker);
  await rm(dir, { recursive: true, force: true });
});

async function folder(name: string, files: Record<string, string>): Promise<TemplateSet> {
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name, file)), { recursive: true });
    await writeFile(path.join(dir, name, file), text);
  }
  return readTemplateSet(path.join(dir, name));
}

async function renderOnce(set: TemplateSet): Promise<{ html: string; workers: number }> {
  const renderer = new TemplateRenderer();
  const before = workersStarted.length;
  try {
    renderer.warmUp(set);
    const html = await renderer.render(set, view, 30_000);
    return { html, workers: workersStarted.length - before };
  } finally {
    await renderer.close();
  }
}

describe('the built-in templates render in process, with no worker', () => {
  it('the same page as the worker renders from the same templates', async () => {
    const builtIn = await readTemplateSet();
    const inProcess = await renderOnce(builtIn);
    expect(inProcess.workers).toBe(0);
    expect(inProcess.html).toContain('<section class="cover"');

    const runner = new TemplateRunner();
    try {
      const fromWorker = await runner.render(templateSourcesHash(builtIn), builtIn, view, 30_000);
      expect(fromWorker).toBe(inProcess.html);
    } finally {
      await runner.close();
    }
  });

  it('a folder that overrides only the stylesheets and messages still counts as built-in', async () => {
    const set = await folder('look', {
      'styles.css': 'body { color: black; }',
      'extra.css': 'h1 { color: navy; }',
      'messages/en.yaml': 'sources: Where it comes from\n',
    });
    expect(set.css).toContain('h1 { color: navy; }');
    const result = await renderOnce(set);
    expect(result.workers).toBe(0);
    expect(result.html).toBe((await renderOnce(await readTemplateSet())).html);
  });

  it('a layout.hbs that is a copy of the built-in one changes nothing, so it counts too', async () => {
    const layout = await readFile(path.join(builtInTemplatesDir, 'layout.hbs'), 'utf8');
    const set = await folder('copy', { 'layout.hbs': layout });
    expect(set.userFiles.has('layout.hbs')).toBe(true);
    expect(await builtInLayout(set)).toBeDefined();
    expect((await renderOnce(set)).workers).toBe(0);
  });
});

describe('any other template renders in the worker, started only for it', () => {
  it('one changed partial', async () => {
    const cover = await readFile(path.join(builtInTemplatesDir, 'partials', 'cover.hbs'), 'utf8');
    const changed = cover.replace('<p class="kicker">', '<p class="kicker mine">');
    expect(changed).not.toBe(cover);
    const set = await folder('changed', { 'partials/cover.hbs': changed });
    expect(await builtInLayout(set)).toBeUndefined();
    const result = await renderOnce(set);
    expect(result.workers).toBe(1);
    expect(result.html).toContain('<p class="kicker mine">');
  });

  it('a partial added to the built-in set', async () => {
    const builtIn = await readTemplateSet();
    const set = { ...builtIn, partials: new Map([...builtIn.partials, ['extra', '<p>more</p>']]) };
    expect(await builtInLayout(set)).toBeUndefined();
  });
});
