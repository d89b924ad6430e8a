import type { PdfFile } from './pdf-file.js';
import { writeValue } from './write-value.js';

const latin1 = 'latin1';

/**
 * An incremental update (PDF 32000-1, 7.5.6): objects written after the original file, a
 * cross-reference section for them and a trailer pointing back at the previous one. The bytes
 * before it stay as they are, so every offset in them stays valid, and a reader takes the last
 * definition of each object. Object bodies are PDF syntax as text; stream data travels as
 * Latin-1 text, one character per byte.
 */
export class PdfUpdate {
  private readonly chunks: string[] = [];
  private readonly entries: [number, number][] = [];
  private offset: number;
  private next: number;

  constructor(
    private readonly base: PdfFile,
    /** The length of the bytes this update follows (the base file, possibly patched in place). */
    baseLength: number,
    endsWithNewline: boolean,
  ) {
    if (!endsWithNewline) this.chunks.push('\n');
    this.offset = baseLength + (endsWithNewline ? 0 : 1);
    this.next = base.size;
  }

  /** Writes an object under a number of its own (an object of the base written again). */
  replace(num: number, body: string): void {
    this.entries.push([num, this.offset]);
    const chunk = `${num} 0 obj\n${body}\nendobj\n`;
    this.chunks.push(chunk);
    this.offset += Buffer.byteLength(chunk, latin1);
  }

  /** Writes a new object and returns its number. */
  add(body: string): number {
    const num = this.next++;
    this.replace(num, body);
    return num;
  }

  /** The update's bytes: objects, the cross-reference section (one subsection per object) and the trailer. */
  finish(root: number, info: number | undefined): Buffer {
    const xref = this.entries.map(([num, at]) => `${num} 1\n${String(at).padStart(10, '0')} 00000 n \n`).join('');
    const id = this.base.trailer.get('ID');
    const trailer = [
      `/Size ${this.next}`,
      `/Root ${root} 0 R`,
      ...(info === undefined ? [] : [`/Info ${info} 0 R`]),
      ...(id === undefined ? [] : [`/ID ${writeValue(id)}`]),
      `/Prev ${this.base.startxref}`,
    ];
    const tail = `xref\n${xref}trailer\n<<${trailer.join('\n')}>>\nstartxref\n${this.offset}\n%%EOF\n`;
    return Buffer.from(this.chunks.join('') + tail, latin1);
  }
}
