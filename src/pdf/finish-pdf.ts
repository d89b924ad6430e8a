import { RenderError } from '../errors.js';
import { writeAttachments } from './pdf-attachments.js';
import type { PdfAttachment } from './pdf-attachments.js';
import { pairBookmarks } from './pair-bookmarks.js';
import type { Heading } from './pair-bookmarks.js';
import { PdfUpdate } from './pdf-update.js';
import { PdfDict, PdfRef, PdfStream, PdfString } from './pdf-values.js';
import type { PdfValue } from './pdf-values.js';
import type { PdfDocument } from './read-pdf.js';
import { pdfText } from './text-string.js';
import { writeDict } from './write-value.js';

export interface PdfMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: string;
  /** YYYY-MM-DD: becomes the creation and modification date. */
  readonly date: string;
  readonly creator: string;
  /** The page's headings in order: the bookmarks' titles (see pair-bookmarks.ts). */
  readonly headings?: readonly Heading[];
  /** Files carried inside the PDF, listed in its attachments (see pdf-attachments.ts). */
  readonly attachments?: readonly PdfAttachment[];
}

/**
 * Makes Chromium's PDF reproducible and complete without re-writing it. Chromium stamps the
 * clock into the information dictionary's dates, and names each tagged element after its DOM
 * node id (see renumberStructureIds): those are overwritten in place, same length, so no
 * offset moves. Everything else goes into a standard incremental update: a new information
 * dictionary (author, subject and keywords, which Chromium cannot set), a catalog that opens
 * the bookmarks panel and lists the attachments, and each bookmark written again titled with
 * its heading's text. The tagged structure, pages and outline tree Chromium wrote stay as they are.
 */
export function finishPdf(doc: PdfDocument, meta: PdfMetadata): Buffer {
  const file = doc.file;
  const patched = Buffer.from(file.bytes);
  const stamp = `${meta.date.replaceAll('-', '')}000000`;
  const oldInfo = file.dict(file.trailer.get('Info'));
  for (const key of ['CreationDate', 'ModDate']) {
    const date = oldInfo?.get(key);
    if (date !== undefined) overwriteDate(patched, date, stamp);
  }
  renumberStructureIds(doc, patched);

  const update = new PdfUpdate(file, patched.length, patched[patched.length - 1] === 0x0a);
  const info = update.add(
    writeDict([
      ['Title', pdfText(meta.title)],
      ['Author', pdfText(meta.author)],
      ['Subject', pdfText(meta.subject)],
      ['Keywords', pdfText(meta.keywords)],
      ['Creator', pdfText(meta.creator)],
      ['Producer', '(Skia/PDF, finished by profile-report)'],
      ['CreationDate', `(D:${stamp}+00'00')`],
      ['ModDate', `(D:${stamp}+00'00')`],
    ]),
  );
  const catalog = file.catalog();
  const entries = new Map<string, PdfValue | string>(catalog.entries);
  if (!entries.has('PageMode')) entries.set('PageMode', '/UseOutlines');
  const attachments = meta.attachments ?? [];
  if (attachments.length > 0) {
    if (catalog.get('Names') !== undefined || catalog.get('AF') !== undefined) {
      throw new RenderError(
        'cannot attach files: the PDF from Chromium already has a name tree or associated files this program does not merge',
      );
    }
    const added = writeAttachments(attachments, (body) => update.add(body));
    entries.set('Names', added.names);
    entries.set('AF', added.af);
  }
  const root = file.trailer.get('Root');
  if (!(root instanceof PdfRef)) throw new RenderError('the PDF cannot be read: its trailer names no catalog object');
  update.replace(root.num, writeDict(entries));
  if (meta.headings) {
    const pairs = pairBookmarks(
      doc.outline.map((item) => item.title),
      meta.headings,
    );
    doc.outline.forEach((item, i) => {
      const heading = meta.headings![pairs[i]!];
      if (heading === undefined || heading.text === item.title) return;
      update.replace(
        item.object,
        writeDict(new Map<string, PdfValue | string>([...item.dict.entries, ['Title', pdfText(heading.text)]])),
      );
    });
  }
  return Buffer.concat([patched, update.finish(root.num, info)]);
}

/** Overwrites a date string `(D:YYYYMMDDHHmmSS...` with the build date, same length. */
function overwriteDate(bytes: Buffer, date: PdfValue, stamp: string): void {
  const token = date instanceof PdfString ? bytes.toString('latin1', date.start, date.end) : '';
  if (!/^\(D:\d{14}/.test(token))
    throw new RenderError(
      `the PDF from Chromium has a date this program cannot make reproducible: ${token.slice(0, 40) || 'not a string'}`,
    );
  bytes.write(stamp, (date as PdfString).start + 3, 'latin1');
}

/**
 * Chromium names each tagged element after its DOM node id, `(node00001828)`, and node ids
 * count up for the life of a renderer: the same report printed on a fresh page and on a page
 * that printed another report before (a batch, a watch rebuild) would differ in these bytes
 * only. They are renumbered in order of first appearance in the file, among the strings of
 * every object (never inside stream data); the width stays eight digits, so no byte offset
 * moves, and the same document always gets the same numbers.
 */
function renumberStructureIds(doc: PdfDocument, bytes: Buffer): void {
  const found: PdfString[] = [];
  const collect = (value: PdfValue | undefined, depth: number): void => {
    if (value instanceof PdfString) {
      if (value.bytes.length === 12 && /^node\d{8}$/.test(value.bytes.toString('latin1'))) found.push(value);
    } else if (value instanceof PdfDict) {
      for (const v of value.entries.values()) collect(v, depth + 1);
    } else if (Array.isArray(value) && depth < 64) {
      for (const v of value as readonly PdfValue[]) collect(v, depth + 1);
    }
  };
  for (const num of doc.file.objectNumbers()) {
    const object = doc.file.object(num);
    collect(object instanceof PdfStream ? object.dict : object, 0);
  }
  found.sort((a, b) => a.start - b.start);
  const ids = new Map<string, string>();
  for (const s of found) {
    const id = s.bytes.toString('latin1', 4);
    let renumbered = ids.get(id);
    if (renumbered === undefined) {
      renumbered = String(ids.size + 1).padStart(8, '0');
      ids.set(id, renumbered);
    }
    // Written as a literal string, `(node12345678)`: the digits sit after `(node`.
    // Written as a literal string, `(node12345678)`, or as hex without spaces: same length either way.
    if (bytes[s.start] === 0x28 && s.end - s.start === 14) bytes.write(renumbered, s.start + 5, 'latin1');
    else if (bytes[s.start] === 0x3c && s.end - s.start === 26)
      bytes.write(Buffer.from(`node${renumbered}`, 'latin1').toString('hex').toUpperCase(), s.start + 1, 'latin1');
    else
      throw new RenderError(
        `the PDF from Chromium names a tagged element in a form this program cannot renumber (at byte ${s.start})`,
      );
  }
}
