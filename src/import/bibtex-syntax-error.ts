import { firstLine } from '../errors.js';
import type { Problem } from '../errors.js';

/** The line-aligned block of one entry: from its `@` line to the line before the next `@`. */
export interface Chunk {
  readonly start: number;
  readonly end: number;
  readonly key: string | undefined;
}

function chunks(text: string): Chunk[] {
  const starts = [...text.matchAll(/^[ \t]*@/gm)].map((m) => m.index);
  return starts.map((start, i) => {
    const end = starts[i + 1] ?? text.length;
    const key = /@\s*[A-Za-z]+\s*[{(]\s*([^,\s{}()]+)/.exec(text.slice(start, end))?.[1];
    return { start, end, key };
  });
}

/**
 * citation-js reports "invalid syntax at line L col C". The fault is usually an unclosed brace
 * in the entry before the one where the parser noticed, when the error sits on an `@` line.
 */
export function syntaxError(file: string, text: string, error: unknown): { problem: Problem; chunk?: Chunk } {
  const message = (error as Error).message ?? String(error);
  const m = /line (\d+) col (\d+)/.exec(message);
  const line = m ? Number(m[1]) : 0;
  const column = m ? Number(m[2]) : 0;
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((n) => n.index + 1)];
  const offset = line > 0 ? (lineStarts[line - 1] ?? 0) + column - 1 : text.length;
  const all = chunks(text);
  let index = all.findIndex((c) => offset >= c.start && offset < c.end);
  if (index < 0) index = all.length - 1;
  // An unclosed brace swallows the entries after it; the first entry whose braces do not balance is the culprit.
  const unbalanced = all.find((c) => !balanced(text.slice(c.start, c.end)));
  const onAtLine = !unbalanced && index > 0 && /^[ \t]*@/.test(text.slice(offset - column + 1, offset + 1));
  const chunk = unbalanced ?? all[onAtLine ? index - 1 : index];
  const entry = chunk?.key ? `entry \`${chunk.key}\`` : 'the file';
  const hint = unbalanced || onAtLine ? ` (is a brace or quote left open in ${entry}?)` : '';
  const problem: Problem = {
    file,
    line,
    column,
    path: chunk?.key ?? '',
    message: `BibTeX syntax error in ${entry}: ${parserWords(message)}${hint}`,
    severity: 'error',
  };
  return chunk ? { problem, chunk } : { problem };
}

function parserWords(message: string): string {
  return firstLine(message)
    .replace(/:$/, '')
    .replace(/ at line \d+ col \d+/, '');
}

function balanced(entry: string): boolean {
  let depth = 0;
  for (const m of entry.replace(/\\[{}]/g, '').matchAll(/[{}]/g)) depth += m[0] === '{' ? 1 : -1;
  return depth === 0;
}

/** Replaces an entry by spaces, keeping its line breaks, so later line numbers stay true. */
export function blankOut(text: string, chunk: Chunk): string {
  return text.slice(0, chunk.start) + text.slice(chunk.start, chunk.end).replace(/[^\n]/g, ' ') + text.slice(chunk.end);
}
