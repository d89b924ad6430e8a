/**
 * Where the CLI writes. Commands take one of these instead of touching process.stdout, so tests
 * can run them in memory and `--quiet` / `--json` are one switch each.
 */
export interface Terminal {
  /** Machine output (`--json`, `schema`): stdout. */
  out(text: string): void;
  /** Human output (progress, problems): stderr. */
  err(text: string): void;
}

export const processTerminal: Terminal = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export function memoryTerminal(): Terminal & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

/** Today's date as YYYY-MM-DD in local time: the CLI's one read of the clock for dates. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
