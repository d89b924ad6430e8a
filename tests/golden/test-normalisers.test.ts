import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenJson } from '../helpers/chart-summary.js';
import { goldenHtml } from '../helpers/golden-html.js';
import { repoRoot } from '../helpers/paths.js';
import { readerHtml, readerPdfText, readerWords } from '../helpers/reader-view.js';

// The tests read pages through these: golden files hide what every page shares, readers do not
// see break hints or the facts block. These check that what they hide is only that.
describe('what golden files keep of a page', () => {
  const stylesheet = readFileSync(path.join(repoRoot, 'templates', 'styles.css'), 'utf8');

  it('the built-in stylesheet becomes one line with its hash', () => {
    const golden = goldenHtml(`<head><style>\n${stylesheet}\n</style><style>.p0 { --person: red; }</style></head>`);
    expect(golden).toMatch(
      /^<head><style>\/\* sha256:[0-9a-f]{64} \(templates\/styles\.css, \d+ lines\) \*\/<\/style>/,
    );
    expect(golden).toContain('<style>.p0 { --person: red; }</style>');
  });

  it('a stylesheet that differs from the built-in one by a rule is kept whole', () => {
    const changed = `${stylesheet}\nh1 { color: red; }`;
    expect(goldenHtml(`<style>${changed}</style>`)).toBe(`<style>${changed}</style>`);
  });

  it('an edit to the stylesheet changes its line', () => {
    const line = (css: string): string => goldenHtml(`<style>${css}</style>`);
    expect(line(stylesheet)).not.toBe(line(stylesheet.replace('font-weight: 700', 'font-weight: 600')));
  });

  it('values stay on one line, long lists of text one item a line', () => {
    const labels = Array.from({ length: 12 }, (_, i) => `A rather long category label ${i}`);
    const text = goldenJson({ data: Array.from({ length: 60 }, (_, i) => [i, i + 0.5]), labels });
    expect(text.split('\n')).toHaveLength(3 + 1 + labels.length + 1);
    expect(JSON.parse(text)).toEqual({ data: Array.from({ length: 60 }, (_, i) => [i, i + 0.5]), labels });
  });
});

describe('the page as a reader reads it', () => {
  const page = [
    '<head><style>p { color: red }</style>',
    '<script type="application/json" id="profile-report-facts">{"summary":"**Bold** \\u003cb>"}</script></head>',
    '<p>Mix\u00ADture of Ex\u00ADperts at https://<wbr>example<wbr>.org</p>',
  ].join('');

  it('drops the break hints and the facts block, and keeps the markup', () => {
    expect(readerHtml(page)).toBe(
      '<head><style>p { color: red }</style></head><p>Mixture of Experts at https://example.org</p>',
    );
  });

  it('keeps only the words for readerWords', () => {
    expect(readerWords(page).replace(/\s+/g, ' ').trim()).toBe('Mixture of Experts at https://example.org');
  });

  it('reads PDF text without the soft hyphens where no line broke', () => {
    expect(readerPdfText('Mix\u00ADture\nof Ex-\nperts')).toBe('Mixture\nof Ex-\nperts');
  });
});
