import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverOutputs, writeArtifacts } from '../../src/write/write-artifacts.js';
import type { WriteIo } from '../../src/write/write-artifacts.js';
import { repoRoot } from '../helpers/paths.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/**
 * A writer replacing report.html and report.pdf is killed outright (SIGKILL: no handler, no
 * cleanup) before each of its steps in turn, by tests/helpers/write-until-killed.mjs running
 * the compiled write module. After the next run has started (and done its recovery), the pair
 * must be all old or all new, by content, and nothing of the killed writer may be left.
 */
interface Step {
  readonly step: number;
  readonly op: string;
  readonly files: readonly string[];
}

interface WriterRun {
  readonly steps: Step[];
  readonly signal: NodeJS.Signals | null;
  readonly outcome: 'done' | 'failed' | 'killed';
}

const writer = path.join(repoRoot, 'tests', 'helpers', 'write-until-killed.mjs');

function runWriter(folder: string, killAt: number, text: string, failRenameOf?: string): Promise<WriterRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      writer,
      folder,
      String(killAt),
      text,
      ...(failRenameOf ? [failRenameOf] : []),
    ]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (_, signal) => {
      const lines = stdout
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      if (stderr) reject(new Error(stderr));
      const outcome = lines.some((l) => l['done']) ? 'done' : lines.some((l) => l['failed']) ? 'failed' : 'killed';
      resolve({ steps: lines.filter((l) => typeof l['step'] === 'number') as unknown as Step[], signal, outcome });
    });
  });
}

type Pair = 'old' | 'new' | 'none' | 'mixed';

async function pairIn(folder: string): Promise<Pair> {
  const read = (name: string): Promise<string | undefined> =>
    fs.readFile(path.join(folder, name), 'utf8').catch(() => undefined);
  const [html, pdf] = await Promise.all([read('report.html'), read('report.pdf')]);
  if (html === undefined && pdf === undefined) return 'none';
  if (html === 'html old' && pdf === 'pdf old') return 'old';
  if (html === 'html new' && pdf === 'pdf new') return 'new';
  return 'mixed';
}

async function folderWithOldPair(): Promise<string> {
  const folder = path.join(await tempProject({ withSample: false }), 'out');
  await fs.mkdir(folder);
  await fs.writeFile(path.join(folder, 'report.html'), 'html old');
  await fs.writeFile(path.join(folder, 'report.pdf'), 'pdf old');
  return folder;
}

const outputs = (folder: string): string[] => [path.join(folder, 'report.html'), path.join(folder, 'report.pdf')];

/** The step that puts the journal in place: the moment the replacement is decided. */
const commitStep = (steps: readonly Step[]): number =>
  steps.find((s) => s.op === 'rename' && s.files[1]!.endsWith('.journal'))!.step;

describe('a writer killed at any step leaves a pair that the next run makes all old or all new', () => {
  it('replacing a previous pair: old before the journal is in place, new after, whatever the step', async () => {
    const learn = await runWriter(await folderWithOldPair(), 0, 'new');
    expect(learn.outcome).toBe('done');
    const steps = learn.steps;
    const commit = commitStep(steps);
    const secondRename = steps.find((s) => s.op === 'rename' && s.files[1] === 'report.pdf')!.step;
    expect(steps.length).toBeGreaterThan(15);
    for (const { step } of steps) {
      const folder = await folderWithOldPair();
      const run = await runWriter(folder, step, 'new');
      expect(run.signal, `step ${step}`).toBe('SIGKILL');
      // The very case that was lost for good: the HTML replaced, the PDF not yet.
      if (step === secondRename) expect(await pairIn(folder)).toBe('mixed');
      await recoverOutputs(outputs(folder));
      expect(
        await pairIn(folder),
        `killed before step ${step} (${steps[step - 1]!.op} ${steps[step - 1]!.files.join(' → ')})`,
      ).toBe(step <= commit ? 'old' : 'new');
      expect(await listFiles(folder)).toEqual(['report.html', 'report.pdf']);
    }
  }, 180_000);

  it('a first write: no outputs, or both new ones', async () => {
    const empty = async (): Promise<string> => path.join(await tempProject({ withSample: false }), 'out');
    const learn = await runWriter(await empty(), 0, 'new');
    expect(learn.outcome).toBe('done');
    const commit = commitStep(learn.steps);
    for (const { step } of learn.steps) {
      const folder = await empty();
      expect((await runWriter(folder, step, 'new')).signal).toBe('SIGKILL');
      await recoverOutputs(outputs(folder));
      expect(await pairIn(folder), `killed before step ${step}`).toBe(step <= commit ? 'none' : 'new');
      expect(await listFiles(path.dirname(folder))).toEqual(
        step <= commit ? [] : ['out/report.html', 'out/report.pdf'],
      );
    }
  }, 180_000);

  it('killed while undoing a failed rename: the undo is finished, the pair old', async () => {
    const learn = await runWriter(await folderWithOldPair(), 0, 'new', 'report.pdf');
    expect(learn.outcome).toBe('failed');
    const commit = commitStep(learn.steps);
    const undo = learn.steps.find((s) => s.op === 'rename' && s.files[1]!.endsWith('.undo'))!.step;
    for (const { step } of learn.steps) {
      const folder = await folderWithOldPair();
      expect((await runWriter(folder, step, 'new', 'report.pdf')).signal).toBe('SIGKILL');
      await recoverOutputs(outputs(folder));
      // Until the journal is turned into an undo journal, the replacement stands: the next run finishes it.
      const expected = step <= commit ? 'old' : step <= undo ? 'new' : 'old';
      expect(
        await pairIn(folder),
        `killed before step ${step} (${learn.steps[step - 1]!.op} ${learn.steps[step - 1]!.files.join(' → ')})`,
      ).toBe(expected);
      expect(await listFiles(folder)).toEqual(['report.html', 'report.pdf']);
    }
  }, 180_000);

  it('the next build finishes the pair first, even when its own write then fails', async () => {
    const learn = await runWriter(await folderWithOldPair(), 0, 'new');
    const secondRename = learn.steps.find((s) => s.op === 'rename' && s.files[1] === 'report.pdf')!.step;
    const folder = await folderWithOldPair();
    await runWriter(folder, secondRename, 'new');
    expect(await pairIn(folder)).toBe('mixed');
    const diskFull: WriteIo = {
      ...fs,
      open: (async (file: string, flags: string, mode?: number) => {
        if (/\.report\.html\.\d+\.[0-9a-f]{8}\.tmp$/.test(file))
          throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        return fs.open(file, flags, mode);
      }) as WriteIo['open'],
    };
    await expect(
      writeArtifacts(
        [
          { path: outputs(folder)[0]!, bytes: Buffer.from('html third') },
          { path: outputs(folder)[1]!, bytes: Buffer.from('pdf third') },
        ],
        { io: diskFull },
      ),
    ).rejects.toThrow('no space left on the device; the previous outputs are unchanged');
    expect(await pairIn(folder)).toBe('new');
    expect(await listFiles(folder)).toEqual(['report.html', 'report.pdf']);
  });
});
