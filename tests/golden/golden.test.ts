import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildContext } from '../../src/build-context.js';
import type { BuildReportResult } from '../../src/build-report.js';
import { chartsGolden } from '../helpers/chart-summary.js';
import { goldenHtml } from '../helpers/golden-html.js';
import { buildSampleHtml } from '../helpers/sample-build.js';

// Golden files for deterministic text. After an intended change, run
//   npm run test:update-golden
// and read the diff of tests/golden/ before committing it.
describe('golden files', () => {
  // One context (fonts, chart canvas) for the builds here, and the sample built once for its
  // page and its charts. HTML only: Chromium is never started.
  const context = new BuildContext();
  let sample: BuildReportResult;
  beforeAll(async () => {
    sample = await buildSampleHtml({ context });
  });
  afterAll(() => context.close());

  it('the sample report HTML', async () => {
    await expect(goldenHtml(sample.html)).toMatchFileSnapshot('./sample-report.html');
  });

  it('the sample chart configurations', async () => {
    await expect(chartsGolden(sample.charts)).toMatchFileSnapshot('./sample-charts.json');
  });

  it('the chart configurations of a three-person report', async () => {
    const result = await buildSampleHtml({
      context,
      profiles: [
        'data/profiles/zeng-yan.yaml',
        'data/profiles/luo-fuli.yaml',
        'tests/fixtures/people/aiko-tanabe.yaml',
      ],
    });
    await expect(chartsGolden(result.charts)).toMatchFileSnapshot('./three-people-charts.json');
  });
});
