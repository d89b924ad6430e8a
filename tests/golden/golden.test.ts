import { describe, expect, it } from 'vitest';
import { buildSampleHtml } from '../helpers/sample-build.js';
import { chartsGolden } from '../helpers/chart-summary.js';
import { goldenHtml } from '../helpers/golden-html.js';

// Golden files for deterministic text. After an intended change, run
//   npm run test:update-golden
// and read the diff of tests/golden/ before committing it.
describe('golden files', () => {
  it('the sample report HTML', async () => {
    const result = await buildSampleHtml();
    await expect(goldenHtml(result.html)).toMatchFileSnapshot('./sample-report.html');
  });

  it('the sample chart configurations', async () => {
    const result = await buildSampleHtml();
    await expect(chartsGolden(result.charts)).toMatchFileSnapshot('./sample-charts.json');
  });

  it('the chart configurations of a three-person report', async () => {
    const result = await buildSampleHtml({
      profiles: [
        'data/profiles/zeng-yan.yaml',
        'data/profiles/luo-fuli.yaml',
        'tests/fixtures/people/aiko-tanabe.yaml',
      ],
    });
    await expect(chartsGolden(result.charts)).toMatchFileSnapshot('./three-people-charts.json');
  });
});
