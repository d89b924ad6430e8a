import { deflateSync } from 'node:zlib';

/** An object of a hand-made PDF: a dictionary or other value, or a stream with its data. */
export type MadeObject = string | { readonly dict: string; readonly data: string | Buffer; readonly deflate?: boolean };

/**
 * A PDF laid out as Chromium writes one (objects in order, a classic cross-reference table, a
 * trailer), from object bodies numbered from 1, for tests that need a PDF with one thing wrong.
 */
export function makePdf(objects: readonly MadeObject[], trailer = '/Root 1 0 R'): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xd3\xeb\xe9\xe1\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (b: Buffer): void => {
    parts.push(b);
    length += b.length;
  };
  objects.forEach((object, i) => {
    offsets.push(length);
    if (typeof object === 'string') {
      push(Buffer.from(`${i + 1} 0 obj\n${object}\nendobj\n`, 'latin1'));
      return;
    }
    const raw = Buffer.isBuffer(object.data) ? object.data : Buffer.from(object.data, 'latin1');
    const data = object.deflate ? deflateSync(raw) : raw;
    const filter = object.deflate ? '\n/Filter /FlateDecode' : '';
    push(Buffer.from(`${i + 1} 0 obj\n<<${object.dict}${filter}\n/Length ${data.length}>>\nstream\n`, 'latin1'));
    push(data);
    push(Buffer.from('\nendstream\nendobj\n', 'latin1'));
  });
  const xref = length;
  const table = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  push(
    Buffer.from(`${table}trailer\n<</Size ${objects.length + 1}\n${trailer}>>\nstartxref\n${xref}\n%%EOF\n`, 'latin1'),
  );
  return Buffer.concat(parts);
}

/** A one-page document whose page shows `content`, with its own extra catalog entries, page entries and objects (numbered from 6). */
export function onePagePdf(
  options: { content?: string; catalog?: string; page?: string; extra?: readonly MadeObject[]; filter?: string } = {},
): Buffer {
  return makePdf([
    `<</Type /Catalog\n/Pages 2 0 R${options.catalog ?? ''}>>`,
    '<</Type /Pages\n/Kids [3 0 R]\n/Count 1>>',
    `<</Type /Page\n/Parent 2 0 R\n/MediaBox [0 0 595 842]\n/Resources <</Font <</F1 5 0 R>>>>\n/Contents 4 0 R${options.page ?? ''}>>`,
    options.filter
      ? { dict: `/Filter /${options.filter}`, data: options.content ?? '' }
      : { dict: '', data: options.content ?? 'BT /F1 12 Tf 1 0 0 1 72 700 Tm <0001> Tj ET', deflate: true },
    '<</Type /Font\n/Subtype /Type0\n/BaseFont /AAAAAA+Test\n/Encoding /Identity-H\n/DescendantFonts [<</Type /Font /Subtype /CIDFontType2 /BaseFont /AAAAAA+Test /CIDToGIDMap /Identity>>]>>',
    ...(options.extra ?? []),
  ]);
}
