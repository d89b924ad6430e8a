import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderError } from '../../src/errors.js';
import { FolderHandle } from '../../src/load/folder-handle.js';
import { lockOutputs } from '../../src/write/output-lock.js';
import { writeArtifacts } from '../../src/write/write-artifacts.js';
import { nodeIo } from '../../src/write/write-io.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

async function outFolder(): Promise<string> {
  const out = path.join(await tempProject({ withSample: false }), 'out');
  await mkdir(out);
  return out;
}

const pair = (out: string, text: string) => [
  { path: path.join(out, 'report.html'), bytes: Buffer.from(`html ${text}`) },
  { path: path.join(out, 'report.pdf'), bytes: Buffer.from(`pdf ${text}`) },
];

describe('the lock on a pair of outputs', () => {
  it('a holder that does not let go: the wait ends, naming the process and the lock file, and nothing is written', async () => {
    const out = await outFolder();
    const folder = await FolderHandle.open(out);
    const lock = await lockOutputs(folder, 'report', nodeIo);
    try {
      const attempt = writeArtifacts(pair(out, 'new'), { lockWaitMs: 300 });
      await expect(attempt).rejects.toThrow(RenderError);
      await expect(attempt).rejects.toThrow(
        `cannot write ${out}/report.html: another build (process ${process.pid}) is writing these outputs and still holds ${out}/.report.lock after 0.3 s of waiting; if no build is running, remove that file; the previous outputs are unchanged`,
      );
      expect(await listFiles(out)).toEqual(['.report.lock']);
    } finally {
      await lock.release();
      await folder.close();
    }
    expect(await listFiles(out)).toEqual([]);
  });

  it('writers of the same outputs in one process take turns, each pair whole', async () => {
    const out = await outFolder();
    await Promise.all(['a', 'b', 'c', 'd'].map((text) => writeArtifacts(pair(out, text))));
    const html = await readFile(path.join(out, 'report.html'), 'utf8');
    const pdf = await readFile(path.join(out, 'report.pdf'), 'utf8');
    expect(pdf).toBe(html.replace('html', 'pdf'));
    expect(await listFiles(out)).toEqual(['report.html', 'report.pdf']);
  });

  it.each([
    ['a process id now used by a later process', () => JSON.stringify({ pid: process.pid, start: '1' })],
    ['a lock file that is not one (planted in a shared project)', () => 'not a lock'],
    ['an empty lock file', () => ''],
  ])('%s is taken over at once', async (_, content) => {
    const out = await outFolder();
    await writeFile(path.join(out, '.report.lock'), content());
    await writeArtifacts(pair(out, 'new'), { lockWaitMs: 100 });
    expect(await listFiles(out)).toEqual(['report.html', 'report.pdf']);
  });
});
