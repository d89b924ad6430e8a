import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.js';

export interface ReadmeBlock {
  /** What the test does with it: the word after `readme-test:` in the comment above the fence. */
  readonly kind: string;
  readonly note: string;
  readonly lang: string;
  readonly code: string;
  readonly line: number;
}

/**
 * Every fenced code block of the README, with the `<!-- readme-test: KIND (why) -->` comment
 * that must stand on the line above it and says how a test runs it.
 */
export function readmeBlocks(): ReadmeBlock[] {
  const lines = readFileSync(path.join(repoRoot, 'README.md'), 'utf8').split('\n');
  const blocks: ReadmeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const end = lines.indexOf('```', i + 1);
    const marker = /^<!-- readme-test: ([\w-]+)\s*(.*?)\s*-->$/.exec(lines[i - 1] ?? '');
    blocks.push({
      kind: marker?.[1] ?? 'unmarked',
      note: marker?.[2] ?? '',
      lang: open[1] ?? '',
      code: `${lines.slice(i + 1, end).join('\n')}\n`,
      line: i + 1,
    });
    i = end;
  }
  return blocks;
}

/** Lines of the README outside fences that an indented code block would start with. */
export function indentedCode(): number[] {
  const lines = readFileSync(path.join(repoRoot, 'README.md'), 'utf8').split('\n');
  const found: number[] = [];
  let fenced = false;
  lines.forEach((line, i) => {
    if (line.startsWith('```')) fenced = !fenced;
    else if (!fenced && /^ {4}\S/.test(line) && (lines[i - 1] ?? '').trim() === '') found.push(i + 1);
  });
  return found;
}
