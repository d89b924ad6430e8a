import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/pdf/read-pdf.js';
import { emptyPageProblems } from '../../src/preflight/empty-pages.js';
import { makePdf } from '../pdf/make-pdf.js';

/** Pages of A4 whose content is a filled box from the top of the text area down to `bottom` points from the foot of the page (0: nothing). */
function pagesDownTo(bottoms: readonly number[]): Buffer {
  const n = bottoms.length;
  return makePdf([
    '<</Type /Catalog\n/Pages 2 0 R>>',
    `<</Type /Pages\n/Kids [${bottoms.map((_, i) => `${3 + 2 * i} 0 R`).join(' ')}]\n/Count ${n}>>`,
    ...bottoms.flatMap((bottom, i) => [
      `<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 595 842]\n/Contents ${4 + 2 * i} 0 R>>`,
      { dict: '', data: bottom === 0 ? '' : `0 0 0 rg 60 ${bottom} 400 ${760 - bottom} re f` },
    ]),
  ]);
}

describe('emptyPageProblems', () => {
  it('names a page in the middle whose content ends near its top, but not the cover or the last page', () => {
    expect(emptyPageProblems(readPdf(pagesDownTo([700, 100, 300, 720, 200, 745])))).toEqual([
      'page 4 of the PDF is nearly empty: its content ends 9% of the way down',
    ]);
  });

  it('names a blank page in the middle', () => {
    expect(emptyPageProblems(readPdf(pagesDownTo([100, 0, 100])))).toEqual([
      'page 2 of the PDF is empty between its header and footer',
    ]);
  });
});
