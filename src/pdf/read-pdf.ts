import { RenderError } from '../errors.js';
import { drawPage } from './page-ink.js';
import type { DrawingResources, PageDrawing } from './page-ink.js';
import { identity } from './pdf-matrix.js';
import type { Matrix } from './pdf-matrix.js';
import { readActions } from './pdf-actions.js';
import type { PdfAction } from './pdf-actions.js';
import { namedDestinations } from './pdf-destinations.js';
import type { Destination } from './pdf-destinations.js';
import { PdfFile } from './pdf-file.js';
import { readFont } from './pdf-fonts.js';
import type { PdfFont } from './pdf-fonts.js';
import { readOutline } from './pdf-outline.js';
import type { OutlineItem } from './pdf-outline.js';
import { PdfDict, PdfRef, PdfStream } from './pdf-values.js';
import type { PdfValue } from './pdf-values.js';

export interface PdfPage {
  /** 1-based, as the footer counts. */
  readonly number: number;
  readonly object: number;
  readonly dict: PdfDict;
  /** The page's size in points (its /MediaBox). */
  readonly width: number;
  readonly height: number;
  /** What the page draws: ink boxes, text shown, scale (read on first use, once). */
  drawing(): PageDrawing;
}

/** Pages no report reaches; a page tree deeper or larger is not a report's. */
const maxPages = 100_000;

/**
 * A printed PDF, read once: its pages (with their drawing, decoded when first asked for), its
 * bookmarks, named destinations and actions, and its fonts. Printing hands it to finishing and
 * to the preflight, so a build reads Chromium's PDF one time. Whatever cannot be read (see
 * PdfFile), a document with no pages, or a page whose contents do not decode, is a RenderError:
 * the checks never run on a document they only half read.
 */
export class PdfDocument {
  readonly file: PdfFile;
  readonly pages: readonly PdfPage[];
  /** The page number of each page object. */
  readonly pageNumbers: ReadonlyMap<number, number>;
  readonly namedDestinations: ReadonlyMap<string, Destination>;
  readonly outline: readonly OutlineItem[];
  private actionList: PdfAction[] | undefined;
  private readonly fonts = new Map<number, PdfFont>();

  constructor(bytes: Uint8Array) {
    this.file = new PdfFile(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    this.pages = this.readPages();
    this.pageNumbers = new Map(this.pages.map((p) => [p.object, p.number]));
    this.namedDestinations = namedDestinations(this.file, this.pageNumbers);
    this.outline = readOutline(this.file, this.namedDestinations, this.pageNumbers);
  }

  get bytes(): Buffer {
    return this.file.bytes;
  }

  /** Every action in the document (see pdf-actions.ts), read on first use. */
  actions(): readonly PdfAction[] {
    this.actionList ??= readActions(this.file, this.pages, this.outline);
    return this.actionList;
  }

  /** A font by its object number, read once. */
  font(num: number): PdfFont {
    let font = this.fonts.get(num);
    if (!font) {
      font = readFont(this.file, num);
      this.fonts.set(num, font);
    }
    return font;
  }

  /** Page objects in document order, walking the page tree's /Kids depth first; /MediaBox and /Resources inherit. */
  private readPages(): PdfPage[] {
    const pages: PdfPage[] = [];
    const seen = new Set<number>();
    const root = this.file.catalog().get('Pages');
    const visit = (
      ref: PdfValue | undefined,
      inherited: { box?: PdfValue; resources?: PdfValue },
      depth: number,
    ): void => {
      if (!(ref instanceof PdfRef)) throw cannotRead('its page tree holds something other than page objects');
      if (seen.has(ref.num) || depth > 32 || pages.length >= maxPages)
        throw cannotRead('its page tree loops or is too deep');
      seen.add(ref.num);
      const dict = this.file.dict(ref);
      if (!dict) throw cannotRead(`page tree object ${ref.num} is not a dictionary`);
      const here = {
        box: dict.get('MediaBox') ?? inherited.box,
        resources: dict.get('Resources') ?? inherited.resources,
      };
      const type = dict.name('Type');
      if (type === 'Pages') {
        for (const kid of this.file.array(dict.get('Kids')) ?? []) visit(kid, here, depth + 1);
      } else if (type === 'Page') {
        pages.push(this.page(ref.num, dict, here.box, here.resources, pages.length + 1));
      } else {
        throw cannotRead(`object ${ref.num} in the page tree is neither a page nor a page tree node`);
      }
    };
    visit(root, {}, 0);
    if (pages.length === 0) throw cannotRead('it has no pages');
    const count = this.file.number(this.file.dict(root)?.get('Count'));
    if (count !== pages.length)
      throw cannotRead(`its page tree counts ${count ?? 'no'} pages and holds ${pages.length}`);
    return pages;
  }

  private page(
    object: number,
    dict: PdfDict,
    box: PdfValue | undefined,
    resources: PdfValue | undefined,
    number: number,
  ): PdfPage {
    const corners = (this.file.array(box) ?? []).map((v) => this.file.number(v));
    if (corners.length !== 4 || corners.some((c) => c === undefined))
      throw cannotRead(`page ${number} has no usable /MediaBox`);
    const [x0, y0, x1, y1] = corners as number[];
    let drawing: PageDrawing | undefined;
    return {
      number,
      object,
      dict,
      width: Math.abs(x1! - x0!),
      height: Math.abs(y1! - y0!),
      drawing: () => {
        drawing ??= drawPage(this.contents(dict.get('Contents')), this.resources(resources, 0));
        return drawing;
      },
    };
  }

  /** A page's content: one stream, or an array of streams joined (each ends a token). */
  private contents(value: PdfValue | undefined): Buffer {
    if (value === undefined) return Buffer.alloc(0);
    const list = Array.isArray(this.file.resolve(value)) ? this.file.array(value)! : [value];
    return Buffer.concat(list.flatMap((ref) => [this.file.streamData(ref), Buffer.from('\n')]));
  }

  private resources(value: PdfValue | undefined, depth: number): DrawingResources {
    const dict = this.file.dict(value);
    const fonts = this.file.dict(dict?.get('Font'));
    const objects = this.file.dict(dict?.get('XObject'));
    return {
      font: (name) => {
        const ref = fonts?.get(name);
        return ref instanceof PdfRef ? ref.num : undefined;
      },
      form: (name) => {
        const ref = objects?.get(name);
        const stream = this.file.resolve(ref);
        if (!(stream instanceof PdfStream) || stream.dict.name('Subtype') !== 'Form' || depth > 8) return undefined;
        const matrix = (this.file.array(stream.dict.get('Matrix')) ?? [...identity]).map(
          (v) => this.file.number(v) ?? 0,
        );
        return {
          content: this.file.streamData(ref),
          matrix: (matrix.length === 6 ? matrix : [...identity]) as Matrix,
          resources: this.resources(stream.dict.get('Resources') ?? value, depth + 1),
        };
      },
    };
  }
}

function cannotRead(what: string): RenderError {
  return new RenderError(`the PDF cannot be read: ${what}`);
}

/** Reads a printed PDF (see PdfDocument). */
export function readPdf(bytes: Uint8Array): PdfDocument {
  return new PdfDocument(bytes);
}
