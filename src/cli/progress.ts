import path from 'node:path';
import { formatBytes } from '../limits.js';
import type { WrittenArtifact } from '../write/write-artifacts.js';
import type { Terminal } from './terminal.js';

/** Human progress on stderr: each step with its time; silent under --quiet or --json. */
export interface Progress {
  step(name: string, ms: number, detail?: string): void;
  note(message: string): void;
  written(artifacts: readonly WrittenArtifact[], totalMs: number): void;
}

export function humanProgress(term: Terminal, cwd: string, label?: string): Progress {
  const prefix = label ? `[${label}] ` : '';
  return {
    step: (name, ms, detail) =>
      term.err(`${prefix}  ${name.padEnd(10)}${formatMs(ms).padStart(8)}${detail ? `  ${detail}` : ''}`),
    note: (message) => term.err(`${prefix}note: ${message}`),
    written: (artifacts, totalMs) => {
      const list = artifacts.map((a) => `${path.relative(cwd, a.path) || a.path} (${formatBytes(a.size)})`).join(', ');
      term.err(`${prefix}wrote ${list} in ${formatMs(totalMs)}`);
    },
  };
}

export const silentProgress: Progress = { step: () => undefined, note: () => undefined, written: () => undefined };

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}
