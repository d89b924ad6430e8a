import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChartSpec } from '../derive/chart-spec.js';
import { chartFontFamily, sliceFamily, woffFile } from './font-library.js';
import type { FontLibrary } from './font-library.js';
import { regionOf } from './text-contexts.js';
import { woffToRenamedSfnt } from './woff-to-ttf.js';

/**
 * Registers with Cairo the font slices each chart's text needs, once per process, so charts
 * draw every script with the page's own fonts. Cairo reads WOFF but keeps only one file per
 * family and weight, so each slice is rewritten once under its own name into a cache folder
 * (a few milliseconds a slice; the sample's charts need three).
 */
export class ChartFonts {
  private readonly registered = new Set<string>();
  private readonly folder = path.join(tmpdir(), `profile-report-fonts-${process.getuid?.() ?? 'user'}`);

  constructor(private readonly library: FontLibrary) {}

  /** Registers what `spec` needs and returns the font stack to draw it with. */
  async prepare(spec: ChartSpec): Promise<string> {
    const text = strings(spec.config).join('\n');
    const region = /[\u3040-\u30ff\u31f0-\u31ff]/.test(text) ? 'jp' : /[\uac00-\ud7af\u1100-\u11ff]/.test(text) ? 'kr' : regionOf(spec.lang ?? 'en');
    const { registerFont } = await import('canvas');
    for (const { face, family } of this.library.chartFaces(text, region)) {
      const key = `${face.file}\u0000${family}`;
      if (this.registered.has(key)) continue;
      const file = await this.renamed(face.file.replace(/\.woff2$/, ''), woffFile(face), sliceFamily(face), face.weight);
      registerFont(file, { family, weight: face.weight, style: face.style });
      this.registered.add(key);
    }
    return chartFontFamily(region);
  }

  private async renamed(stem: string, woff: string, family: string, weight: string): Promise<string> {
    const target = path.join(this.folder, `${path.basename(stem)}.ttf`);
    try {
      if ((await stat(target)).size > 12) return target;
    } catch {
      // Not there yet: written below.
    }
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const data = woffToRenamedSfnt(await readFile(woff), family, Number(weight) >= 600 ? 'Bold' : 'Regular');
    const temp = `${target}.${process.pid}.tmp`;
    await writeFile(temp, data);
    await rename(temp, target);
    return target;
  }
}

/** Every string in a chart configuration: labels, titles, direct labels. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v));
  if (value && typeof value === 'object') return Object.values(value).flatMap((v) => strings(v));
  return [];
}
