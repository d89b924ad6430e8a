// A writer that kills itself (SIGKILL, no cleanup of any kind) just before its n-th step.
// Run by tests/write/kill-between-writes.test.ts with the compiled write module:
//
//   node write-until-killed.mjs <folder> <step> <text of the new pair> [fail-rename-of]
//
// Each step (a call that changes the disk: open, write, flush, link, rename, unlink, mkdir) is
// printed as a JSON line before it runs, so the test learns the sequence from a run with no
// kill. With a fourth argument, renaming a file onto that name fails with EIO (once), to
// make the writer undo what it did, and be killed while undoing.
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const [folder, stepText, text, failRenameOf] = process.argv.slice(2);
const killAt = Number(stepText);
const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const { writeArtifacts } = await import(path.join(dist, 'write', 'write-artifacts.js'));

let step = 0;
let failed = false;
function next(op, ...files) {
  step++;
  process.stdout.write(`${JSON.stringify({ step, op, files: files.map((f) => path.basename(String(f))) })}\n`);
  if (step === killAt) process.kill(process.pid, 'SIGKILL');
}

const io = {
  mkdir: async (dir, options) => (next('mkdir', dir), fs.mkdir(dir, options)),
  link: async (from, to) => (next('link', from, to), fs.link(from, to)),
  unlink: async (file) => (next('unlink', file), fs.unlink(file)),
  rename: async (from, to) => {
    next('rename', from, to);
    if (!failed && failRenameOf !== undefined && path.basename(String(to)) === failRenameOf) {
      failed = true;
      throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    }
    return fs.rename(from, to);
  },
  open: async (file, flags, mode) => {
    next('open', file);
    const handle = await fs.open(file, flags, mode);
    const writeFile = handle.writeFile.bind(handle);
    const sync = handle.sync.bind(handle);
    return Object.assign(handle, {
      writeFile: async (data) => (next('write', file), writeFile(data)),
      sync: async () => (next('sync', file), sync()),
    });
  },
};

const html = path.join(folder, 'report.html');
const pdf = path.join(folder, 'report.pdf');
try {
  await writeArtifacts([{ path: html, bytes: Buffer.from(`html ${text}`) }, { path: pdf, bytes: Buffer.from(`pdf ${text}`) }], { io });
  process.stdout.write(`${JSON.stringify({ done: true })}\n`);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ failed: error.message })}\n`);
}
