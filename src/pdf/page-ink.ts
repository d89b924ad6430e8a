import { apply, identity, multiply } from './pdf-matrix.js';
import type { Matrix } from './pdf-matrix.js';
import { op, operandName, operandStringBounds, Operands, readContent, readStrings } from './content-tokens.js';

/** A box on the page, in PDF user space (points, y upwards), holding something a reader sees. */
export interface InkBox {
  readonly kind: 'text' | 'path' | 'image';
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** One text-showing operator: the font it used (its object number) and the codes it showed. */
export class TextShow {
  private decoded: readonly Buffer[] | undefined;
  constructor(
    readonly font: number | undefined,
    private readonly content: Uint8Array,
    private readonly bounds: Int32Array,
    /** Where it starts on the page. */
    readonly x: number,
    readonly y: number,
    /** The text box (an index into the page's ink) it belongs to: the pieces of one line of one column share it. */
    readonly box: number,
  ) {}

  /** The strings of a Tj, or of a TJ in order: character codes in the font's encoding (read when first asked for). */
  get strings(): readonly Buffer[] {
    this.decoded ??= readStrings(this.content, this.bounds);
    return this.decoded;
  }
}

/** What a content stream's names refer to: fonts by object number, and forms to draw in place. */
export interface DrawingResources {
  font(name: string): number | undefined;
  form(
    name: string,
  ): { readonly content: Uint8Array; readonly matrix: Matrix; readonly resources: DrawingResources } | undefined;
}

export interface PageDrawing {
  readonly ink: readonly InkBox[];
  readonly shows: readonly TextShow[];
  /**
   * How many points a CSS pixel takes on this page, from the transformation in force when the
   * page first paints anything: 0.75 (72 points to 96 pixels) as Chromium prints at 100%, less
   * when it shrank the page to fit content wider than the sheet. Undefined on a blank page.
   */
  readonly scale: number | undefined;
}

interface GraphicsState {
  ctm: Matrix;
  /** Whether fills and strokes are in white: a page's background, not ink. */
  fillWhite: boolean;
  strokeWhite: boolean;
}

/** Forms inside forms: Chromium nests a few; more is a loop or a hostile file. */
const maxFormDepth = 8;

/**
 * Where a page's content stream puts ink: each run of text, each painted path and each image,
 * as a box in page space, with the text each run shows. It runs the content stream's operators
 * (graphics state, text positioning, path construction and painting, forms drawn in place)
 * without drawing, so the preflight can ask what a printed page holds at its top, at its foot
 * and under a heading, and which glyphs it shows. Text boxes span the line (from the descender
 * to the ascender of the font size), from the first glyph's start to the last one's (glyph
 * widths would need the fonts); glyphs shown one after another on one line close together make
 * one box. White fills (the page's own background) are not ink.
 */
export function drawPage(content: Uint8Array, resources: DrawingResources): PageDrawing {
  const drawing: Drawing = { ink: [], shows: [], scale: undefined };
  runContent(content, resources, [...identity], drawing, 0);
  return drawing;
}

type Drawing = { ink: InkBox[]; shows: TextShow[]; scale: number | undefined };

function runContent(
  content: Uint8Array,
  resources: DrawingResources,
  base: Matrix,
  drawing: Drawing,
  depth: number,
): void {
  new ContentRun(content, resources, base, drawing, depth).run();
}

/**
 * One content stream being run: the graphics and text state its operators change, the path
 * being built, and the text run glyphs are added to.
 */
class ContentRun {
  private readonly stack: GraphicsState[] = [];
  private gs: GraphicsState;
  // The text line matrix (the text matrix is the same: glyph advances are not followed).
  private line: Matrix = [...identity];
  private fontSize = 0;
  private font: number | undefined;
  private leading = 0;
  // The bounding box of the path being built, in page space (only its box is ever needed).
  private path: [x0: number, y0: number, x1: number, y1: number] = [Infinity, Infinity, -Infinity, -Infinity];
  private readonly operands = new Operands();
  private textRun: { kind: 'text'; x0: number; x1: number; y0: number; y1: number } | undefined;
  private runIndex = -1;

  constructor(
    private readonly content: Uint8Array,
    private readonly resources: DrawingResources,
    base: Matrix,
    private readonly drawing: Drawing,
    private readonly depth: number,
  ) {
    this.gs = { ctm: base, fillWhite: false, strokeWhite: false };
  }

  run(): void {
    const handlers = this.handlers();
    readContent(this.content, this.operands, (id) => {
      // Never stops early: a handler's value (an assignment's) is not an answer.
      handlers[id]?.();
    });
  }

  private num(i: number): number {
    return this.operands.last(i);
  }

  // White in RGB (the last three operands) or gray (the last one): the page's own background.
  private whiteRgb(): boolean {
    return this.num(1) >= 0.98 && this.num(2) >= 0.98 && this.num(3) >= 0.98;
  }

  private whiteGray(): boolean {
    return this.num(1) >= 0.98;
  }

  // CMYK with no ink in any channel.
  private noInk(): boolean {
    return this.num(1) <= 0.02 && this.num(2) <= 0.02 && this.num(3) <= 0.02 && this.num(4) <= 0.02;
  }

  private matrixOperands(): Matrix {
    return [this.num(6), this.num(5), this.num(4), this.num(3), this.num(2), this.num(1)];
  }

  private addPoint(x: number, y: number): void {
    const [X, Y] = apply(this.gs.ctm, x, y);
    const p = this.path;
    if (X < p[0]) p[0] = X;
    if (X > p[2]) p[2] = X;
    if (Y < p[1]) p[1] = Y;
    if (Y > p[3]) p[3] = Y;
  }

