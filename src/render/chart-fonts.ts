import { createHash, randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readdir, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChartSpec } from '../derive/chart-spec.js';
import { isAlive } from '../process-alive.js';
import { chartEmojiFamily, chartFontFamily, sliceFamily, woffFile } from './chart-font-names.js';
import type { FontLibrary } from './font-library.js';
import { regionOf } from './text-contexts.js';
import { renamedSfnt } from './woff-to-ttf.js';
import { hbSubset } from './colour-font-subset.js';
import { superscriptFaces, superscriptRange } from './superscript-faces.js';

const superscriptCodePoints = Array.from(
  { length: superscriptRange.to - superscriptRange.from + 1 },
  (_, i) => superscriptRange.from + i,
);

/** What one chart needs from Cairo: its font stack, and the faces to make current before drawing it. */
export interface PreparedFonts {
  readonly family: string;
  /**
   * Makes exactly this chart's faces, in the catalogue's order, the ones Cairo draws with.
   * Synchronous, so nothing can run between it and the drawing that follows.
   */
  activate(): void;
}

interface Registration {
  readonly file: string;
  readonly family: string;
  readonly weight: string;
  readonly style: string;
}

/** The registrations Cairo holds now, as a key: every chart process-wide shares one Cairo. */
let active = '';

/**
 * Prepares the font slices each chart's text needs for Cairo, so charts draw every script with
 * the page's own fonts. Cairo reads WOFF but keeps only one file per family and weight, so each
 * slice is rewritten once under its own name into a cache folder (a few milliseconds a slice;
 * the sample's charts need three).
 *
 * Before each chart is drawn, Cairo is given exactly that chart's faces, in the catalogue's
 * order (see activate). node-canvas hands Pango the registered families in the order they were
 * registered, and Pango takes each letter from the first family that has it; when charts of a
 * batch registered their slices as their files became ready, the same chart drew a letter from
 * one slice in one build and from another in the next, so the bytes differed. Each slice's
 * regular and bold files share one family name, so the letters of one label come from one
 * weight (the one nearest the label's), never half regular and half bold.
 *
 * Charts of a batch are drawn concurrently, so each slice is prepared once per process behind a
 * shared promise. The cache folder lives in the shared temporary folder, where another user
 * could have made it first and planted fonts that draw other letters: it is used only if it is
 * a real folder, ours, that nobody else may write; otherwise this process uses a private one.
 * A cached file is named after the slice's path, size and time, so another version's is never
 * taken for it.
 */
export class ChartFonts {
  private readonly prepared = new Map<string, Promise<string>>();
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

  /** Prepares what `spec` needs; the result's `activate` registers it right before drawing. */
  async prepare(spec: ChartSpec): Promise<PreparedFonts> {
    const text = strings(spec.config).join('\n');
    const region = /[\u3040-\u30ff\u31f0-\u31ff]/.test(text)
      ? 'jp'
      : /[\uac00-\ud7af\u1100-\u11ff]/.test(text)
        ? 'kr'
        : regionOf(spec.lang ?? 'en');
    const { deregisterAllFonts, registerFont } = await import('canvas');
    const faces = this.library.chartFaces(text, region);
    // Every slice settles before a failure is reported: none is still writing when the chart gives up.
    const settled = await Promise.allSettled(
      faces.map(({ face }) => this.file(woffFile(face), sliceFamily(face), face.weight)),
    );
    const failed = settled.find((r) => r.status === 'rejected');
    if (failed) throw failed.reason;
    const files = settled.map((r) => (r as PromiseFulfilledResult<string>).value);
    const registrations: Registration[] = faces.map(({ face, family }, i) => ({
      file: files[i]!,
      family,
      weight: face.weight,
      style: face.style,
    }));
    // The colour emoji font is renamed too: fontconfig treats a pattern naming "Noto Color
    // Emoji" as a request for emoji, prefers colour fonts in it above the families' order, and
    // every digit and space of the chart would then be drawn from the emoji font.
    const emoji = this.library.chartEmoji(text);
    if (emoji)
      registrations.push({
        file: await this.file(emoji, chartEmojiFamily, '400'),
        family: chartEmojiFamily,
        weight: '400',
        style: 'normal',
      });
    // Superscripts for exponents, in every chart: tick labels are written only as it is drawn.
    // Cut to that range, so the full font never draws a letter the slices draw.
    for (const face of superscriptFaces) {
      registrations.push({
        file: await this.file(face.file, 'PR source-sans-3-super', face.weight, superscriptCodePoints),
        family: 'Source Sans 3',
        weight: face.weight,
        style: 'normal',
      });
    }
    const key = JSON.stringify(registrations);
    return {
      family: chartFontFamily(region, emoji !== undefined),
      activate: () => {
        if (key === active) return;
        deregisterAllFonts();
        active = '';
        for (const r of registrations) registerFont(r.file, { family: r.family, weight: r.weight, style: r.style });
        active = key;
      },
    };
  }

  /** The font file renamed to `family`, in the cache folder, written once per process. */
  private file(source: string, family: string, weight: string, only?: readonly number[]): Promise<string> {
    const key = `${source}\u0000${family}`;
    let done = this.prepared.get(key);
    if (!done) {
      done = this.renamed(source.replace(/\.(?:woff|ttf|otf)$/, ''), source, family, weight, only);
      // A failure is not cached: the next chart tries again.
      done.catch(() => this.prepared.delete(key));
      this.prepared.set(key, done);
    }
    return done;
  }

  /** @param only the code points to keep (the rest of the font is left out) */
  private async renamed(
    stem: string,
    source: string,
    family: string,
    weight: string,
    only?: readonly number[],
  ): Promise<string> {
    const { size, mtimeMs } = await stat(source);
    const version = createHash('sha256')
      .update(`${source}\u0000${size}\u0000${mtimeMs}\u0000${family}\u0000${weight}\u0000${only?.join(',') ?? ''}`)
      .digest('hex')
      .slice(0, 12);
    const target = path.join(await this.cacheFolder(), `${path.basename(stem)}-${version}.ttf`);
    try {
      if ((await stat(target)).size > 12) return target;
    } catch {
      // Not there yet: written below.
    }
    const bytes = await readFile(source);
    const data = renamedSfnt(
      only ? hbSubset(bytes, only, [], false) : bytes,
      family,
      Number(weight) >= 600 ? 'Bold' : 'Regular',
    );
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
  const trusted =
    info !== undefined &&
    info.isDirectory() &&
    !info.isSymbolicLink() &&
    (uid === undefined || info.uid === uid) &&
    (info.mode & 0o022) === 0;
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
    if (Number.isInteger(pid) && pid !== process.pid && !isAlive(pid))
      await unlink(path.join(folder, name)).catch(() => undefined);
  }
}

/** Every string in a chart configuration: labels, titles, direct labels. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v));
  if (value && typeof value === 'object') return Object.values(value).flatMap((v) => strings(v));
  return [];
}
