import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPdf } from '../../src/pdf/read-pdf.js';
import { missingGlyphProblems } from '../../src/preflight/missing-glyphs.js';
import { makePdf } from '../pdf/make-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

const toUnicode =
  '/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange 2 beginbfchar <0001> <0041> <0002> <0062> endbfchar 1 beginbfrange <0003> <0004> <0063> endbfrange endcmap end end';

/** A page drawn with a Type0 font (glyph 0 is .notdef) and a Type3 font as Skia writes them (/g0 is .notdef). */
function pdfShowing(content: string): Buffer {
  return makePdf([
    '<</Type /Catalog\n/Pages 2 0 R>>',
    '<</Type /Pages\n/Kids [3 0 R]\n/Count 1>>',
    '<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 595 842]\n/Resources <</Font <</F1 5 0 R /F2 7 0 R>>>>\n/Contents 4 0 R>>',
    { dict: '', data: content, deflate: true },
    '<</Type /Font\n/Subtype /Type0\n/BaseFont /AAAAAA+Body\n/Encoding /Identity-H\n/DescendantFonts [<</Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Body /CIDToGIDMap /Identity>>]\n/ToUnicode 6 0 R>>',
    { dict: '', data: toUnicode },
    '<</Type /Font\n/Subtype /Type3\n/FirstChar 0\n/LastChar 2\n/Encoding <</Type /Encoding /Differences [0 /g0 /g2a /g0]>>\n/CharProcs <</g0 8 0 R /g2a 8 0 R>>>>',
    { dict: '', data: '0 0 d0' },
  ]);
}

describe('missingGlyphProblems', () => {
  it('finds nothing when every code has a glyph', () => {
    expect(
      missingGlyphProblems(
        readPdf(pdfShowing('BT /F1 12 Tf 1 0 0 1 72 700 Tm <000100020003> Tj /F2 12 Tf <01> Tj ET')),
      ),
    ).toEqual([]);
  });

  it('names the page and the line of each glyph drawn as .notdef, in a CID font and in a Type3 font', () => {
    const problems = missingGlyphProblems(
      readPdf(
        pdfShowing(
          'BT /F1 12 Tf 1 0 0 1 72 700 Tm <0001000000020003> Tj 20 0 Td [<0004> -50 <0000>] TJ ET BT /F2 12 Tf 1 0 0 1 72 600 Tm <0100> Tj ET',
        ),
      ),
    );
    expect(problems).toEqual([
      'page 1 of the PDF prints 3 characters as empty boxes (no font drew them): "A□bcd□", "□"',
    ]);
  });
});

describe('profile-report build with text no font draws', () => {
  it('warns with the page and the text, and --strict refuses with nothing written', async () => {
    const project = await tempProject();
    await mkdir(path.join(project, 'look'));
    // Text the stylesheet adds (no profile holds it, so only the printed PDF shows the box): a private-use character.
    await writeFile(path.join(project, 'look', 'extra.css'), 'section.sources h1::after { content: " \\E000"; }\n');
    const refused = await runCli(['build', '--templates', 'look', '--strict'], { cwd: project });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /page \d+ of the PDF prints a character as an empty box \(no font drew it\): "Sources □" \(--strict\)/,
    );
    expect(refused.stderr).toContain('nothing was written');
    expect((await listFiles(project)).filter((f) => f.startsWith('out/'))).toEqual([]);
  }, 120_000);
});
