import { RenderError } from '../errors.js';
import { correctedTitles, outlineItems } from './outline-titles.js';
import { writeAttachments } from './pdf-attachments.js';
import type { PdfAttachment } from './pdf-attachments.js';
import { PdfObjects } from './pdf-objects.js';
import { pdfText } from './pdf-text.js';

export { pdfText };
export type { PdfAttachment };

export interface PdfMetadata {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: string;
  /** YYYY-MM-DD: becomes the creation and modification date. */
  readonly date: string;
  readonly creator: string;
  /** The document's headings in order, to repair bookmark titles (see outline-titles.ts). */
  readonly headings?: readonly string[];
  /** Files carried inside the PDF, listed in its attachments (see pdf-attachments.ts). */
  readonly attachments?: readonly PdfAttachment[];
}

const latin1 = 'latin1';

/**
 * Chromium names each tagged element after its DOM node id, `(node00001828)`, and node ids
 * count up for the life of a renderer: the same report printed on a fresh page and on a page
 * that printed another report before (a batch, a watch rebuild) would differ in these bytes
 * only. They are renumbered in order of first appearance; the width stays eight digits, so no
 * byte offset moves, and the same document always gets the same numbers.
 */
function renumberStructureIds(pdf: string): string {
  const ids = new Map<string, string>();
  return pdf.replace(/\(node(\d{8})\)/g, (_, id: string) => {
    let renumbered = ids.get(id);
    if (renumbered === undefined) {
      renumbered = String(ids.size + 1).padStart(8, '0');
      ids.set(id, renumbered);
    }
    return `(node${renumbered})`;
  });
}

/**
 * Makes Chromium's PDF reproducible and complete without re-writing it. Chromium stamps the
 * clock into /CreationDate and /ModDate (with the structure ids above, the only bytes that differ between two prints); those
 * are overwritten in place with the build date, same length, so no offset moves. Author,
 * subject and keywords, which Chromium cannot set, go into a new document-information
 * dictionary appended as a standard PDF incremental update, as does a catalog that opens the
 * bookmarks panel. The tagged structure and outline Chromium wrote are left untouched.
 */
export function finishPdf(pdf: Uint8Array, meta: PdfMetadata): Buffer {
  const bytes = Buffer.from(pdf);
  checkComplete(bytes);
  const text = bytes.toString(latin1);
  const stamp = pdfDate(meta.date);
  // D: and 14 digits, replaced by D: and 14 digits: every byte offset in the file stays valid.
  const patched = renumberStructureIds(text.replace(/\/(CreationDate|ModDate) \(D:\d{14}/g, (_, key: string) => `/${key} (${stamp}`));

  const trailer = /trailer\s*<<([\s\S]*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$/.exec(patched);
  if (!trailer) throw new RenderError('the PDF from Chromium has no trailer this program understands');
  const dict = trailer[1]!;
  const size = Number(/\/Size (\d+)/.exec(dict)?.[1]);
  const root = /\/Root (\d+) 0 R/.exec(dict)?.[1];
  if (!size || !root) throw new RenderError('the PDF from Chromium has no /Size or /Root');
  const objects = new PdfObjects(patched);
  const catalog = objects.dict(Number(root));
  const items = outlineItems(objects);
  const titleFixes = catalog && meta.headings ? correctedTitles(items, meta.headings) : undefined;

  const parts: string[] = [patched.endsWith('\n') ? '' : '\n'];
  let offset = patched.length + parts[0]!.length;
  const entries: string[] = [];
  const info = size;
  const object = (num: number, body: string): void => {
    entries.push(`${num} 1\n${String(offset).padStart(10, '0')} 00000 n \n`);
    const chunk = `${num} 0 obj\n${body}\nendobj\n`;
    parts.push(chunk);
    offset += Buffer.byteLength(chunk, latin1);
  };
  let next = size + 1;
  const newObject = (body: string): number => {
    object(next, body);
    return next++;
  };
  object(
    info,
    `<</Title ${pdfText(meta.title)}\n/Author ${pdfText(meta.author)}\n/Subject ${pdfText(meta.subject)}\n/Keywords ${pdfText(meta.keywords)}\n/Creator ${pdfText(meta.creator)}\n/Producer (Skia/PDF, finished by profile-report)\n/CreationDate (${stamp}+00'00')\n/ModDate (${stamp}+00'00')>>`,
  );
  const attachments = meta.attachments ?? [];
  if (attachments.length > 0 && (!catalog || /\/(Names|AF)\b/.test(catalog))) {
    throw new RenderError('cannot attach files: the PDF from Chromium already has a name tree or associated files this program does not merge');
  }
  const added = attachments.length > 0 ? writeAttachments(attachments, newObject) : undefined;
  const catalogEntries = [
    ...(catalog && !catalog.includes('/PageMode') ? ['/PageMode /UseOutlines'] : []),
    ...(added ? [`/Names ${added.names}`, `/AF ${added.af}`] : []),
  ];
  if (catalog && catalogEntries.length > 0) object(Number(root), catalog.replace(/>>$/, `\n${catalogEntries.join('\n')}>>`));
  for (const [item, title] of titleFixes ?? []) {
    const dict = items.find((i) => i.object === item)!.dict;
    object(item, dict.replace(/\/Title (\((?:\\[\s\S]|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/, () => `/Title ${pdfText(title)}`));
  }
  const xrefAt = offset;
  parts.push(`xref\n${entries.join('')}trailer\n<</Size ${next}\n/Root ${root} 0 R\n/Info ${info} 0 R\n/Prev ${trailer[2]}>>\nstartxref\n${xrefAt}\n%%EOF\n`);
  return Buffer.concat([Buffer.from(patched, latin1), Buffer.from(parts.join(''), latin1)]);
}

/** A truncated or empty buffer must never replace a good PDF on disk. */
export function checkComplete(pdf: Uint8Array): void {
  const head = Buffer.from(pdf.subarray(0, 5)).toString(latin1);
  const tail = Buffer.from(pdf.subarray(Math.max(0, pdf.length - 1024))).toString(latin1);
  if (head !== '%PDF-' || !tail.includes('%%EOF')) {
    throw new RenderError(`Chromium returned an incomplete PDF (${pdf.length} bytes, ${head === '%PDF-' ? 'no %%EOF at the end' : 'no %PDF- header'})`);
  }
}

/** `2026-11-23` → `D:20261123000000` (midnight UTC of the build date). */
function pdfDate(date: string): string {
  return `D:${date.replaceAll('-', '')}000000`;
}
