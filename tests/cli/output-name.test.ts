import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputName } from '../../src/load/command-line-spec.js';
import { fixtures } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

describe('the output name of people named on the command line', () => {
  it('is the Latin names joined by dashes, with a short hash when letters of another script or a long list would be lost', () => {
    expect(outputName(['Zeng Yan', 'Luo Fuli'])).toBe('zeng-yan-luo-fuli');
    expect(outputName(['Zoë Çelik'])).toBe('zoe-celik');
    expect(outputName(['曾妍', '罗福莉'])).toMatch(/^comparison-[0-9a-f]{6}$/);
    expect(outputName(['曾妍', '罗福莉'])).toBe(outputName(['曾妍', '罗福莉']));
    expect(outputName(['曾妍', '罗福莉'])).not.toBe(outputName(['张三', '李四']));
    expect(outputName(['Zeng Yan', '罗福莉'])).toMatch(/^zeng-yan-[0-9a-f]{6}$/);
    expect(outputName(['Zeng Yan', '罗福莉'])).not.toBe(outputName(['Zeng Yan', '李四']));
    const many = Array.from({ length: 8 }, (_, i) => `Person Number ${'ABCDEFGH'[i]} With A Long Name`);
    expect(outputName(many)).toMatch(/^[a-z0-9-]{1,80}-[0-9a-f]{6}$/);
    // The spec's own rule for output.name.
    for (const name of [outputName(['曾妍']), outputName(many)])
      expect(name).toMatch(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/);
  });

  it('two builds of different people with non-Latin names write two different files', async () => {
    const project = await tempProject({ withSample: false });
    const minimal = await readFile(path.join(fixtures, 'valid', 'minimal.yaml'), 'utf8');
    const names = ['曾妍', '罗福莉', '张三', '李四'];
    for (const [i, name] of names.entries())
      await writeFile(
        path.join(project, `p${i}.yaml`),
        minimal.replace('name: Ada Example', `name: ${name}`).replace('$schema=../../../data', '$schema=./data'),
      );
    const first = await runCli(['build', 'p0.yaml', 'p1.yaml', '--format', 'html', '--quiet'], { cwd: project });
    expect(first.code, first.stderr).toBe(0);
    const second = await runCli(['build', 'p2.yaml', 'p3.yaml', '--format', 'html', '--quiet'], { cwd: project });
    expect(second.code, second.stderr).toBe(0);
    const written = (await listFiles(project)).filter((f) => f.startsWith('out'));
    expect(written).toEqual(
      [`out/${outputName(['曾妍', '罗福莉'])}.html`, `out/${outputName(['张三', '李四'])}.html`].sort(),
    );
    expect(await readFile(path.join(project, 'out', `${outputName(['曾妍', '罗福莉'])}.html`), 'utf8')).toContain(
      '曾妍',
    );
    expect(await readFile(path.join(project, 'out', `${outputName(['张三', '李四'])}.html`), 'utf8')).toContain('张三');
  }, 60_000);
});
