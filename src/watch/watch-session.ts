import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { BuildContext } from '../build-context.js';
import { UserError, ValidationError } from '../errors.js';
import { contentKey } from './content-key.js';
import { InputPoller } from './input-poller.js';
import { LateFolders } from './late-folders.js';
import { inToolFolder, isSource, watchRoots } from './watched-files.js';
import { buildReport } from '../build-report.js';
import type { BuildReportOptions, BuildReportResult } from '../build-report.js';
import type { BrowserSession } from '../print/browser-session.js';
import { isInside } from '../load/real-path.js';
import { inputRequest } from '../resolve-build.js';

export interface WatchOptions extends Omit<BuildReportOptions, 'context' | 'write'> {
  /** Quiet time after the last change before rebuilding, so a burst of saves is one build. @default 120 */
  readonly debounceMs?: number;
}

export interface WatchBuild {
  /**
   * This build's number: 1 for the first, then one more for each build started, including a
   * failed build left unreported because a newer save was already waiting. A gap between two
   * reports is such a build; a test waits for a build by its number instead of by the clock.
   */
  readonly build: number;
  /** Files whose change started this build; empty for the first. */
  readonly changed: readonly string[];
  readonly ms: number;
  readonly result?: BuildReportResult;
  readonly error?: unknown;
  /** Charts drawn and profiles validated by this build (the rest came from caches). */
  readonly redone: { readonly charts: number; readonly profiles: number };
  /** When the first change of this build was seen (ms since the epoch); absent for the first build. */
  readonly changedAt?: number;
  /**
   * Milliseconds per stage (load, templates, derive, charts, html, pdf, preflight, write), `wait`
   * from the first change to the build's start, and `preview` from the start to the HTML handed
   * to onHtml: where the time between a save and the page goes.
   */
  readonly timings: Readonly<Record<string, number>>;
}

export interface WatchHooks {
  readonly onBuild: (build: WatchBuild) => void;
  readonly onNotice?: (message: string) => void;
  /** A Chromium session already started (the CLI launches it first thing). */
  readonly browser?: BrowserSession;
  /**
   * The HTML of each good build as soon as it is rendered, before the PDF is printed (for a
   * live preview); printing waits for the promise it may return.
   */
  readonly onHtml?: (html: string) => void | Promise<void>;
}

/**
 * Builds, then rebuilds on every change to the report spec, the profiles, the templates and the
 * CSS. It watches folders, not files, so editors that save by writing a temporary file and
 * renaming it keep working. A burst of saves gives one build; there is never more than one build
 * at a time, and changes made during a build are coalesced into one more. Chromium, the chart
 * canvases and every cache stay warm between builds. A build that fails (an invalid edit)
 * writes nothing, so the last good outputs stay.
 */
export class WatchSession {
  private readonly context: BuildContext;
  private watcher: FSWatcher | undefined;
  private timer: NodeJS.Timeout | undefined;
  private building: Promise<void> | undefined;
  private readonly changed = new Set<string>();
  private changedAt: number | undefined;
  private closed = false;
  private outDir: string | undefined;
  private noticesOn = false;
  /** When the first build was put off for a file caught empty (being written). */
  private waitingSince: number | undefined;
  /** Builds started so far (see WatchBuild.build). */
  private builds = 0;
  /** Whether the last build's failure went unreported, as a newer save was already waiting. */
  private superseded = false;
  /** Every file the last good build read (see BuildReportResult.inputFiles). */
  private inputFiles = new Set<string>();
  /** What each changed file held when a good build last read it (see content-key.ts). */
  private readonly built = new Map<string, string>();
  /** After a failed build, the files it blamed are polled too (see input-poller.ts). */
  private readonly poller = new InputPoller((file) => this.mark(file, true));
  private readonly late = new LateFolders(
    (file) => this.wanted(file),
    (file) => this.mark(file, true),
  );

  constructor(
    private readonly options: WatchOptions,
    private readonly hooks: WatchHooks,
  ) {
    this.context = new BuildContext({}, hooks.browser);
  }

  /** Starts watching, then builds; by the time the first build is reported, edits are seen. */
  async start(): Promise<void> {
    const { watch } = await import('chokidar');
    this.watcher = watch(this.roots(), {
      ignoreInitial: true,
      ignored: (file) => this.ignored(file),
      atomic: true,
    });
    this.watcher.on('all', (_event, file) => {
      if (this.wanted(file)) this.mark(file, true);
    });
    await new Promise<void>((resolve) => this.watcher?.once('ready', resolve));
    await this.build();
  }

  /** Stops watching, waits for a running build, closes Chromium. Safe to call twice. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.poller.stop();
    this.late.stop();
    await this.watcher?.close();
    await this.building?.catch(() => undefined);
    await this.context.close();
  }

  /** Sources, and any file the last build read: a portrait is an input too, whatever its name. */
  private wanted(file: string): boolean {
    return isSource(file) || this.inputFiles.has(path.resolve(file));
  }

  /** A file to build again, from when it was first seen changed; `schedule`: after the quiet time. */
  private mark(file: string, schedule: boolean): void {
    this.changed.add(file);
    this.changedAt ??= Date.now();
    if (schedule) this.schedule();
  }

