import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { RenderError } from '../errors.js';
import { pdfText } from './text-string.js';
import { writeDict, writeName } from './write-value.js';

/** A file carried inside the PDF (an embedded file a viewer lists under "attachments"). */
export interface PdfAttachment {
  /** The file name a viewer offers when saving it: a plain name, no folder. */
  readonly name: string;
  readonly description: string;
  /** Its media type, for example `application/json`. */
  readonly mime: string;
  readonly bytes: Uint8Array;
  /** YYYY-MM-DD: its modification date (the build date; never the clock, so bytes repeat). */
  readonly modDate: string;
}

/** Writes one object of the incremental update and returns its number. */
export type WriteObject = (body: string) => number;

/**
 * Writes each attachment as an embedded file stream and its file specification, and returns
 * what the catalog needs to list them: the /EmbeddedFiles name tree (one leaf, keys in byte
 * order as the tree requires) and the /AF array of associated files (PDF 2.0, PDF/A-3), each
 * marked /Data. Streams are Flate-compressed; deflate is deterministic for the same bytes, and
 * no date comes from the clock, so the same attachments always give the same bytes.
 */
export function writeAttachments(
  attachments: readonly PdfAttachment[],
  write: WriteObject,
): { names: string; af: string } {
  const seen = new Set<string>();
  const entries: { key: string; spec: number }[] = [];
  for (const file of attachments) {
    checkAttachment(file, seen);
    const data = deflateSync(file.bytes);
    const checksum = createHash('md5').update(file.bytes).digest('hex').toUpperCase();
    const params = writeDict([
      ['Size', String(file.bytes.length)],
      ['ModDate', `(D:${file.modDate.replaceAll('-', '')}000000+00'00')`],
      ['CheckSum', `<${checksum}>`],
    ]);
    const streamDict = writeDict([
      ['Type', '/EmbeddedFile'],
      ['Subtype', writeName(file.mime)],
      ['Params', params],
      ['Filter', '/FlateDecode'],
      ['Length', String(data.length)],
    ]);
    const stream = write(`${streamDict}\nstream\n${data.toString('latin1')}\nendstream`);
    const key = pdfText(file.name);
    const spec = write(
      writeDict([
        ['Type', '/Filespec'],
        ['F', asciiString(file.name)],
        ['UF', key],
        ['Desc', pdfText(file.description)],
        ['AFRelationship', '/Data'],
        ['EF', `<</F ${stream} 0 R\n/UF ${stream} 0 R>>`],
      ]),
    );
    entries.push({ key, spec });
  }
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const tree = write(`<</Names [${entries.map((e) => `${e.key} ${e.spec} 0 R`).join(' ')}]>>`);
  return { names: `<</EmbeddedFiles ${tree} 0 R>>`, af: `[${entries.map((e) => `${e.spec} 0 R`).join(' ')}]` };
}

function checkAttachment(file: PdfAttachment, seen: Set<string>): void {
  // A viewer saves an attachment under its name: a folder or a control character in it is refused.
  if (file.name === '' || file.name === '.' || file.name === '..' || /[/\\\p{Cc}]/u.test(file.name)) {
    throw new RenderError(`cannot attach "${file.name}" to the PDF: an attachment's name must be a plain file name`);
  }
  if (seen.has(file.name)) throw new RenderError(`cannot attach two files named "${file.name}" to the PDF`);
  seen.add(file.name);
  if (!/^[\w.+-]+\/[\w.+-]+$/.test(file.mime))
    throw new RenderError(`cannot attach "${file.name}" to the PDF: "${file.mime}" is not a media type`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(file.modDate))
    throw new RenderError(`cannot attach "${file.name}" to the PDF: its date "${file.modDate}" is not YYYY-MM-DD`);
}

/** /F is a byte string older readers take as a file name: ASCII only, the rest is in /UF. */
function asciiString(text: string): string {
  return `(${text.replace(/[^\x20-\x7e]/g, '_').replace(/[\\()]/g, (c) => `\\${c}`)})`;
}
