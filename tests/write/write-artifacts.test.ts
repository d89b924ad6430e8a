import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderError } from '../../src/errors.js';
import { writeArtifacts } from '../../src/write/write-artifacts.js';
import type { WriteIo } from '../../src/write/write-artifacts.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

const enospc = (): NodeJS.ErrnoException =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

/** Real file operations, except that writing the n-th file fails after half its bytes. */
function diskFillsOn(n: number): WriteIo {
  let opened = 0;
  return {
    rename: fs.rename,
    unlink: fs.unlink,
    link: fs.link,
    mkdir: fs.mkdir,
    open: (async (file: string, flags: string, mode?: number) => {
      const handle = await fs.open(file, flags, mode);
      // Only the outputs' temporaries count, not the lock or the journal.
      if (!/\.report\.(html|pdf)\.\d+\.[0-9a-f]{8}\.tmp$/.test(file) || ++opened !== n) return handle;
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
    expect(written).toEqual([
      { path: path.join(dir, 'out', 'a.html'), size: 8, sha256: createHash('sha256').update('<p>a</p>').digest('hex') },
    ]);
    expect(await fs.readFile(path.join(dir, 'out', 'a.html'), 'utf8')).toBe('<p>a</p>');
  });

  it.each([1, 2])(
    'a full disk while writing file %i keeps both previous outputs and leaves no temporary file',
    async (n) => {
      const dir = await tempProject({ withSample: false });
      const html = path.join(dir, 'out', 'report.html');
      const pdf = path.join(dir, 'out', 'report.pdf');
      await writeArtifacts([
        { path: html, bytes: Buffer.from('old html') },
        { path: pdf, bytes: Buffer.from('%PDF-old') },
      ]);
      const attempt = writeArtifacts(
        [
          { path: html, bytes: Buffer.alloc(4096, 'n') },
          { path: pdf, bytes: Buffer.alloc(4096, 'n') },
        ],
        { io: diskFillsOn(n) },
      );
      await expect(attempt).rejects.toThrow(RenderError);
      await expect(attempt).rejects.toThrow(
        `cannot write ${n === 1 ? html : pdf}: no space left on the device; the previous outputs are unchanged`,
      );
      expect(await fs.readFile(html, 'utf8')).toBe('old html');
      expect(await fs.readFile(pdf, 'utf8')).toBe('%PDF-old');
      expect(await listFiles(dir)).toEqual(['out/report.html', 'out/report.pdf']);
    },
  );

  it('a failed rename leaves no temporary files', async () => {
    const dir = await tempProject({ withSample: false });
    const io: WriteIo = {
      ...fs,
      rename: async () => Promise.reject(Object.assign(new Error('EXDEV'), { code: 'EXDEV' })),
    };
    await expect(writeArtifacts([{ path: path.join(dir, 'x.pdf'), bytes: Buffer.from('x') }], { io })).rejects.toThrow(
      RenderError,
    );
    expect(await listFiles(dir)).toEqual([]);
  });

  it('replaces the pair as one: when the second rename fails, the first file gets its old contents back', async () => {
    const dir = await tempProject({ withSample: false });
    const html = path.join(dir, 'out', 'report.html');
    const pdf = path.join(dir, 'out', 'report.pdf');
    await writeArtifacts([
      { path: html, bytes: Buffer.from('old html') },
      { path: pdf, bytes: Buffer.from('%PDF-old') },
    ]);
    let renames = 0;
    const io: WriteIo = {
      ...fs,
      rename: (async (from: string, to: string) => {
        if (path.basename(to) === 'report.pdf' && ++renames === 1)
          throw Object.assign(new Error('EIO'), { code: 'EIO' });
        return fs.rename(from, to);
      }) as WriteIo['rename'],
    };
    await expect(
      writeArtifacts(
        [
          { path: html, bytes: Buffer.from('new html') },
          { path: pdf, bytes: Buffer.from('%PDF-new') },
        ],
        { io },
      ),
    ).rejects.toThrow(`cannot write ${pdf}: EIO; the previous outputs are unchanged`);
    expect(await fs.readFile(html, 'utf8')).toBe('old html');
    expect(await fs.readFile(pdf, 'utf8')).toBe('%PDF-old');
    expect(await listFiles(dir)).toEqual(['out/report.html', 'out/report.pdf']);
  });

  it('a folder where the PDF goes: nothing is replaced, the HTML included', async () => {
    const dir = await tempProject({ withSample: false });
    const html = path.join(dir, 'out', 'report.html');
    const pdf = path.join(dir, 'out', 'report.pdf');
    await fs.mkdir(pdf, { recursive: true });
    await fs.writeFile(html, 'old html');
    await expect(
      writeArtifacts([
        { path: html, bytes: Buffer.from('new html') },
        { path: pdf, bytes: Buffer.from('%PDF-new') },
      ]),
    ).rejects.toThrow(
      `cannot write ${pdf}: a folder is in the way of the output file; the previous outputs are unchanged`,
    );
    expect(await fs.readFile(html, 'utf8')).toBe('old html');
    expect(await listFiles(dir)).toEqual(['out/report.html']);
  });

  it('removes what a killed writer left, and puts back a previous output caught mid-swap', async () => {
    const dir = await tempProject({ withSample: false });
    const out = path.join(dir, 'out');
    await fs.mkdir(out);
    const dead = 2 ** 22 + 12345; // above Linux's pid_max default: no such process
    await fs.writeFile(path.join(out, `.report.html.${dead}.0badcafe.tmp`), 'half a file');
    await fs.writeFile(path.join(out, `.report.pdf.${dead}.0badcafe.old`), '%PDF-previous');
    await fs.writeFile(path.join(out, `.notes.txt.${process.ppid}.0badcafe.tmp`), 'a live process owns this');
    await writeArtifacts([{ path: path.join(out, 'report.html'), bytes: Buffer.from('new html') }]);
    expect(await listFiles(dir)).toEqual([
      `out/.notes.txt.${process.ppid}.0badcafe.tmp`,
      'out/report.html',
      'out/report.pdf',
    ]);
    expect(await fs.readFile(path.join(out, 'report.pdf'), 'utf8')).toBe('%PDF-previous');
  });

  it('an output that is a symbolic link is replaced by the new file; the file it led to is left alone', async () => {
    const dir = await tempProject({ withSample: false });
    const elsewhere = path.join(dir, 'elsewhere.html');
    await fs.writeFile(elsewhere, 'not ours');
    await fs.chmod(elsewhere, 0o600);
    await fs.mkdir(path.join(dir, 'out'));
    await fs.symlink(elsewhere, path.join(dir, 'out', 'report.html'));
    await writeArtifacts([{ path: path.join(dir, 'out', 'report.html'), bytes: Buffer.from('new html') }]);
    expect((await fs.lstat(path.join(dir, 'out', 'report.html'))).isSymbolicLink()).toBe(false);
    expect(await fs.readFile(path.join(dir, 'out', 'report.html'), 'utf8')).toBe('new html');
    expect(await fs.readFile(elsewhere, 'utf8')).toBe('not ours');
    expect(await listFiles(dir)).toEqual(['elsewhere.html', 'out/report.html']);
  });

  it('refuses files of different names or folders in one call: one lock and one journal cover one pair', async () => {
    await expect(
      writeArtifacts([
        { path: '/tmp/a/report.html', bytes: Buffer.from('') },
        { path: '/tmp/b/report.pdf', bytes: Buffer.from('') },
      ]),
    ).rejects.toThrow('replaces files of one name in one folder');
  });
});
