import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { BuildContext } from '../../src/build-context.js';
import { buildReport } from '../../src/build-report.js';
import { ValidationError, formatProblem } from '../../src/errors.js';
import type { GalleryReport } from './gallery-reports.js';
import { writeWorldProject } from './world-people.js';

export interface GalleryBuild {
  readonly report: GalleryReport;
  readonly html: string;
  readonly pdf: Uint8Array;
  readonly pdfPath: string;
  readonly htmlPath: string;
  /** Every warning, as the CLI prints it ("file:line:col  path  warning: ..." or "warning: ..."). */
  readonly warnings: readonly string[];
  /** The build's own error, when it failed. */
  readonly error?: string;
  readonly ms: number;
}

/**
 * Builds every gallery report in this process, one after another, with one BuildContext: one
 * Chromium, one chart canvas and one font library for all, as a batch build does. Each report
 * gets its own project folder under `root`/projects and writes to `root`.
 */
export async function buildGallery(
  root: string,
  reports: readonly GalleryReport[],
  onBuilt?: (build: GalleryBuild) => void,
): Promise<GalleryBuild[]> {
  const context = new BuildContext();
  const builds: GalleryBuild[] = [];
  try {
    for (const report of reports) {
      const dir = path.join(root, 'projects', report.name);
      await mkdir(dir, { recursive: true });
      const spec = await writeWorldProject(dir, report.people, { ...report.options, name: report.name });
      const started = performance.now();
      const pdfPath = path.join(root, `${report.name}.pdf`);
      const htmlPath = path.join(root, `${report.name}.html`);
      let build: GalleryBuild;
      try {
        // A generous deadline: these are the heaviest reports there are, and machines are shared.
        const result = await buildReport({
          cwd: dir,
          spec: path.relative(dir, spec),
          outDir: path.relative(dir, root),
          write: true,
          context,
          timeoutMs: 300_000,
        });
        const warnings = result.warnings.map(formatProblem);
        build = {
          report,
          html: result.html,
          pdf: result.pdf!,
          pdfPath,
          htmlPath,
          warnings,
          ms: performance.now() - started,
        };
      } catch (error) {
        build = {
          report,
          html: '',
          pdf: new Uint8Array(),
          pdfPath,
          htmlPath,
          warnings: [],
          error:
            error instanceof ValidationError
              ? error.problems.map(formatProblem).join('\n')
              : error instanceof Error
                ? error.message
                : String(error),
          ms: performance.now() - started,
        };
      }
      builds.push(build);
      onBuilt?.(build);
    }
  } finally {
    await context.close();
  }
  return builds;
}
