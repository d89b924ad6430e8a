import { spawn } from 'node:child_process';
import { access, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FolderHandle } from '../../src/load/folder-handle.js';
import { lockOutputs } from '../../src/write/output-lock.js';
import { nodeIo } from '../../src/write/write-io.js';
import { cliPath } from '../helpers/paths.js';
import { readPdf } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/**
 * Builds that write the same report files: two specs in one batch, two builds at once, a build
 * beside a stuck or dead one. Each report on disk must be one build's HTML with the same
 * build's PDF.
 */

/** A copy of the sample spec with its own title, writing to `output` (relative to data/). */
async function specWith(project: string, name: string, title: string, output = '../out'): Promise<string> {
  const base = await readFile(path.join(project, 'data', 'report.yaml'), 'utf8');
  await writeFile(
    path.join(project, 'data', name),
    base.replace(/^title: .*$/m, `title: "${title}"`).replace(/^ {2}dir: .*$/m, `  dir: ${output}`),
  );
  return path.join('data', name);
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

describe('a batch whose reports would write the same files is refused before anything is built', () => {
  it('two specs writing out/report.*: exit 2, both named, nothing written', async () => {
    const project = await tempProject();
    const a = await specWith(project, 'a.yaml', 'Report Alpha');
    const b = await specWith(project, 'b.yaml', 'Report Beta');
    const before = await listFiles(project);
    const result = await runCli(['build', a, b], { cwd: project });
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(
      'data/a.yaml and data/b.yaml both write out/report.html and out/report.pdf: reports built together must not write the same files; give each its own output.name or output.dir',
    );
    expect(await listFiles(project)).toEqual(before);
  });

  it('the same folder reached through a link, and a spec given twice, are the same outputs', async () => {
    const project = await tempProject();
    await mkdir(path.join(project, 'out'));
    await symlink('out', path.join(project, 'out-link'));
    const a = await specWith(project, 'a.yaml', 'Report Alpha');
    const b = await specWith(project, 'b.yaml', 'Report Beta', '../out-link');
    const viaLink = await runCli(['build', a, b], { cwd: project });
    expect(viaLink.code, viaLink.stderr).toBe(2);
    expect(viaLink.stderr).toContain('data/a.yaml and data/b.yaml both write out/report.html and out/report.pdf');
    const twice = await runCli(['build', a, a], { cwd: project });
    expect(twice.code, twice.stderr).toBe(2);
    expect(twice.stderr).toContain('data/a.yaml is given 2 times (it writes out/report.html and out/report.pdf)');
    expect(await listFiles(path.join(project, 'out'))).toEqual([]);
  });
});

describe('builds writing the same outputs take turns', () => {
  it('two builds at once, of two specs with the same outputs: each exits 0 and the pair on disk is one build’s', async () => {
    const project = await tempProject();
    const specs = {
      'Report Alpha': await specWith(project, 'a.yaml', 'Report Alpha'),
      'Report Beta': await specWith(project, 'b.yaml', 'Report Beta'),
    };
    {
      const results = await Promise.all(Object.values(specs).map((spec) => runCli(['build', spec], { cwd: project })));
      for (const result of results) expect(result.code, result.stderr).toBe(0);
      const html = await readFile(path.join(project, 'out', 'report.html'), 'utf8');
      const htmlTitle = /<title>([^<]*)<\/title>/.exec(html)?.[1];
      const pdfTitle = (await readPdf(path.join(project, 'out', 'report.pdf'))).info['Title'];
      expect(Object.keys(specs)).toContain(htmlTitle);
      expect(pdfTitle).toBe(htmlTitle);
      expect(await listFiles(path.join(project, 'out'))).toEqual(['report.html', 'report.pdf']);
    }
  }, 240_000);

  it('a build waits while another process holds the outputs, and writes once they are released', async () => {
    const project = await tempProject();
    const out = path.join(project, 'out');
    await mkdir(out);
    const folder = await FolderHandle.open(out);
    const lock = await lockOutputs(folder, 'report', nodeIo);
    let released = false;
    try {
      const child = spawn(process.execPath, [cliPath, 'build', '--format', 'html'], { cwd: project });
      let stderr = '';
      const rendered = new Promise<void>((resolve) =>
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          if (/^ {2}html +\d/m.test(stderr)) resolve();
        }),
      );
      const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
      await rendered;
      // The HTML is rendered and only the write is left: it must wait for the lock.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await exists(path.join(out, 'report.html'))).toBe(false);
      await lock.release();
      released = true;
      expect(await exited, stderr).toBe(0);
      expect(await listFiles(out)).toEqual(['report.html']);
    } finally {
      if (!released) await lock.release();
      await folder.close();
    }
  }, 120_000);

  it('a lock left by a process that is gone is taken over at once', async () => {
    const project = await tempProject();
    const out = path.join(project, 'out');
    await mkdir(out);
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    await writeFile(path.join(out, '.report.lock'), JSON.stringify({ pid: dead }));
    const result = await runCli(['build', '--format', 'html'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(await listFiles(out)).toEqual(['report.html']);
  }, 120_000);
});
