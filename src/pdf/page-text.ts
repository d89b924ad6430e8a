import type { PdfDocument, PdfPage } from './read-pdf.js';
import type { TextShow } from './page-ink.js';

/**
 * The text a page shows, in the order its content stream shows it, as each font's ToUnicode
 * map gives it (a right-to-left run comes out in visual order, as in the text layer of any
 * viewer). `keep` picks the text operators to read, by where they stand.
 */
export function pageText(doc: PdfDocument, page: PdfPage, keep: (show: TextShow) => boolean = () => true): string {
  return page
    .drawing()
    .shows.filter(keep)
    .map((show) =>
      show.font === undefined
        ? ''
        : show.strings
            .flatMap((s) =>
              doc
                .font(show.font!)
                .glyphs(s)
                .map((g) => g.text),
            )
            .join(''),
    )
    .join('');
}
