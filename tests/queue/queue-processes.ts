import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { afterAll } from 'vitest';
import { cliPath } from '../helpers/paths.js';

const started = new Set<CliProcess>();

// Whatever a failed test left running is stopped (SIGKILL: nothing to finish).
afterAll(async () => {
  await Promise.all([...started].map((p) => p.stop('SIGKILL')));
});

/**
 * A long-running CLI process (a worker, a `queue wait`) whose stderr can be awaited line by
 * line: the tests act when a worker says it is building, as an operator watching it would.
 */
export class CliProcess {
  readonly child: ChildProcessWithoutNullStreams;
  stderr = '';
  stdout = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, ...env } });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.child.stdout.on('data', (d: Buffer) => (this.stdout += d.toString()));
    this.exited = new Promise((resolve) => this.child.on('close', (code, signal) => resolve({ code, signal })));
    started.add(this);
    void this.exited.then(() => started.delete(this));
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Lines of stderr matching `pattern`. */
  lines(pattern: RegExp): string[] {
    return this.stderr.split('\n').filter((line) => pattern.test(line));
  }

  /** Waits until stderr has `count` lines matching `pattern`. */
  async waitFor(pattern: RegExp, ms = 60_000, count = 1): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.lines(pattern).length < count) {
      if (Date.now() > deadline) throw new Error(`no ${count} × ${pattern} within ${ms} ms; stderr:\n${this.stderr}`);
      if (this.child.exitCode !== null)
        throw new Error(`exited (${this.child.exitCode}) before ${pattern}; stderr:\n${this.stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Reports this worker is building right now (started and not yet built or failed). */
  building(): number {
    return this.lines(/^building /).length - this.lines(/^(built|failed) /).length;
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }
}
