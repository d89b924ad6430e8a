import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildContext } from '../../src/build-context.js';
import { buildReport } from '../../src/build-report.js';
import { goldenHtml } from '../helpers/golden-html.js';
import { repoRoot } from '../helpers/paths.js';

// Golden HTML of reports in other languages. After an intended change, run
//   npm run test:update-golden
// and read the diff of tests/golden/ before committing it.
describe('golden files in other languages', () => {
  // One context (fonts, chart canvas) for both; HTML only, so Chromium is never started.
  const context = new BuildContext();
  afterAll(() => context.close());

  it('the Chinese edition of the sample', async () => {
    const result = await buildReport({ cwd: repoRoot, spec: 'data/report.zh-CN.yaml', formats: ['html'], context });
    await expect(goldenHtml(result.html)).toMatchFileSnapshot('./sample-report.zh-CN.html');
  });

  it('an Arabic report: right to left, with Arabic, Latin and Japanese names', async () => {
    const result = await buildReport({
      cwd: repoRoot,
      spec: path.join('tests', 'fixtures', 'i18n', 'report.ar.yaml'),
      formats: ['html'],
      context,
    });
    await expect(goldenHtml(result.html)).toMatchFileSnapshot('./report.ar.html');
  });
});
