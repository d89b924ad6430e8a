import { inflateSync } from 'node:zlib';
import { RenderError } from '../errors.js';
import { PdfDict, PdfName, PdfRef, PdfStream } from './pdf-values.js';
import { PdfLexer } from './pdf-syntax.js';
import type { PdfValue } from './pdf-values.js';

const cannotRead = (what: string): RenderError => new RenderError(`the PDF cannot be read: ${what}`);

/**
 * A PDF file as its cross-reference table describes it (PDF 32000-1, 7.5): the table and
 * trailer of each revision, newest first through /Prev, so an object written again by an
 * incremental update is read at its last definition, as a viewer does. Objects are parsed when
 * first asked for, once.
 *
 * It reads the classic layout Chromium's PDF writer (Skia) uses, and refuses anything else
 * rather than guessing: a cross-reference stream, object streams, an object missing from the
 * table or not where the table says, a stream filter other than Flate. Each refusal is a
 * RenderError saying what was found, so a Chromium that starts writing PDFs differently stops
 * the build with a plain message instead of letting every check find nothing.
 */
export class PdfFile {
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfValue | PdfStream>();
  private readonly decoded = new Map<number, Buffer>();
  readonly trailer: PdfDict;
  /** Where the newest cross-reference section starts: the /Prev of an update appended to this file. */
  readonly startxref: number;

  constructor(readonly bytes: Buffer) {
    // A truncated or empty buffer must never replace a good PDF on disk.
    const head = bytes.toString('latin1', 0, 5) === '%PDF-';
    const tail = bytes.toString('latin1', Math.max(0, bytes.length - 1024));
    const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(tail);
    if (!head || !start)
      throw new RenderError(
        `the PDF is incomplete (${bytes.length} bytes, ${head ? 'no startxref and %%EOF at the end' : 'no %PDF- header'})`,
      );
    this.startxref = Number(start[1]);
    const trailers: PdfDict[] = [];
    const seen = new Set<number>();
    for (let at: number | undefined = this.startxref; at !== undefined;) {
      if (seen.has(at) || seen.size > 1000) throw cannotRead('its cross-reference sections loop');
      seen.add(at);
      const trailer = this.readSection(at);
      trailers.push(trailer);
      if (trailer.get('XRefStm') !== undefined)
        throw cannotRead('it has a cross-reference stream (a hybrid file), which this reader does not read');
      const prev = trailer.get('Prev');
      at = typeof prev === 'number' ? prev : undefined;
    }
    this.trailer = trailers[0]!;
  }

  /** One cross-reference table and its trailer; entries already set by a newer section win. */
  private readSection(at: number): PdfDict {
    const lex = new PdfLexer(this.bytes, at);
    const word = lex.peekWord();
    if (/^\d+$/.test(word)) {
      const object = safely(() => lex.indirectObject());
      const type = object?.value instanceof PdfStream ? object.value.dict.name('Type') : undefined;
      if (type === 'XRef')
        throw cannotRead(
          'it has a cross-reference stream and object streams (PDF 1.5 compression), which this reader does not read',
        );
    }
    if (word !== 'xref')
      throw cannotRead(`its cross-reference table is not at byte ${at}, where startxref or /Prev points`);
    lex.word();
    for (;;) {
      if (lex.peekWord() === 'trailer') break;
      const first = lex.integer();
      const count = lex.integer();
      if (count > 10_000_000) throw cannotRead('a cross-reference section too large');
      lex.skipSpace();
      for (let i = 0; i < count; i++) {
        // Each entry is 20 bytes: 10-digit offset, 5-digit generation, n or f, end of line.
        const entry = this.bytes.toString('latin1', lex.pos, lex.pos + 18);
        const m = /^(\d{10}) (\d{5}) ([nf])/.exec(entry);
        if (!m) throw cannotRead(`a broken cross-reference entry at byte ${lex.pos}`);
        const num = first + i;
        if (!this.offsets.has(num)) this.offsets.set(num, m[3] === 'n' ? Number(m[1]) : -1);
        lex.pos += 18;
        lex.skipSpace();
      }
    }
    lex.word();
    const trailer = lex.value();
    if (!(trailer instanceof PdfDict))
      throw cannotRead(`no trailer dictionary after the cross-reference table at byte ${at}`);
    return trailer;
  }

  /** The numbers of the objects in use, in the order they stand in the file. */
  objectNumbers(): number[] {
    return [...this.offsets]
      .filter(([, at]) => at >= 0)
      .sort((a, b) => a[1] - b[1])
      .map(([num]) => num);
  }

