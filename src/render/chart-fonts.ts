import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChartSpec } from '../derive/chart-spec.js';
import { isAlive } from '../process-alive.js';
import { chartFontFamily, sliceFamily, woffFile } from './font-library.js';
import type { FontLibrary } from './font-library.js';
import { regionOf } from './text-contexts.js';
import { woffToRenamedSfnt } from './woff-to-ttf.js';

/**
 * Registers with Cairo the font slices each chart's text needs, once per process, so charts
 * draw every script with the page's own fonts. Cairo reads WOFF but keeps only one file per
 * family and weight, so each slice is rewritten once under its own name into a cache folder
 * (a few milliseconds a slice; the sample's charts need three).
 *
 * Charts of a batch are drawn concurrently, so each slice is prepared once per process behind a
 * shared promise. The cache folder lives in the shared temporary folder, where another user
 * could have made it first and planted fonts that draw other letters: it is used only if it is
 * a real folder, ours, that nobody else may write; otherwise this process uses a private one.
 * A cached file is named after the slice's path, size and time, so another version's is never
 * taken for it.
 */
export class ChartFonts {
  private readonly registered = new Map<string, Promise<void>>();
  private folder: Promise<string> | undefined;

  /**
   * @param base where the cache folder goes; the system's temporary folder by default.
   * @param write how a font file is written; replaceable so tests can fill the disk.
   */
  constructor(
    private readonly library: FontLibrary,
    private readonly base = tmpdir(),
    private readonly write: typeof writeFile = writeFile,
  ) {}

  /** Registers what `spec` needs and returns the font stack to draw it with. */
  async prepare(spec: ChartSpec): Promise<string> {
    const text = strings(spec.config).join('\n');
    const region = /[\u3040-\u30ff\u31f0-\u31ff]/.test(text) ? 'jp' : /[\uac00-\ud7af\u1100-\u11ff]/.test(text) ? 'kr' : regionOf(spec.lang ?? 'en');
    const { registerFont } = await import('canvas');
    const faces = this.library.chartFaces(text, region).map(({ face, family }) => {
      const key = `${face.file}\u0000${family}`;
      let done = this.registered.get(key);
      if (!done) {
        done = this.renamed(face.file.replace(/\.woff2$/, ''), woffFile(face), sliceFamily(face), face.weight).then((file) => {
          registerFont(file, { family, weight: face.weight, style: face.style });
        });
        // A failure is not cached: the next chart tries again.
        done.catch(() => this.registered.delete(key));
        this.registered.set(key, done);
      }
      return done;
    });
    // Every slice settles before a failure is reported: none is still writing when the chart gives up.
    const failed = (await Promise.allSettled(faces)).find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    return chartFontFamily(region);
  }

  private async renamed(stem: string, woff: string, family: string, weight: string): Promise<string> {
    const { size, mtimeMs } = await stat(woff);
    const version = createHash('sha256').update(`${woff}\u0000${size}\u0000${mtimeMs}\u0000${family}\u0000${weight}`).digest('hex').slice(0, 12);
    const target = path.join(await this.cacheFolder(), `${path.basename(stem)}-${version}.ttf`);
    try {
      if ((await stat(target)).size > 12) return target;
    } catch {
      // Not there yet: written below.
    }
    const data = woffToRenamedSfnt(await readFile(woff), family, Number(weight) >= 600 ? 'Bold' : 'Regular');
    // Another process may write the same file at the same time: each writes its own temporary.
    const temp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await this.write(temp, data, { mode: 0o600 });
      await rename(temp, target);
    } catch (error) {
      // A full disk leaves part of a file: it goes, so the shared folder holds no debris.
      await unlink(temp).catch(() => undefined);
      throw error;
    }
    return target;
  }

  private cacheFolder(): Promise<string> {
    this.folder ??= sharedOrPrivateFolder(this.base);
    return this.folder;
  }
}

/** The shared cache folder if it is safe to trust, else a folder of this process's own. */
async function sharedOrPrivateFolder(base: string): Promise<string> {
  const uid = process.getuid?.();
  const shared = path.join(base, `profile-report-fonts-${uid ?? 'user'}`);
  await mkdir(shared, { mode: 0o700 }).catch(() => undefined);
  const info = await lstat(shared).catch(() => undefined);
  const trusted = info !== undefined && info.isDirectory() && !info.isSymbolicLink() && (uid === undefined || info.uid === uid) && (info.mode & 0o022) === 0;
  if (trusted) {
    await removeStaleTemporaries(shared);
    return shared;
  }
  const own = await mkdtemp(path.join(base, 'profile-report-fonts-'));
  // Cairo may read a registered font until the last chart is drawn, so it goes at exit.
  process.once('exit', () => rmSync(own, { recursive: true, force: true }));
  return own;
}

/** `<font>.ttf.<pid>-<8 hex>.tmp`: a font being written by that process. */
const temporary = /\.ttf\.(\d+)-[0-9a-f]{8}\.tmp$/;

/** Removes fonts half-written by processes that are gone (killed, or out of disk before this cleaned up after itself). */
async function removeStaleTemporaries(folder: string): Promise<void> {
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const pid = Number(temporary.exec(name)?.[1] ?? Number.NaN);
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid)) await unlink(path.join(folder, name)).catch(() => undefined);
  }
}

/** Every string in a chart configuration: labels, titles, direct labels. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v));
  if (value && typeof value === 'object') return Object.values(value).flatMap((v) => strings(v));
  return [];
}
