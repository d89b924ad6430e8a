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

  /** The next JSON line, as soon as it is written; a failure after `ms` or when the process ends first. */
  async next<T = Record<string, unknown>>(ms = 30_000): Promise<T> {
    if (this.lines.length === 0) {
      let timer: NodeJS.Timeout | undefined;
      const arrived = new Promise<void>((resolve) => (this.waiter = resolve));
      const failed = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no output within ${ms} ms; stderr:\n${this.stderr}`)), ms);
        void this.exited.then(({ code, signal }) =>
          reject(new Error(`the process ended (${signal ?? code}) before writing a line; stderr:\n${this.stderr}`)),
        );
      });
      try {
        await Promise.race([arrived, failed]);
      } finally {
        clearTimeout(timer);
        this.waiter = undefined;
      }
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