  /** The highest object number plus one: where an update's new objects start. */
  get size(): number {
    const size = this.trailer.get('Size');
    let highest = typeof size === 'number' ? size : 0;
    for (const num of this.offsets.keys()) highest = Math.max(highest, num + 1);
    return highest;
  }

  /** An indirect object's value (a stream object gives its PdfStream). */
  object(num: number): PdfValue | PdfStream {
    const cached = this.cache.get(num);
    if (cached !== undefined) return cached;
    const at = this.offsets.get(num);
    if (at === undefined) throw cannotRead(`object ${num} is not in the cross-reference table (an object stream?)`);
    // A free object reads as null (PDF 32000-1, 7.3.10).
    if (at < 0) return null;
    const lex = new PdfLexer(this.bytes, at);
    const object = lex.indirectObject();
    if (object.num !== num)
      throw cannotRead(`the cross-reference table puts object ${num} at byte ${at}, where object ${object.num} stands`);
    if (object.value instanceof PdfStream && object.value.dict.name('Type') === 'ObjStm')
      throw cannotRead(`object ${num} is an object stream (PDF 1.5 compression), which this reader does not read`);
    this.cache.set(num, object.value);
    return object.value;
  }

  /** A value with references followed (a chain of them, as far as a value). */
  resolve(value: PdfValue | PdfStream | undefined): PdfValue | PdfStream | undefined {
    for (let hops = 0; value instanceof PdfRef; hops++) {
      if (hops > 32) throw cannotRead('a reference that refers to itself');
      value = this.object(value.num);
    }
    return value;
  }

  /** The entry of a dictionary when it is (or refers to) a dictionary. */
  dict(value: PdfValue | PdfStream | undefined): PdfDict | undefined {
    const resolved = this.resolve(value);
    return resolved instanceof PdfDict ? resolved : resolved instanceof PdfStream ? resolved.dict : undefined;
  }

  /** The entry when it is (or refers to) an array. */
  array(value: PdfValue | PdfStream | undefined): readonly PdfValue[] | undefined {
    const resolved = this.resolve(value);
    return Array.isArray(resolved) ? resolved : undefined;
  }

  number(value: PdfValue | PdfStream | undefined): number | undefined {
    const resolved = this.resolve(value);
    return typeof resolved === 'number' ? resolved : undefined;
  }

  /** The catalog (the trailer's /Root). */
  catalog(): PdfDict {
    const catalog = this.dict(this.trailer.get('Root'));
    if (!catalog || catalog.name('Type') !== 'Catalog') throw cannotRead('the trailer names no catalog');
    return catalog;
  }

  /** A stream's raw bytes, as written (for copying, never for reading). */
  rawStream(stream: PdfStream): Buffer {
    const length = this.number(stream.dict.get('Length'));
    if (length === undefined || length < 0 || stream.dataStart + length > this.bytes.length)
      throw cannotRead(`a stream at byte ${stream.dataStart} with no usable /Length`);
    return this.bytes.subarray(stream.dataStart, stream.dataStart + length);
  }

  /** The decoded data of a stream: unfiltered or Flate, the only filters Chromium writes for text and drawing. */
  streamData(ref: PdfValue | undefined): Buffer {
    const num = ref instanceof PdfRef ? ref.num : undefined;
    const known = num === undefined ? undefined : this.decoded.get(num);
    if (known) return known;
    const stream = this.resolve(ref);
    if (!(stream instanceof PdfStream))
      throw cannotRead(`${num === undefined ? 'a value' : `object ${num}`} should be a stream and is not`);
    const filters = this.resolve(stream.dict.get('Filter'));
    const names = filters === undefined ? [] : Array.isArray(filters) ? filters : [filters];
    let data = this.rawStream(stream);
    for (const filter of names) {
      const name = filter instanceof PdfName ? filter.name : String(filter);
      if (name !== 'FlateDecode')
        throw cannotRead(`a stream (object ${num ?? '?'}) uses the /${name} filter, which this reader does not decode`);
      if (stream.dict.get('DecodeParms') !== undefined)
        throw cannotRead(`a stream (object ${num ?? '?'}) has decode parameters, which this reader does not apply`);
      try {
        data = inflateSync(data);
      } catch (error) {
        throw new RenderError(
          `the PDF cannot be read: a stream (object ${num ?? '?'}) does not inflate (${(error as Error).message})`,
          { cause: error },
        );
      }
    }
    if (num !== undefined) this.decoded.set(num, data);
    return data;
  }
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
