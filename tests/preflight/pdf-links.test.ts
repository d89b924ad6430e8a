import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { RenderError } from '../../src/errors.js';
import { readPdf } from '../../src/pdf/read-pdf.js';
import { checkPdfLinks } from '../../src/preflight/pdf-links.js';
import { onePagePdf } from '../pdf/make-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/** A link annotation on the page, object 6, with the given action dictionary. */
const linkTo = (action: string, more = ''): Parameters<typeof onePagePdf>[0] => ({
  page: '\n/Annots [6 0 R]',
  extra: [`<</Type /Annot\n/Subtype /Link\n/Rect [0 0 10 10]\n/A ${action}${more}>>`],
});

const check = (bytes: Buffer): void => checkPdfLinks(readPdf(bytes));

describe('the PDF link check reads the parsed actions', () => {
  it('lets links pass whose addresses only look like actions', () => {
    for (const uri of [
      'https://developer.example.org/docs/JS/guide',
      'https://example.org/AA-/S/Launch',
      'https://example.org/OpenAction/JavaScript?x=/JS',
    ]) {
      expect(() => check(onePagePdf(linkTo(`<</S /URI /URI (${uri})>>`)))).not.toThrow();
    }
    // A place in the report: a destination, not an action.
    expect(() =>
      check(
        onePagePdf({
          page: '\n/Annots [6 0 R]',
          extra: ['<</Type /Annot\n/Subtype /Link\n/Rect [0 0 10 10]\n/Dest [3 0 R /XYZ 0 800 0]>>'],
        }),
      ),
    ).not.toThrow();
  });

  it('refuses JavaScript that runs when the document opens, however it is written', () => {
    const opens = /holds links a report may not have \(an action that runs when the document opens/;
    expect(() => check(onePagePdf({ catalog: "\n/OpenAction <</S /JavaScript /JS (app.alert\\('hi'\\))>>" }))).toThrow(
      opens,
    );
    expect(() =>
      check(onePagePdf({ catalog: '\n/OpenAction 6 0 R', extra: ['<</S /JavaScript\n/JS (app.alert(1))>>'] })),
    ).toThrow(opens);
    expect(() => check(onePagePdf({ catalog: '\n/AA <</WC <</S /JavaScript /JS (x)>>>>' }))).toThrow(opens);
    expect(() =>
      check(
        onePagePdf({
          catalog: '\n/Names <</JavaScript 6 0 R>>',
          extra: ['<</Names [(init) <</S /JavaScript /JS (x)>>]>>'],
        }),
      ),
    ).toThrow(/the document's JavaScript "init"/);
    expect(() => check(onePagePdf({ page: '\n/AA <</O <</S /URI /URI (https://example.org/beacon)>>>>' }))).toThrow(
      /page 1's additional action \/O/,
    );
    expect(() =>
      check(onePagePdf(linkTo('<</S /URI /URI (https://example.org/)>>', '\n/AA <</E <</S /JavaScript /JS (x)>>>>'))),
    ).toThrow(opens);
    // An /OpenAction that only opens at a page runs nothing.
    expect(() => check(onePagePdf({ catalog: '\n/OpenAction [3 0 R /Fit]' }))).not.toThrow();
  });

  it('refuses links that launch, run or leave https:, and actions chained after a harmless one', () => {
    expect(() => check(onePagePdf(linkTo('<</S /Launch /F (calc.exe)>>')))).toThrow(
      /a \/Launch action \(a link on page 1\)/,
    );
    expect(() => check(onePagePdf(linkTo('<</S /URI /URI (javascript:alert\\(1\\))>>')))).toThrow(
      /a link to javascript:alert\(1\)/,
    );
    expect(() => check(onePagePdf(linkTo('<</S /URI /URI (file:///etc/passwd)>>')))).toThrow(RenderError);
    expect(() =>
      check(onePagePdf(linkTo('<</S /URI /URI (https://example.org/) /Next <</S /JavaScript /JS (x)>>>>'))),
    ).toThrow(/a \/JavaScript action/);
  });
});

describe('profile-report build with links whose paths look like PDF actions', () => {
  it('builds, and the links work in the PDF', async () => {
    const project = await tempProject();
    const file = path.join(project, 'data', 'profiles', 'zeng-yan.yaml');
    const uris = [
      'https://developer.example.org/docs/JS/guide',
      'https://example.org/papers/AA-2024/',
      'https://example.org/S/Launch/OpenAction',
    ];
    const profile = (await readFile(file, 'utf8'))
      .replace('https://arxiv.org/abs/2111.08276', uris[0]!)
      .replace('https://arxiv.org/abs/2206.00621', uris[1]!)
      .replace('https://arxiv.org/abs/2307.02469', uris[2]!);
    await writeFile(file, profile);
    const result = await runCli(['build', '--quiet'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const doc = await getDocument({
      data: new Uint8Array(await readFile(path.join(project, 'out', 'report.pdf'))),
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
    try {
      const found: string[] = [];
      for (let i = 1; i <= doc.numPages; i++)
        // pdf.js types its annotations as any; a link annotation has a `url` string.
        for (const a of (await (await doc.getPage(i)).getAnnotations()) as { url?: string }[])
          if (a.url) found.push(a.url);
      for (const uri of uris) expect(found).toContain(uri);
    } finally {
      await doc.destroy();
    }
  }, 120_000);
});
