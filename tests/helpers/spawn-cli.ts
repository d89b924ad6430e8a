import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { cliPath } from './paths.js';

/** A long-running CLI process (watch) whose JSON lines on stdout can be awaited one by one. */
export class LiveCli {
  readonly child: ChildProcessWithoutNullStreams;
  stderr = '';
  private readonly lines: unknown[] = [];
  private waiter: (() => void) | undefined;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
    this.child = spawn(process.execPath, [cliPath, ...args], { cwd, env: { ...process.env, ...env } });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      this.lines.push(JSON.parse(line));
      this.waiter?.();
    });
    this.child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => this.child.on('close', (code, signal) => resolve({ code, signal })));
  }

  /** The next JSON line, or a failure after `ms`. */
  async next<T = Record<string, unknown>>(ms = 30_000): Promise<T> {
    const deadline = Date.now() + ms;
    while (this.lines.length === 0) {
      if (Date.now() > deadline) throw new Error(`no output within ${ms} ms; stderr:\n${this.stderr}`);
      await new Promise<void>((resolve) => {
        this.waiter = resolve;
        setTimeout(resolve, 100);
      });
    }
    return this.lines.shift() as T;
  }

  /** Lines received and not yet taken. */
  pending(): number {
    return this.lines.length;
  }

  async stop(signal: NodeJS.Signals = 'SIGINT'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null) this.child.kill(signal);
    return this.exited;
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
