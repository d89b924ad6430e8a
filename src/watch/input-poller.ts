import { lstat } from 'node:fs/promises';

/**
 * Keeps an eye on the files a failed build blamed, by polling their identity (inode, type,
 * size, time). File events alone are not enough there: a FIFO or other special file swapped
 * back for a regular one within a few milliseconds can pass without an event, and the user,
 * who is fixing exactly that file, would then wait for a rebuild that never comes.
 */
export class InputPoller {
  private timer: NodeJS.Timeout | undefined;
  private seen = new Map<string, string>();
  /** A poll still reading when the next is due is not overlapped: both would see the old identity and report one change twice. */
  private polling = false;

  constructor(
    private readonly onChange: (file: string) => void,
    private readonly everyMs = 500,
  ) {}

  /** Watches these files from now on (none: stops). */
  async watch(files: readonly string[]): Promise<void> {
    this.stop();
    if (files.length === 0) return;
    this.seen = new Map(await Promise.all(files.map(async (f) => [f, await identity(f)] as const)));
    this.timer = setInterval(() => void this.poll(), this.everyMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async poll(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      for (const [file, before] of this.seen) {
        const now = await identity(file);
        if (now === before || this.timer === undefined) continue;
        this.seen.set(file, now);
        this.onChange(file);
      }
    } finally {
      this.polling = false;
    }
  }
}

/** What tells one state of a file from another: kind, inode, size and time. */
export async function identity(file: string): Promise<string> {
  const info = await lstat(file).catch(() => undefined);
  if (!info) return 'missing';
  const kind = info.isFile() ? 'file' : info.isDirectory() ? 'dir' : info.isSymbolicLink() ? 'link' : 'special';
  return `${kind} ${info.ino} ${info.size} ${info.mtimeMs}`;
}
