import path from 'node:path';
import type { BuildContext } from '../../src/build-context.js';
import { buildReport } from '../../src/build-report.js';
import type { BuildReportResult } from '../../src/build-report.js';
import { repoRoot } from './paths.js';

/** The sample, built in memory as HTML only (no Chromium), from the repository's data/. */
export function buildSampleHtml(
  extra: { profiles?: string[]; context?: BuildContext } = {},
): Promise<BuildReportResult> {
  return buildReport({
    cwd: repoRoot,
    formats: ['html'],
    today: '2026-11-23',
    ...(extra.profiles ? { profiles: extra.profiles.map((p) => path.join(repoRoot, p)) } : {}),
    ...(extra.context ? { context: extra.context } : {}),
  });
}
