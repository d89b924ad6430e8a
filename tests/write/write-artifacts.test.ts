import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderError } from '../../src/errors.js';
import { writeArtifacts } from '../../src/write/write-artifacts.js';
import type { WriteIo } from '../../src/write/write-artifacts.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

const enospc = (): NodeJS.ErrnoException => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** Real file operations, except that writing the n-th file fails after half its bytes. */
function diskFillsOn(n: number): WriteIo {
  let opened = 0;
  return {
    rename: fs.rename,
    unlink: fs.unlink,
    open: (async (file: string, flags: string, mode?: number) => {
      const handle = await fs.open(file, flags, mode);
      if (++opened !== n) return handle;
      const writeFile = handle.writeFile.bind(handle);
      return Object.assign(handle, {
        writeFile: async (data: Uint8Array) => {
          await writeFile(data.subarray(0, data.length / 2));
          throw enospc();
        },
      });
    }) as WriteIo['open'],
  };
}

describe('writeArtifacts', () => {
  it('writes every file and reports its size and sha256', async () => {
    const dir = await tempProject({ withSample: false });
    const written = await writeArtifacts([{ path: path.join(dir, 'out', 'a.html'), bytes: Buffer.from('<p>a</p>') }]);
    const { createHash } = await import('node:crypto');
    expect(written).toEqual([{ path: path.join(dir, 'out', 'a.html'), size: 8, sha256: createHash('sha256').update('<p>a</p>').digest('hex') }]);
    expect(await fs.readFile(path.join(dir, 'out', 'a.html'), 'utf8')).toBe('<p>a</p>');
  });

  it.each([1, 2])('a full disk while writing file %i keeps both previous outputs and leaves no temporary file', async (n) => {
    const dir = await tempProject({ withSample: false });
    const html = path.join(dir, 'out', 'report.html');
    const pdf = path.join(dir, 'out', 'report.pdf');
    await writeArtifacts([{ path: html, bytes: Buffer.from('old html') }, { path: pdf, bytes: Buffer.from('%PDF-old') }]);
    const attempt = writeArtifacts([{ path: html, bytes: Buffer.alloc(4096, 'n') }, { path: pdf, bytes: Buffer.alloc(4096, 'n') }], diskFillsOn(n));
    await expect(attempt).rejects.toThrow(RenderError);
    await expect(attempt).rejects.toThrow(`cannot write ${n === 1 ? html : pdf}: no space left on the device; the previous outputs are unchanged`);
    expect(await fs.readFile(html, 'utf8')).toBe('old html');
    expect(await fs.readFile(pdf, 'utf8')).toBe('%PDF-old');
    expect(await listFiles(dir)).toEqual(['out/report.html', 'out/report.pdf']);
  });

  it('a failed rename leaves no temporary files', async () => {
    const dir = await tempProject({ withSample: false });
    const io: WriteIo = { ...fs, rename: async () => Promise.reject(Object.assign(new Error('EXDEV'), { code: 'EXDEV' })) } as WriteIo;
    await expect(writeArtifacts([{ path: path.join(dir, 'x.pdf'), bytes: Buffer.from('x') }], io)).rejects.toThrow(RenderError);
    expect(await listFiles(dir)).toEqual([]);
  });
});
