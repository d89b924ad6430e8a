import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { inToolFolder } from './watched-files.js';

/** When a folder added late is looked at again, in ms after it was added. */
const lookAgainMs = [250, 1000, 3000];

/** Files looked at in one folder, at most: a report's template or profile folder holds a few. */
const maxFiles = 2000;

/**
 * Folders the file watcher is told about after it started: a template folder a spec has just
 * named, profiles kept in another folder. The watcher reads such a folder before it watches it
 * and gives no signal when it is done, so a save made in that moment brings no event and would
 * never be built. Each new folder is therefore looked at a few times over the next seconds, and
 * a file in it modified after `since` (when the build that named the folder began) is reported
 * as an event would have been. A save that also brought an event is not built twice: the watch
 * drops a change that leaves the bytes the last build read.
 */
export class LateFolders {
  private readonly timers = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(
    private readonly wanted: (file: string) => boolean,
    private readonly onChange: (file: string) => void,
  ) {}

  /**
   * Watches `dirs` from now on, and looks at them again (see above). After every build, not only
   * the first that named them: a folder deleted and made again is watched anew, with the same
   * moment of blindness.
   */
  add(watcher: FSWatcher | undefined, dirs: readonly string[], since: number): void {
    const fresh = [...new Set(dirs)];
    if (!watcher || this.stopped || fresh.length === 0) return;
    watcher.add(fresh);
    const reported = new Map<string, number>();
    for (const ms of lookAgainMs) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        void this.lookAt(fresh, since, reported);
      }, ms);
      timer.unref();
      this.timers.add(timer);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async lookAt(dirs: readonly string[], since: number, reported: Map<string, number>): Promise<void> {
    for (const dir of dirs) {
      const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
      for (const name of names.slice(0, maxFiles)) {
        if (inToolFolder(name)) continue;
        const file = path.join(dir, name);
        if (!this.wanted(file)) continue;
        const info = await stat(file).catch(() => undefined);
        if (!info?.isFile() || info.mtimeMs <= since || reported.get(file) === info.mtimeMs) continue;
        reported.set(file, info.mtimeMs);
        if (!this.stopped) this.onChange(file);
      }
    }
  }
}