  private schedule(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.build(), this.options.debounceMs ?? 120);
  }

  private async build(): Promise<void> {
    // One build at a time: a change during a build waits for it, then runs once.
    if (this.building) {
      await this.building;
      if (this.changed.size > 0) this.schedule();
      return;
    }
    this.building = this.run();
    await this.building;
    this.building = undefined;
    if (this.changed.size > 0) this.schedule();
  }

  private async run(): Promise<void> {
    // A file caught mid-save stays in `changed`, so build() schedules this again.
    if (await this.midWrite()) return;
    const pending = [...this.changed].sort();
    const changedAt = this.changedAt;
    this.changed.clear();
    // The file watcher coalesces a file's events for a moment after the first, so a save that
    // lands in two writes may leave no event for the second: what the build read is compared
    // with the files as they are once it is done, and a difference builds again.
    const contents = await Promise.all(pending.map((f) => contentKey(f)));
    // On a busy machine the watcher can report a save after the build that read it has begun:
    // a file that holds what the last build read has nothing new to show, and is no reason to build.
    const fresh = pending.flatMap((file, i) => (this.built.get(file) === contents[i] ? [] : [i]));
    if (pending.length > 0 && fresh.length === 0) {
      this.changedAt = undefined;
      return;
    }
    const changed = fresh.map((i) => pending[i]!);
    const read = fresh.map((i) => contents[i]!);
    fresh.forEach((i) => this.built.set(pending[i]!, contents[i]!));
    const build = ++this.builds;
    // This build reads the blamed files anew; the poller watches again only if it fails.
    this.poller.stop();
    this.changedAt = undefined;
    const before = this.context.work();
    const started = performance.now();
    // File times come from a coarse clock, some ms behind this one: with 10 ms of slack, a save
    // made after this moment is never taken for one made before it.
    const startedAt = Date.now() - 10;
    const timings: Record<string, number> = changedAt === undefined ? {} : { wait: Date.now() - changedAt };
    const times = changedAt === undefined ? { timings } : { changedAt, timings };
    try {
      const onStage = (stage: string, ms: number): void => {
        timings[stage] = Math.round(ms);
        this.loaded(stage);
      };
      const show = this.hooks.onHtml;
      const onHtml = (html: string): void | Promise<void> => {
        timings['preview'] = Math.round(performance.now() - started);
        return show?.(html);
      };
      // One build: the page goes to the preview as soon as it is rendered and checked, while
      // Chromium prints the PDF from that same HTML.
      const result = await buildReport({
        ...this.options,
        write: true,
        context: this.context,
        onStage,
        ...(show ? { onHtml } : {}),
      });
      this.outDir = result.options.outDir;
      this.inputFiles = new Set(result.inputFiles);
      // Profiles may live outside the spec's folder, and the spec may name a template folder.
      const extra = [
        ...result.inputFiles.map((f) => path.dirname(f)),
        ...(result.options.templatesDir ? [result.options.templatesDir] : []),
      ];
      const roots = this.roots();
      this.late.add(
        this.watcher,
        extra.filter((dir) => !roots.some((root) => isInside(root, dir))),
        startedAt,
      );
      this.superseded = false;
      await this.recheck(changed, read);
      this.report({ build, changed, ms: performance.now() - started, result, redone: this.redone(before), ...times });
    } catch (error) {
      // Saving a file again, unchanged, is how a user asks a failed build to be tried again.
      for (const file of changed) this.built.delete(file);
      await this.recheck(changed, read);
      // An input saved again during this build (an editor that empties a file, then writes
      // it) is built next: its half-saved state is not worth a report. Never twice running,
      // so a stream of saves cannot hide a failure for good.
      const supersede =
        this.changed.size > 0 && !this.superseded && (error instanceof ValidationError || error instanceof UserError);
      this.superseded = supersede;
      if (error instanceof ValidationError) {
        const { cwd } = inputRequest(this.options);
        await this.poller.watch([
          ...new Set(
            error.problems.flatMap((p) => (p.severity === 'error' && p.file ? [path.resolve(cwd, p.file)] : [])),
          ),
        ]);
      }
      if (!supersede)
        this.report({ build, changed, ms: performance.now() - started, error, redone: this.redone(before), ...times });
    }
  }

  /** Files that changed again while a build read them are built again. */
  private async recheck(files: readonly string[], read: readonly string[]): Promise<void> {
    const now = await Promise.all(files.map((f) => contentKey(f)));
    files.forEach((file, i) => {
      if (now[i] !== read[i]) this.mark(file, false);
    });
  }

  /**
   * Editors that save in place empty the file, then write it; a busy machine can show the empty
   * file to a build. A changed file that is empty and was touched in the last moment is waited
   * for, up to a second in all; a file that stays empty is then built (and reported) as it is.
   */
  private async midWrite(): Promise<boolean> {
    const now = Date.now();
    const empty = await Promise.all(
      [...this.changed].map(async (file) => {
        const info = await stat(file).catch(() => undefined);
        return info !== undefined && info.isFile() && info.size === 0 && now - info.mtimeMs < 1000;
      }),
    );
    if (!empty.some(Boolean)) {
      this.waitingSince = undefined;
      return false;
    }
    this.waitingSince ??= now;
    if (now - this.waitingSince < 1000) return true;
    this.waitingSince = undefined;
    return false;
  }

  /** Chromium's notes wait for inputs that load: before an input error they are noise. */
  private loaded(stage: string): void {
    if (stage !== 'load' || this.noticesOn || !this.hooks.onNotice) return;
    this.noticesOn = true;
    this.context.browser.onNotice(this.hooks.onNotice);
  }

  private report(build: WatchBuild): void {
    if (!this.closed) this.hooks.onBuild(build);
  }

  private redone(before: { charts: number; profiles: number }): WatchBuild['redone'] {
    const after = this.context.work();
    return { charts: after.charts - before.charts, profiles: after.profiles - before.profiles };
  }

  private roots(): string[] {
    return watchRoots(this.options);
  }

  private ignored(file: string): boolean {
    if (inToolFolder(file)) return true;
    return this.outDir !== undefined && isInside(this.outDir, file);
  }
}
