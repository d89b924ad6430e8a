import { defineConfig } from 'vitest/config';

/*
 * The fast tier: the pure stages (schema, load, validate, derive, languages, editions' facts,
 * imports' parsing and planning, the HTML and CSS checks, the chart specs and the golden HTML),
 * which never start Chromium nor spawn the CLI, so they run in well under a minute on a machine
 * without Chromium. `npm test` runs these and everything else.
 */
export default defineConfig({
  test: {
    include: [
      'tests/derive/**/*.test.ts',
      'tests/edition/diff-facts.test.ts',
      'tests/golden/**/*.test.ts',
      'tests/i18n/**/*.test.ts',
      'tests/import/{bibtex,formats,match-author,merge,import-decisions,plan-import}.test.ts',
      'tests/import/records/{bibtex,csl-json,orcid,openalex,json-resume}-records.test.ts',
      'tests/load/**/*.test.ts',
      'tests/schema/**/*.test.ts',
      'tests/validate/**/*.test.ts',
      'tests/render/{html-safety,font-library,locale-ticks}.test.ts',
      'tests/serve/page-delta.test.ts',
      'tests/write/write-artifacts.test.ts',
      'tests/security/property.test.ts',
      'tests/preflight/unrenderable-text.test.ts',
    ],
    // A Chromium found by accident would hide a test that needs one: make any launch fail.
    env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium-for-unit-tests' },
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
