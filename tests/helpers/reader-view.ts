import { factsElementId } from '../../src/edition/facts-schema.js';

/**
 * The page as a reader reads it, for tests that look for what the report says. The HTML carries
 * things no reader sees: break hints the layout adds to long words (soft hyphens, `<wbr>`), and
 * the inert facts block, the profiles as written in JSON (markup and all) for the next edition.
 */

/** The inert facts block: JSON escapes `<`, so its text never holds `</script>`. */
const factsBlock = new RegExp(`<script type="application/json" id="${factsElementId}">[\\s\\S]*?</script>`, 'g');

/** The report's HTML without break hints or the facts block; the markup stays, to look for elements. */
export function readerHtml(html: string): string {
  return withoutBreakHints(html.replace(factsBlock, ''));
}

/** Only the words of the page: readerHtml without style sheets and tags. */
export function readerWords(html: string): string {
  return readerHtml(html)
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<[^>]*>/g, ' ');
}

/**
 * Text extracted from the PDF (pdftotext, pdf.js) as a reader reads it: a soft hyphen where no
 * line broke is no text, the page only carries it as a place a line may break.
 */
export function readerPdfText(text: string): string {
  return withoutBreakHints(text);
}

function withoutBreakHints(text: string): string {
  return text.replaceAll('\u00AD', '').replaceAll('<wbr>', '');
}
