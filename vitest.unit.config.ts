import { defineConfig } from 'vitest/config';

/*
 * The fast tier: every test file that neither starts Chromium nor spawns the CLI. The pure
 * stages (schema, load, validate, derive, languages, editions' facts, imports, the HTML and CSS
 * checks, chart specs and chart drawing in Node, the golden files), and the pieces of I/O tested
 * in process (the PDF reader on hand-made PDFs, output locks and writes, the preview server, the
 * input poller, job packing). A file that does both is split: `x.test.ts` in process,
 * `x-cli.test.ts` through the real CLI. `npm test` runs these and everything else.
 */
export default defineConfig({
  test: {
    include: [
      'tests/api/{resolve-build,load-report}.test.ts',
      'tests/cli/{build-flags,load-cli}.test.ts',
      'tests/derive/**/*.test.ts',
      'tests/edition/diff-facts.test.ts',
      'tests/errors.test.ts',
      'tests/golden/**/*.test.ts',
      'tests/i18n/**/*.test.ts',
      'tests/import/{bibtex,formats,match-author,merge,import-decisions,plan-import}.test.ts',
      'tests/import/{hostile-import,impact-import}.test.ts',
      'tests/import/records/*-records.test.ts',
      'tests/load/**/*.test.ts',
      'tests/pdf/pdf-file.test.ts',
      'tests/preflight/{unrenderable-text,empty-pages,preflight}.test.ts',
      'tests/queue/pack-report.test.ts',
      'tests/render/{html-safety,font-library,locale-ticks,hyphenate-html}.test.ts',
      'tests/render/{chart-fonts,chart-label-fit,chart-renderer,font-coverage}.test.ts',
      'tests/render/{compile-templates,template-renderer}.test.ts',
      'tests/print/page-pool.test.ts',
      'tests/schema/**/*.test.ts',
      'tests/security/property.test.ts',
      'tests/serve/{page-delta,preview-server}.test.ts',
      'tests/validate/**/*.test.ts',
      'tests/watch/**/*.test.ts',
      'tests/write/{write-artifacts,output-lock}.test.ts',
    ],
    // A Chromium found by accident would hide a test that needs one: make any launch fail.
    env: { PUPPETEER_EXECUTABLE_PATH: '/nonexistent/chromium-for-unit-tests' },
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
