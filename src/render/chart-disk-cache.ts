import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, readFile, rename, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { colourEmojiFiles } from './colour-emoji.js';
import type { TextBox } from './chart-text-bounds.js';

/** What a drawn chart leaves behind: its SVG, its warnings, the boxes of its texts. */
export interface StoredChart {
  readonly svg: string;
  readonly problems: readonly string[];
  readonly texts: readonly TextBox[];
}

/** Entries kept at most; the oldest used go first. The sample draws 15 charts of 5–60 KB. */
const maxEntries = 2000;
const maxBytes = 128 * 2 ** 20;

const entrySchema = z.strictObject({
  key: z.string().regex(/^[0-9a-f]{64}$/),
  /** sha256 of the chart's JSON: an entry cut short or edited does not match it. */
  sum: z.string().regex(/^[0-9a-f]{64}$/),
  chart: z.strictObject({
    svg: z.string().startsWith('<'),
    problems: z.array(z.string()),
    texts: z.array(
      z.strictObject({ text: z.string(), left: z.number(), top: z.number(), right: z.number(), bottom: z.number() }),
    ),
  }),
});

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Drawn charts kept on disk between runs, by content: a cold build of a report whose data did
 * not change takes its charts from here instead of loading Chart.js and Cairo and drawing them
 * (about 0.4 s of the sample's 2 s). The key is a hash of the chart's spec and of everything
 * that draws it (see rendererVersion), so a chart is never taken for another, nor from another
 * version of the renderer, its fonts or its libraries.
 *
 * An entry is read as hostile input: it must parse, match the schema, carry the key asked for
 * and a checksum of its own content; anything else is ignored (and removed), and the chart is
 * drawn. Entries are written to a temporary file and renamed, so a reader never sees half of
 * one and two builds writing the same chart both leave a whole file. The folder is used only
 * if it is a real folder owned by this user that nobody else may write. At most maxEntries
 * entries and maxBytes are kept; the least recently used go first.
 *
 * Folder: $PROFILE_REPORT_CHART_CACHE, else $XDG_CACHE_HOME/profile-report/charts, else
 * ~/.cache/profile-report/charts. PROFILE_REPORT_CHART_CACHE=off draws every chart.
 */
export class ChartDiskCache {
  private folder: Promise<string | undefined> | undefined;
  private version: Promise<string> | undefined;
  private puts = 0;

  /** @param bounds how much to keep (tests use small ones) */
  constructor(
    private readonly where: string,
    private readonly bounds = { entries: maxEntries, bytes: maxBytes },
  ) {}

  /** The cache the environment asks for, or undefined when it is switched off. */
  static fromEnvironment(env: NodeJS.ProcessEnv = process.env): ChartDiskCache | undefined {
    const asked = env['PROFILE_REPORT_CHART_CACHE'];
    if (asked === 'off') return undefined;
    if (asked) return new ChartDiskCache(path.resolve(asked));
    const base = env['XDG_CACHE_HOME'] || path.join(homedir(), '.cache');
    return new ChartDiskCache(path.join(base, 'profile-report', 'charts'));
  }

  /** The key of a chart: its spec (as the in-memory cache keys it) and the renderer's version. */
  async key(spec: unknown): Promise<string> {
    this.version ??= rendererVersion();
    return sha256(JSON.stringify([await this.version, spec]));
  }

  async get(key: string): Promise<StoredChart | undefined> {
    const folder = await this.trustedFolder();
    if (!folder) return undefined;
    const file = path.join(folder, `${key}.json`);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    const entry = parseEntry(text);
    if (!entry || entry.key !== key || entry.sum !== sha256(JSON.stringify(entry.chart))) {
      await unlink(file).catch(() => undefined);
      return undefined;
    }
    // Recently used: pruning keeps it.
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return entry.chart;
  }

  /** Stores a chart; a failure to write (a full disk, a read-only home) only means it is drawn next time. */
  async put(key: string, chart: StoredChart): Promise<void> {
    const folder = await this.trustedFolder();
    if (!folder) return;
    const copy = { svg: chart.svg, problems: [...chart.problems], texts: chart.texts.map((t) => ({ ...t })) };
    const text = JSON.stringify({ key, sum: sha256(JSON.stringify(copy)), chart: copy });
    const file = path.join(folder, `${key}.json`);
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, text, { mode: 0o600, flag: 'wx' });
      await rename(temp, file);
    } catch {
      await unlink(temp).catch(() => undefined);
      return;
    }
    // The first write of a process, then every 200th (a long watch session): cheap enough, a readdir.
    if (this.puts++ % 200 === 0) await prune(folder, this.bounds).catch(() => undefined);
  }

  private trustedFolder(): Promise<string | undefined> {
    this.folder ??= (async () => {
      await mkdir(this.where, { recursive: true, mode: 0o700 }).catch(() => undefined);
      const info = await lstat(this.where).catch(() => undefined);
      const uid = process.getuid?.();
      const trusted =
        info !== undefined &&
        info.isDirectory() &&
        (uid === undefined || info.uid === uid) &&
        (info.mode & 0o022) === 0;
      return trusted ? this.where : undefined;
    })();
    return this.folder;
  }
}