  private resetPath(): void {
    this.path = [Infinity, Infinity, -Infinity, -Infinity];
  }

  private painted(): void {
    this.drawing.scale ??= Math.hypot(this.gs.ctm[0], this.gs.ctm[1]);
  }

  private showText(): void {
    this.painted();
    const m = this.gs.ctm;
    const [, , tc, td, te, tf] = this.line;
    const x = te * m[0] + tf * m[2] + m[4];
    const y = te * m[1] + tf * m[3] + m[5];
    const strings = operandStringBounds(this.operands);
    // The glyphs' height on the page: the font size scaled by the text and graphics matrices.
    const h = Math.hypot(tc * m[0] + td * m[2], tc * m[1] + td * m[3]) * this.fontSize;
    if (!(h > 0)) {
      this.drawing.shows.push(new TextShow(this.font, this.content, strings, x, y, -1));
      return;
    }
    const [y0, y1] = [y - 0.25 * h, y + 0.8 * h];
    // The next glyph of a word or line (within two font sizes): the header's title and its
    // date, on one line at the two ends of the page, stay two runs.
    const run = this.textRun;
    if (
      run &&
      Math.abs(run.y0 - y0) < 0.01 &&
      Math.abs(run.y1 - y1) < 0.01 &&
      x >= run.x0 - 2 * h &&
      x <= run.x1 + 2 * h
    ) {
      run.x0 = Math.min(run.x0, x);
      run.x1 = Math.max(run.x1, x);
    } else {
      this.textRun = { kind: 'text', x0: x, x1: x, y0, y1 };
      this.runIndex = this.drawing.ink.push(this.textRun) - 1;
    }
    this.drawing.shows.push(new TextShow(this.font, this.content, strings, x, y, this.runIndex));
  }

  private paint(isWhite: boolean): void {
    this.painted();
    const [x0, y0, x1, y1] = this.path;
    if (x0 <= x1 && !isWhite) {
      this.drawing.ink.push({ kind: 'path', x0, y0, x1, y1 });
      this.textRun = undefined;
    }
    this.resetPath();
  }

  private newLine(tx: number, ty: number): void {
    // [1 0 0 1 tx ty] × the line matrix.
    const [ta, tb, tc, td, te, tf] = this.line;
    this.line = [ta, tb, tc, td, tx * ta + ty * tc + te, tx * tb + ty * td + tf];
  }

  private drawObject(): void {
    this.painted();
    const name = operandName(this.content, this.operands);
    const form = name === undefined ? undefined : this.resources.form(name);
    if (form && this.depth < maxFormDepth) {
      runContent(form.content, form.resources, multiply(form.matrix, this.gs.ctm), this.drawing, this.depth + 1);
    } else {
      const [[ax, ay], [bx, by]] = [apply(this.gs.ctm, 0, 0), apply(this.gs.ctm, 1, 1)];
      this.drawing.ink.push({
        kind: 'image',
        x0: Math.min(ax, bx),
        x1: Math.max(ax, bx),
        y0: Math.min(ay, by),
        y1: Math.max(ay, by),
      });
    }
    this.textRun = undefined;
  }

  // One handler per operator id (see content-tokens.ts): an array lookup, not a chain of comparisons.
  private handlers(): (() => void)[] {
    const handlers: (() => void)[] = [];
    const on = (names: string, handler: () => void): void => {
      for (const name of names.split(' ')) handlers[op[name]!] = handler;
    };
    const num = (i: number): number => this.num(i);
    // The state is changed in place; q saves a copy of it, Q takes the copy back.
    on('q', () => this.stack.push({ ...this.gs }));
    on('Q', () => (this.gs = this.stack.pop() ?? this.gs));
    on('cm', () => (this.gs.ctm = multiply(this.matrixOperands(), this.gs.ctm)));
    on('rg', () => (this.gs.fillWhite = this.whiteRgb()));
    on('RG', () => (this.gs.strokeWhite = this.whiteRgb()));
    on('g', () => (this.gs.fillWhite = this.whiteGray()));
    on('G', () => (this.gs.strokeWhite = this.whiteGray()));
    on('k', () => (this.gs.fillWhite = this.noInk()));
    on('K', () => (this.gs.strokeWhite = this.noInk()));
    on('sc scn cs', () => (this.gs.fillWhite = false));
    on('SC SCN CS', () => (this.gs.strokeWhite = false));
    on('BT', () => (this.line = [...identity]));
    on('Tf', () => {
      this.fontSize = num(1);
      const name = operandName(this.content, this.operands);
      this.font = name === undefined ? undefined : this.resources.font(name);
    });
    on('TL', () => (this.leading = num(1)));
    on('Tm', () => (this.line = this.matrixOperands()));
    on('Td', () => this.newLine(num(2), num(1)));
    on('TD', () => {
      this.leading = -num(1);
      this.newLine(num(2), num(1));
    });
    on('T*', () => this.newLine(0, -this.leading));
    on('Tj TJ', () => this.showText());
    on(`' "`, () => {
      this.newLine(0, -this.leading);
      this.showText();
    });
    on('m l c v y', () => this.addPoint(num(2), num(1)));
    on('re', () => {
      const [x, y, w, h] = [num(4), num(3), num(2), num(1)];
      this.addPoint(x, y);
      this.addPoint(x + w, y + h);
    });
    on('f F f*', () => this.paint(this.gs.fillWhite));
    on('S s', () => this.paint(this.gs.strokeWhite));
    on('B B* b b*', () => this.paint(this.gs.fillWhite && this.gs.strokeWhite));
    on('n', () => this.resetPath());
    on('Do', () => this.drawObject());
    return handlers;
  }
}
