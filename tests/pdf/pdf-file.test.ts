import { describe, expect, it } from 'vitest';
import { RenderError } from '../../src/errors.js';
import { readPdf } from '../../src/pdf/read-pdf.js';
import { pageFurnitureProblems } from '../../src/preflight/page-furniture.js';
import { printedShrunk } from '../../src/preflight/page-overflow.js';
import { makePdf, onePagePdf } from './make-pdf.js';

describe('the PDF reader reads what Chromium writes', () => {
  it('reads pages, the drawing of each and its text', () => {
    const doc = readPdf(onePagePdf({ content: '.75 0 0 .75 0 0 cm BT /F1 12 Tf 1 0 0 1 72 700 Tm <00010002> Tj ET' }));
    expect(doc.pages.map((p) => [p.number, p.width, p.height])).toEqual([[1, 595, 842]]);
    expect(doc.pages[0]!.drawing().scale).toBeCloseTo(0.75);
    expect(doc.pages[0]!.drawing().shows).toMatchObject([{ font: 5, strings: [Buffer.from([0, 1, 0, 2])] }]);
    expect(printedShrunk(doc)).toBe(false);
  });

  it('follows an incremental update to the last definition of an object', () => {
    const base = onePagePdf();
    const doc = readPdf(base);
    const at = base.length;
    const update = `3 0 obj\n<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 612 792]\n/Contents 4 0 R>>\nendobj\n`;
    const xref = at + update.length;
    const tail = `xref\n3 1\n${String(at).padStart(10, '0')} 00000 n \ntrailer\n<</Size 6\n/Root 1 0 R\n/Prev ${doc.file.startxref}>>\nstartxref\n${xref}\n%%EOF\n`;
    expect(readPdf(Buffer.concat([base, Buffer.from(update + tail, 'latin1')])).pages[0]!.width).toBe(612);
  });
});

describe('a PDF the reader cannot fully read is a RenderError, never an empty answer', () => {
  const refused = (bytes: Buffer, message: RegExp): void => {
    let caught: unknown;
    try {
      const doc = readPdf(bytes);
      // What the preflight asks of every page: a reader that half read the file must fail here.
      pageFurnitureProblems(doc);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RenderError);
    expect((caught as Error).message).toMatch(message);
  };

  it('refuses a document with no pages, where the checks would find nothing to complain of', () => {
    refused(
      makePdf(['<</Type /Catalog\n/Pages 2 0 R>>', '<</Type /Pages\n/Kids []\n/Count 0>>']),
      /the PDF cannot be read: it has no pages/,
    );
    expect(() => printedShrunk(readPdf(onePagePdf({ content: '' })))).toThrow(/draws nothing on any of its pages/);
  });

  it('refuses a cross-reference table that points at the wrong place', () => {
    const good = onePagePdf();
    const text = good.toString('latin1');
    // Object 3's offset moved by one byte: the table no longer points at "3 0 obj".
    const broken = text.replace(
      /(xref\n0 \d+\n(?:\d{10} \d{5} [nf] \n){3})(\d{10})/,
      (_, head: string, offset: string) => head + String(Number(offset) + 1).padStart(10, '0'),
    );
    refused(Buffer.from(broken, 'latin1'), /the PDF cannot be read: /);
    refused(
      Buffer.from(text.replace(/startxref\n\d+/, 'startxref\n5'), 'latin1'),
      /its cross-reference table is not at byte 5/,
    );
  });

  it('refuses a filter it does not decode, and data that does not inflate', () => {
    refused(
      onePagePdf({ filter: 'LZWDecode', content: 'abc' }),
      /uses the \/LZWDecode filter, which this reader does not decode/,
    );
    refused(onePagePdf({ filter: 'FlateDecode', content: 'not deflate data' }), /does not inflate/);
  });

  it('refuses an object the table does not hold (as in an object stream), a hybrid file and a page tree that loops', () => {
    expect(() => readPdf(onePagePdf({ page: '\n/Annots 40 0 R' })).actions()).toThrow(
      /the PDF cannot be read: object 40 is not in the cross-reference table/,
    );
    refused(makePdf(['<</Type /Catalog\n/Pages 9 0 R>>']), /object 9 is not in the cross-reference table/);
    const hybrid = onePagePdf().toString('latin1').replace('/Root 1 0 R', '/Root 1 0 R\n/XRefStm 10');
    refused(Buffer.from(hybrid, 'latin1'), /a cross-reference stream \(a hybrid file\)/);
    refused(
      makePdf(['<</Type /Catalog\n/Pages 2 0 R>>', '<</Type /Pages\n/Kids [2 0 R]\n/Count 1>>']),
      /its page tree loops/,
    );
  });

  it('refuses a font of a kind whose glyphs it cannot tell', async () => {
    const { missingGlyphProblems } = await import('../../src/preflight/missing-glyphs.js');
    const doc = readPdf(
      makePdf([
        '<</Type /Catalog\n/Pages 2 0 R>>',
        '<</Type /Pages\n/Kids [3 0 R]\n/Count 1>>',
        '<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 595 842]\n/Resources <</Font <</F1 5 0 R>>>>\n/Contents 4 0 R>>',
        { dict: '', data: 'BT /F1 12 Tf (a) Tj ET' },
        '<</Type /Font\n/Subtype /TrueType\n/BaseFont /Simple>>',
      ]),
    );
    expect(() => missingGlyphProblems(doc)).toThrow(
      /font object 5 \(Simple\) is a TrueType font, which this reader does not read/,
    );
  });
});