function parseEntry(text: string): z.infer<typeof entrySchema> | undefined {
  try {
    const parsed = entrySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Everything besides the spec that decides a chart's SVG: this package's version and its
 * dependencies' (Chart.js, node-canvas, the font packages), the compiled renderer itself (every
 * module of this folder, so a changed plugin or label fit never serves an old drawing), Node's
 * version, and the colour emoji font installed on the system.
 */
async function rendererVersion(): Promise<string> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256');
  const manifest = await findManifest(here);
  hash.update(manifest ?? 'no package.json');
  for (const name of (await readdir(here)).filter((n) => /\.[jt]s$/.test(n) && !n.endsWith('.d.ts')).sort()) {
    hash.update(`\u0000${name}\u0000`);
    hash.update(await readFile(path.join(here, name)));
  }
  hash.update(`\u0000${process.version}`);
  for (const font of colourEmojiFiles) {
    const info = await stat(font).catch(() => undefined);
    hash.update(`\u0000${font}\u0000${info ? `${info.size}:${info.mtimeMs}` : 'absent'}`);
  }
  return hash.digest('hex');
}

/** The package's own package.json, found upwards from the compiled (or source) folder. */
async function findManifest(from: string): Promise<string | undefined> {
  for (let dir = from, i = 0; i < 4; i++, dir = path.dirname(dir)) {
    const text = await readFile(path.join(dir, 'package.json'), 'utf8').catch(() => undefined);
    if (text?.includes('"name": "profile-report"')) return text;
  }
  return undefined;
}

/** `<key>.json.<pid>-<8 hex>.tmp`: an entry being written. */
const temporary = /\.json\.\d+-[0-9a-f]{8}\.tmp$/;

/** Keeps the folder within its bounds, the least recently used first out; removes old temporaries. */
async function prune(folder: string, bounds: { entries: number; bytes: number }): Promise<void> {
  const names = await readdir(folder);
  const entries = [];
  for (const name of names) {
    const info = await stat(path.join(folder, name)).catch(() => undefined);
    if (!info) continue;
    // A temporary left by a build that was killed mid-write, an hour old or more.
    if (temporary.test(name) && Date.now() - info.mtimeMs > 3_600_000) {
      await unlink(path.join(folder, name)).catch(() => undefined);
      continue;
    }
    if (/^[0-9a-f]{64}\.json$/.test(name)) entries.push({ name, size: info.size, used: info.mtimeMs });
  }
  let bytes = entries.reduce((sum, e) => sum + e.size, 0);
  let count = entries.length;
  if (count <= bounds.entries && bytes <= bounds.bytes) return;
  entries.sort((a, b) => a.used - b.used);
  // Down to three quarters, so the next builds do not prune again at once.
  for (const entry of entries) {
    if (count <= bounds.entries * 0.75 && bytes <= bounds.bytes * 0.75) break;
    await unlink(path.join(folder, entry.name)).catch(() => undefined);
    count -= 1;
    bytes -= entry.size;
  }
}
