import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildContext, ValidationError, buildReport, memoryReader, validateProfiles } from '../../src/index.js';
import { repoRoot } from '../helpers/paths.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

async function sampleFiles(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const name of ['report.yaml', 'profiles/zeng-yan.yaml', 'profiles/luo-fuli.yaml']) {
    files.set(path.join(root, 'data', name), await readFile(path.join(repoRoot, 'data', name), 'utf8'));
  }
  return files;
}

describe('the library API, in memory', () => {
  it('returns the HTML, the PDF bytes and the chart configurations, and writes nothing', async () => {
    const cwd = await tempProject({ withSample: false });
    const context = new BuildContext();
    try {
      const result = await buildReport({ cwd, read: memoryReader(await sampleFiles(cwd)), context });
      expect(result.html).toContain('<title>Zeng Yan and Luo Fuli: two balance points</title>');
      expect(Buffer.from(result.pdf!.subarray(0, 5)).toString()).toBe('%PDF-');
      expect(result.charts.map((c) => c.id)).toContain('timeline');
      expect(JSON.parse(JSON.stringify(result.charts))).toEqual(result.charts);
      expect(result.outputs.map((o) => path.relative(cwd, o.path))).toEqual(['out/report.html', 'out/report.pdf']);
      expect(result.written).toBeUndefined();
      expect(await listFiles(cwd)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('throws a ValidationError with every problem, located', async () => {
    const cwd = '/virtual';
    const files = await sampleFiles(cwd);
    files.set(
      '/virtual/data/profiles/zeng-yan.yaml',
      files.get('/virtual/data/profiles/zeng-yan.yaml')!.replace('birthYear: 1997', 'birthYear: soon'),
    );
    const error = await buildReport({ cwd, read: memoryReader(files), formats: ['html'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([
      expect.objectContaining({ file: 'data/profiles/zeng-yan.yaml', line: 8, column: 14, path: 'person.birthYear' }),
    ]);
  });

  it('hands over the HTML once rendered and checked, before printing, and prints that same page', async () => {
    const cwd = '/virtual';
    const files = await sampleFiles(cwd);
    const context = new BuildContext();
    try {
      const order: string[] = [];
      const result = await buildReport({
        cwd,
        read: memoryReader(files),
        context,
        onHtml: (html) => void order.push(html),
        onStage: (stage) => void order.push(stage),
      });
      expect(order.filter((o) => o.length > 10)).toEqual([result.html]);
      expect(order.indexOf(result.html)).toBeLessThan(order.indexOf('pdf'));
      // With --strict, a page with a warning is never shown: the build fails first.
      files.set(
        '/virtual/data/profiles/zeng-yan.yaml',
        files.get('/virtual/data/profiles/zeng-yan.yaml')!.replace('nativeName: 曾妍', 'nativeName: ᱥ曾妍'),
      );
      let shown = false;
      const error = await buildReport({
        cwd,
        read: memoryReader(files),
        context,
        strict: true,
        onHtml: () => void (shown = true),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(shown).toBe(false);
      // A build that passes --strict shows its page once the whole preflight has passed.
      const strictOrder: string[] = [];
      await buildReport({
        cwd,
        read: memoryReader(await sampleFiles(cwd)),
        context,
        strict: true,
        onHtml: () => void strictOrder.push('html shown'),
        onStage: (stage) => void strictOrder.push(stage),
      });
      expect(strictOrder.slice(-3)).toEqual(['pdf', 'preflight', 'html shown']);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('validates from memory', async () => {
    const report = await validateProfiles([], { cwd: '/virtual', read: memoryReader(await sampleFiles('/virtual')) });
    expect(report).toEqual({
      ok: true,
      problems: [],
      files: ['data/report.yaml', 'data/profiles/zeng-yan.yaml', 'data/profiles/luo-fuli.yaml'],
    });
  });
});
