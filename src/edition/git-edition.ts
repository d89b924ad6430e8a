import { execFile } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { UserError, ValidationError, firstLine } from '../errors.js';
import { formatBytes, limits } from '../limits.js';
import { loadInputs } from '../load/load-inputs.js';
import type { InputRequest } from '../load/load-inputs.js';
import type { FileReader, ReadResult } from '../load/read-input-file.js';
import { editionFacts } from './edition-facts.js';
import type { FactsDocument } from './facts-schema.js';

/** Runs git with arguments (never a shell), in `cwd`, with bounded output. */
function git(
  cwd: string,
  args: readonly string[],
  maxBytes: number,
): Promise<{ ok: true; stdout: Buffer } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-C', cwd, ...args],
      {
        encoding: 'buffer',
        maxBuffer: maxBytes,
        timeout: 30_000,
        env: { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' },
      },
      (error, stdout, stderr) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'ENOENT')
            resolve({ ok: false, message: 'git is not installed (it reads the earlier edition from the repository)' });
          else resolve({ ok: false, message: firstLine(stderr.toString('utf8').trim()) || error.message });
        } else resolve({ ok: true, stdout });
      },
    );
  });
}

/**
 * The project's spec and profiles as they were at git revision `rev`, loaded and validated like
 * today's, and their facts. Read with git itself (`ls-tree`, `cat-file`), never by checking the
 * revision out; a file that was a symbolic link at that revision is refused, as it would be on disk.
 */
export async function gitEditionFacts(rev: string, request: InputRequest): Promise<FactsDocument> {
  const label = `git:${rev}`;
  if (rev === '' || rev.startsWith('-') || rev.length > 200 || /[\0\s]/.test(rev))
    throw new UserError(`${label}: not a git revision`);
  const top = await git(request.cwd, ['rev-parse', '--show-toplevel'], 64 * 1024);
  if (!top.ok) throw new UserError(`${label}: ${request.cwd} is not in a git repository (${top.message})`);
  const commit = await git(
    request.cwd,
    ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`],
    64 * 1024,
  );
  if (!commit.ok) throw new UserError(`${label}: no such revision in this repository`);
  const sha = commit.stdout.toString('utf8').trim();
  const root = await realpath(top.stdout.toString('utf8').trim());
  const cwd = await realpath(request.cwd);

  const read: FileReader = async (file, maxBytes = limits.fileBytes): Promise<ReadResult> => {
    const fail = (message: string): ReadResult => ({
      ok: false,
      problem: { file, path: '', message: `${message} (at ${label})`, severity: 'error' },
    });
    const relative = path.relative(root, path.resolve(cwd, file));
    if (relative.startsWith('..') || path.isAbsolute(relative)) return fail('outside the repository');
    const entry = await git(
      root,
      ['ls-tree', '-z', '--full-tree', sha, '--', relative.split(path.sep).join('/')],
      64 * 1024,
    );
    if (!entry.ok) return fail(entry.message);
    const line = entry.stdout.toString('utf8').split('\0')[0] ?? '';
    if (line === '') return fail('no such file');
    const [meta = ''] = line.split('\t');
    const [mode, type, object] = meta.split(' ');
    if (mode === '120000') return fail('a symbolic link');
    if (type !== 'blob' || object === undefined) return fail('not a file');
    const size = await git(root, ['cat-file', '-s', object], 1024);
    if (!size.ok) return fail(size.message);
    const bytes = Number(size.stdout.toString('utf8').trim());
    if (bytes > maxBytes) return fail(`the file is ${formatBytes(bytes)}; the limit is ${formatBytes(maxBytes)}`);
    const blob = await git(root, ['cat-file', 'blob', object], maxBytes + 1);
    return blob.ok ? { ok: true, bytes: blob.stdout } : fail(blob.message);
  };

  try {
    const inputs = await loadInputs({ ...request, cwd }, read);
    return editionFacts(
      inputs.spec,
      inputs.profiles.map((p) => p.localised ?? p.profile),
    );
  } catch (error) {
    if (error instanceof ValidationError) {
      const first = error.problems
        .filter((p) => p.severity === 'error')
        .slice(0, 3)
        .map((p) => `${p.file ?? ''}${p.line ? `:${p.line}:${p.column}` : ''} ${p.message}`);
      throw new UserError(`${label}: the report at that revision does not load: ${first.join('; ')}`);
    }
    if (error instanceof UserError) throw new UserError(`${label}: ${error.message}`);
    throw error;
  }
}
