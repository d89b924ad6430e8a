import { PdfObjects, ref } from './pdf-objects.js';

/**
 * The page (1-based, as the footer counts) of each named destination in a PDF from Chromium:
 * every element with an `id` that a link points at becomes a named destination in the
 * catalog's /Dests dictionary, `/section-papers [70 0 R /XYZ 0 841.9 0]`, and the page
 * objects' order comes from the page tree. This is how the contents learn their page numbers
 * (Chromium has no CSS target-counter).
 */
export function namedDestinationPages(pdfBytes: Uint8Array | PdfObjects): Map<string, number> {
  const pdf = pdfBytes instanceof PdfObjects ? pdfBytes : PdfObjects.from(pdfBytes);
  const pages = new Map<string, number>();
  const dests = ref(pdf.catalog() ?? '', 'Dests');
  if (dests === undefined) return pages;
  const order = new Map(pdf.pages().map((object, i) => [object, i + 1]));
  const dict = pdf.dict(dests) ?? '';
  for (const match of dict.matchAll(/\/([^\s/[\]()<>{}%]+)\s*\[\s*(\d+) 0 R/g)) {
    const page = order.get(Number(match[2]));
    if (page !== undefined) pages.set(decodeName(match[1]!), page);
  }
  return pages;
}

/** PDF names escape bytes as #xx. */
function decodeName(name: string): string {
  return Buffer.from(name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
}
