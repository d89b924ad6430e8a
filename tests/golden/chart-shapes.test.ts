import { describe, expect, it } from 'vitest';
import { deriveReport } from '../../src/derive/derive-report.js';
import { reportSchema } from '../../src/schema/report-schema.js';
import { chartsGolden } from '../helpers/chart-summary.js';
import { chartShapes } from '../helpers/chart-shapes.js';

// Golden chart configurations for the shapes that used to break charts. After an intended
// change, run `npm run test:update-golden` and read the diff of tests/golden/shapes/.
describe('golden chart configurations for hard shapes', () => {
  for (const [name, make] of Object.entries(chartShapes)) {
    it(name, async () => {
      const profiles = make();
      const spec = reportSchema.parse({
        title: name,
        author: 'tests',
        profiles: profiles.map((_, i) => `p${i}.yaml`),
        buildDate: '2026-11-23',
      });
      const { charts } = deriveReport(spec, profiles);
      await expect(chartsGolden(charts)).toMatchFileSnapshot(`./shapes/${name}-charts.json`);
    });
  }
});
