import path from 'node:path';
import { buildReport } from '../../src/build-report.js';
import type { BuildReportResult } from '../../src/build-report.js';
import { repoRoot } from './paths.js';

/** The sample, built in memory as HTML only (no Chromium), from the repository's data/. */
export function buildSampleHtml(extra: { profiles?: string[] } = {}): Promise<BuildReportResult> {
  return buildReport({
    cwd: repoRoot,
    formats: ['html'],
    today: '2026-11-23',
    ...(extra.profiles ? { profiles: extra.profiles.map((p) => path.join(repoRoot, p)) } : {}),
  });
}
