import { inflateSync } from 'node:zlib';

/**
 * A reader for the PDFs Chromium writes (Skia's writer): every object is written plainly as
 * `N 0 obj <<...>> endobj`, never inside an object stream, and page contents are one Flate
 * stream each. Enough to find pages, named destinations, bookmarks and page contents without
 * loading a whole PDF library into every build (pdf-lib takes a quarter of a second to load the
 * sample's PDF; this takes a few milliseconds). Objects are found once; an object written again
 * by an incremental update (finish-pdf.ts) is read at its last definition, as a PDF reader does.
 */
export class PdfObjects {
  private readonly starts = new Map<number, number>();

  constructor(readonly text: string) {
    for (const m of text.matchAll(/(?:^|\n)(\d+) 0 obj\n(?=<<)/g)) this.starts.set(Number(m[1]), m.index + m[0].length);
  }

  static from(bytes: Uint8Array): PdfObjects {
    return new PdfObjects(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  }

  /** The object's dictionary, `<<...>>`, or undefined. */
  dict(object: number): string | undefined {
    const at = this.starts.get(object);
    if (at === undefined) return undefined;
    const end = dictionaryEnd(this.text, at);
    return end < 0 ? undefined : this.text.slice(at, end);
  }

  /** The decoded data of a stream object (Flate or unfiltered), or undefined. */
  stream(object: number): Buffer | undefined {
    const at = this.starts.get(object);
    const dict = this.dict(object);
    if (at === undefined || dict === undefined) return undefined;
    const length = Number(/\/Length (\d+)(?! \d+ R)/.exec(dict)?.[1]);
    const open = /^\s*stream\r?\n/.exec(this.text.slice(at + dict.length, at + dict.length + 16));
    if (!open || !Number.isFinite(length)) return undefined;
    const start = at + dict.length + open[0].length;
    const raw = Buffer.from(this.text.slice(start, start + length), 'latin1');
    const filter = /\/Filter\s*\/(\w+)/.exec(dict)?.[1];
    if (filter === undefined) return raw;
    if (filter !== 'FlateDecode') return undefined;
    try {
      return inflateSync(raw);
    } catch {
      return undefined;
    }
  }

  /** The catalog's dictionary (the last /Root named, as an update may name a new one). */
  catalog(): string | undefined {
    let root: string | undefined;
    for (const m of this.text.matchAll(/\/Root (\d+) 0 R/g)) root = m[1];
    return root === undefined ? undefined : this.dict(Number(root));
  }

  /** Page objects in document order, walking the page tree's /Kids depth first. */
  pages(): number[] {
    const tree = ref(this.catalog() ?? '', 'Pages');
    return tree === undefined ? [] : this.pageObjects(tree, 0, new Set());
  }

  private pageObjects(node: number, depth: number, seen: Set<number>): number[] {
    if (depth > 32 || seen.has(node)) return [];
    seen.add(node);
    const dict = this.dict(node);
    if (!dict) return [];
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1];
    if (!/\/Type\s*\/Pages\b/.test(dict) || kids === undefined) return [node];
    return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((k) => this.pageObjects(Number(k[1]), depth + 1, seen));
  }
}

/** The object number a dictionary entry refers to: `/Key 12 0 R`. */
export function ref(dict: string, key: string): number | undefined {
  const m = new RegExp(`/${key} (\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : undefined;
}

/** Numbers of an array entry: `/MediaBox [0 0 595 842]`. */
export function numbers(dict: string, key: string): number[] {
  const body = new RegExp(`/${key}\\s*\\[([^\\]]*)\\]`).exec(dict)?.[1];
  return body === undefined ? [] : body.trim().split(/\s+/).map(Number);
}

/** Where the dictionary that opens at `at` closes, counting nested `<<` `>>` and skipping strings. */
function dictionaryEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '(') {
      i = stringEnd(text, i);
    } else if (c === '<' && text[i + 1] === '<') {
      depth++;
      i++;
    } else if (c === '<') {
      // A hex string: its `>` is not half of a `>>`.
      i = text.indexOf('>', i);
      if (i < 0) return -1;
    } else if (c === '>' && text[i + 1] === '>') {
      depth--;
      i++;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The index of the `)` that closes a literal string opened at `at` (nesting and escapes). */
function stringEnd(text: string, at: number): number {
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return text.length;
}
