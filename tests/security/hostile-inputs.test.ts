import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { chromiumProcesses, chromiumProfileDirs, privateTmp } from '../helpers/leftovers.js';
import { cliPath } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { LiveCli, sleep } from '../helpers/spawn-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';
import { readerHtml } from '../helpers/reader-view.js';

const mkfifo = async (file: string): Promise<void> => {
  await promisify(execFile)('mkfifo', [file]);
};

describe('a FIFO never hangs the tool', () => {
  it('a profile that is a FIFO: refused at once, exit 1', async () => {
    const project = await tempProject();
    const file = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    await rm(file);
    await mkfifo(file);
    const started = Date.now();
    const result = await runCli(['build', '--format', 'html'], { cwd: project });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(
      'data/profiles/luo-fuli.yaml  (file)  this is a named pipe (FIFO), not a regular file',
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);

  it('a template file that is a FIFO: refused at once, exit 1', async () => {
    const project = await tempProject();
    await mkdir(path.join(project, 'look', 'partials'), { recursive: true });
    await mkfifo(path.join(project, 'look', 'partials', 'cover.hbs'));
    const result = await runCli(['build', '--templates', 'look', '--format', 'html'], { cwd: project });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/look\/partials\/cover\.hbs: this is a named pipe \(FIFO\), not a regular file/);
  }, 60_000);

  it('a FIFO given on the command line ends on SIGTERM too (it is never opened blocking)', async () => {
    const project = await tempProject();
    await mkfifo(path.join(project, 'pipe.yaml'));
    const result = await runCli(['validate', 'pipe.yaml'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('this is a named pipe (FIFO)');
  }, 60_000);

  it('watch: a profile swapped for a FIFO is reported, and the next good save builds again', async () => {
    const project = await tempProject();
    const file = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    const good = await readFile(file, 'utf8');
    const live = new LiveCli(['watch', '--format', 'html', '--json', '--debounce', '50'], project);
    try {
      expect((await live.next(60_000))['ok']).toBe(true);
      await rm(file);
      await mkfifo(file);
      const failed = await live.next(60_000);
      expect(failed['ok']).toBe(false);
      expect(JSON.stringify(failed)).toContain('named pipe (FIFO)');
      await rm(file);
      await writeFile(`${file}.tmp`, good.replace('Luo Fuli', 'Luo Fuli (edited)'));
      await rename(`${file}.tmp`, file);
      const rebuilt = await live.next(60_000);
      expect(rebuilt['ok'], JSON.stringify(rebuilt)).toBe(true);
      expect(await readFile(path.join(project, 'out', 'report.html'), 'utf8')).toContain('Luo Fuli (edited)');
    } finally {
      await live.stop();
    }
  }, 120_000);
});

describe('text that could make the report lie is refused, or flagged', () => {
  async function buildWithPerson(
    edit: (text: string) => string,
  ): Promise<{ code: number | null; stderr: string; project: string }> {
    const project = await tempProject();
    const file = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    await writeFile(file, edit(await readFile(file, 'utf8')));
    const result = await runCli(['build', '--format', 'html'], { cwd: project });
    return { ...result, project };
  }

  it('a right-to-left override in a name: exit 1 at file:line:col, nothing written', async () => {
    const result = await buildWithPerson((t) => t.replace('  name: Luo Fuli', '  name: "Luo \u202EiluF"'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /luo-fuli\.yaml:\d+:\d+ {2}person\.name {2}the text holds an invisible bidirectional control \(U\+202E\) at character 5/,
    );
    expect(await listFiles(result.project)).not.toContain('out/report.html');
  }, 60_000);

  it('a reversed unit: refused', async () => {
    const result = await buildWithPerson((t) => t.replace(/unit: (.*)/, 'unit: "\u202E%"'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\.unit {2}the text holds an invisible bidirectional control \(U\+202E\)/);
  }, 60_000);

  it('a zero-width space in a name: refused', async () => {
    const result = await buildWithPerson((t) => t.replace('  name: Luo Fuli', '  name: "Luo\u200B Fuli"'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/person\.name {2}the text holds an invisible character \(U\+200B\) at character 4/);
  }, 60_000);

  it('a second person whose name imitates the first is built, with a warning naming both', async () => {
    const result = await buildWithPerson((t) => t.replace('  name: Luo Fuli', '  name: "Z\u0435ng Y\u0430n"'));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /luo-fuli\.yaml {2}person\.name {2}warning: "Zеng Yаn" looks like "Zeng Yan" \(person\.name in data\/profiles\/zeng-yan\.yaml\) but is written with different characters/,
    );
  }, 60_000);

  it('a link whose host imitates a Latin name is shown as punycode, as browsers show it', async () => {
    const result = await buildWithPerson((t) =>
      t.replace(/url: https:\/\/arxiv\.org\/abs\/([\d.]+)/, 'url: https://\u0430pple.com/$1'),
    );
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(path.join(result.project, 'out', 'report.html'), 'utf8');
    expect(html).toContain('https://xn--pple-43d.com/');
    // Nowhere a reader sees it: the inert facts block keeps the profile as written (it is data, never shown).
    expect(readerHtml(html)).not.toContain('\u0430pple');
  }, 60_000);
});

describe('outputs are replaced as a pair, and nothing is left behind', () => {
  it('a folder where the PDF goes: exit 3, and the HTML is not replaced either', async () => {
    const project = await tempProject();
    await mkdir(path.join(project, 'out', 'report.pdf'), { recursive: true });
    await writeFile(path.join(project, 'out', 'report.html'), 'previous html');
    const result = await runCli(['build'], { cwd: project });
    expect(result.code).toBe(3);
    expect(result.stderr).toMatch(
      /cannot write .*report\.pdf: a folder is in the way of the output file; the previous outputs are unchanged/,
    );
    expect(await readFile(path.join(project, 'out', 'report.html'), 'utf8')).toBe('previous html');
  }, 60_000);

  it('temporaries of a build killed with SIGKILL are removed by the next build', async () => {
    const project = await tempProject();
    const child = spawn(process.execPath, [cliPath, 'build', '--format', 'html'], { cwd: project });
    await new Promise((resolve) => child.on('close', resolve));
    const dead = 2 ** 22 + 4242;
    await writeFile(path.join(project, 'out', `.report.html.${dead}.deadbeef.tmp`), 'partial');
    await writeFile(path.join(project, 'out', `.report.pdf.${dead}.deadbeef.tmp`), '%PDF-partial');
    const result = await runCli(['build', '--format', 'html'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect((await listFiles(path.join(project, 'out'))).filter((f) => f.startsWith('.'))).toEqual([]);
  }, 60_000);

  it('SIGTERM while Chromium starts: no Chromium and no profile folder left, whenever it comes', async () => {
    const project = await tempProject();
    const tmp = await privateTmp(project);
    for (const delay of [50, 200, 400, 800]) {
      const child = spawn(process.execPath, [cliPath, 'build'], { cwd: project, env: { ...process.env, TMPDIR: tmp } });
      await sleep(delay);
      child.kill('SIGTERM');
      const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.on('close', (c, s) => resolve([c, s])),
      );
      // Before Node has set up anything, the default action ends it; after, it exits 143.
      expect(code === 143 || signal === 'SIGTERM', `exit ${code} ${signal}`).toBe(true);
      expect(await chromiumProcesses(tmp)).toEqual([]);
      expect(await chromiumProfileDirs(tmp)).toEqual([]);
    }
  }, 90_000);
});

describe('a report gives the same bytes alone or in a batch', () => {
  it('the sample alone, and in a batch of three', async () => {
    const project = await tempProject();
    for (const name of ['b', 'c']) {
      const text = (await readFile(path.join(project, 'data', 'report.yaml'), 'utf8'))
        .replace(/name: report/, `name: ${name}`)
        .replace(/^title: .*$/m, `title: Report ${name}`);
      await writeFile(path.join(project, 'data', `${name}.yaml`), text);
    }
    const sha = async (file: string): Promise<string> =>
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex');
    expect((await runCli(['build', 'data/report.yaml'], { cwd: project })).code).toBe(0);
    const alone = {
      html: await sha(path.join(project, 'out', 'report.html')),
      pdf: await sha(path.join(project, 'out', 'report.pdf')),
    };
    await cp(path.join(project, 'out'), path.join(project, 'alone'), { recursive: true });
    await rm(path.join(project, 'out'), { recursive: true });
    const batch = await runCli(['build', 'data/b.yaml', 'data/c.yaml', 'data/report.yaml'], { cwd: project });
    expect(batch.code, batch.stderr).toBe(0);
    expect({
      html: await sha(path.join(project, 'out', 'report.html')),
      pdf: await sha(path.join(project, 'out', 'report.pdf')),
    }).toEqual(alone);
  }, 120_000);
});
