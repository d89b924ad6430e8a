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

export type Matrix = [number, number, number, number, number, number];

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

const identity: Matrix = [1, 0, 0, 1, 0, 0];
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
  const drawing = { ink: [] as InkBox[], shows: [] as TextShow[], scale: undefined as number | undefined };
  runContent(content, resources, identity, drawing, 0);
  return drawing;
}

function runContent(
  content: Uint8Array,
  resources: DrawingResources,
  base: Matrix,
  drawing: { ink: InkBox[]; shows: TextShow[]; scale: number | undefined },
  depth: number,
): void {
  const boxes = drawing.ink;
  const stack: GraphicsState[] = [];
  let gs: GraphicsState = { ctm: base, fillWhite: false, strokeWhite: false };
  // The text line matrix (the text matrix is the same: glyph advances are not followed).
  let ta = 1;
  let tb = 0;
  let tc = 0;
  let td = 1;
  let te = 0;
  let tf = 0;
  const setLine = (m: Matrix): void => {
    [ta, tb, tc, td, te, tf] = m;
  };
  let fontSize = 0;
  let font: number | undefined;
  let leading = 0;
  // The bounding box of the path being built, in page space (only its box is ever needed).
  let [px0, py0, px1, py1] = [Infinity, Infinity, -Infinity, -Infinity];
  const resetPath = (): void => {
    [px0, py0, px1, py1] = [Infinity, Infinity, -Infinity, -Infinity];
  };
  const operands = new Operands();
  const num = (i: number): number => operands.last(i);
  // White in RGB (the last three operands) or gray (the last one): the page's own background.
  const whiteRgb = (): boolean => num(1) >= 0.98 && num(2) >= 0.98 && num(3) >= 0.98;
  const whiteGray = (): boolean => num(1) >= 0.98;
  // CMYK with no ink in any channel.
  const noInk = (): boolean => num(1) <= 0.02 && num(2) <= 0.02 && num(3) <= 0.02 && num(4) <= 0.02;
  const addPoint = (x: number, y: number): void => {
    const m = gs.ctm;
    const [X, Y] = [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
    if (X < px0) px0 = X;
    if (X > px1) px1 = X;
    if (Y < py0) py0 = Y;
    if (Y > py1) py1 = Y;
  };
  const painted = (): void => {
    drawing.scale ??= Math.hypot(gs.ctm[0], gs.ctm[1]);
  };
  let run: { kind: 'text'; x0: number; x1: number; y0: number; y1: number } | undefined;
  let runIndex = -1;
  const showText = (): void => {
    painted();
    const m = gs.ctm;
    const x = te * m[0] + tf * m[2] + m[4];
    const y = te * m[1] + tf * m[3] + m[5];
    const strings = operandStringBounds(operands);
    // The glyphs' height on the page: the font size scaled by the text and graphics matrices.
    const h = Math.hypot(tc * m[0] + td * m[2], tc * m[1] + td * m[3]) * fontSize;
    if (!(h > 0)) {
      drawing.shows.push(new TextShow(font, content, strings, x, y, -1));
      return;
    }
    const [y0, y1] = [y - 0.25 * h, y + 0.8 * h];
    // The next glyph of a word or line (within two font sizes): the header's title and its
    // date, on one line at the two ends of the page, stay two runs.
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
      run = { kind: 'text', x0: x, x1: x, y0, y1 };
      runIndex = boxes.push(run) - 1;
    }
    drawing.shows.push(new TextShow(font, content, strings, x, y, runIndex));
  };
  const paint = (isWhite: boolean): void => {
    painted();
    if (px0 <= px1 && !isWhite) {
      boxes.push({ kind: 'path', x0: px0, y0: py0, x1: px1, y1: py1 });
      run = undefined;
    }
    resetPath();
  };
  const newLine = (tx: number, ty: number): void => {
    // [1 0 0 1 tx ty] × the line matrix.
    const e = tx * ta + ty * tc + te;
    tf = tx * tb + ty * td + tf;
    te = e;
  };
  const matrixOperands = (): Matrix => [num(6), num(5), num(4), num(3), num(2), num(1)];
  const drawObject = (): void => {
    painted();
    const name = operandName(content, operands);
    const form = name === undefined ? undefined : resources.form(name);
    if (form && depth < maxFormDepth) {
      runContent(form.content, form.resources, multiply(form.matrix, gs.ctm), drawing, depth + 1);
    } else {
      const [[ax, ay], [bx, by]] = [apply(gs.ctm, 0, 0), apply(gs.ctm, 1, 1)];
      boxes.push({
        kind: 'image',
        x0: Math.min(ax, bx),
        x1: Math.max(ax, bx),
        y0: Math.min(ay, by),
        y1: Math.max(ay, by),
      });
    }
    run = undefined;
  };

  // One handler per operator id (see content-tokens.ts): an array lookup, not a chain of comparisons.
  const handlers: (() => void)[] = [];
  const on = (names: string, handler: () => void): void => {
    for (const name of names.split(' ')) handlers[op[name]!] = handler;
  };
  // The state is changed in place; q saves a copy of it, Q takes the copy back.
  on('q', () => stack.push({ ...gs }));
  on('Q', () => (gs = stack.pop() ?? gs));
  on('cm', () => (gs.ctm = multiply(matrixOperands(), gs.ctm)));
  on('rg', () => (gs.fillWhite = whiteRgb()));
  on('RG', () => (gs.strokeWhite = whiteRgb()));
  on('g', () => (gs.fillWhite = whiteGray()));
  on('G', () => (gs.strokeWhite = whiteGray()));
  on('k', () => (gs.fillWhite = noInk()));
  on('K', () => (gs.strokeWhite = noInk()));
  on('sc scn cs', () => (gs.fillWhite = false));
  on('SC SCN CS', () => (gs.strokeWhite = false));
  on('BT', () => setLine(identity));
  on('Tf', () => {
    fontSize = num(1);
    const name = operandName(content, operands);
    font = name === undefined ? undefined : resources.font(name);
  });
  on('TL', () => (leading = num(1)));
  on('Tm', () => setLine(matrixOperands()));
  on('Td', () => newLine(num(2), num(1)));
  on('TD', () => {
    leading = -num(1);
    newLine(num(2), num(1));
  });
  on('T*', () => newLine(0, -leading));
  on('Tj TJ', showText);
  on(`' "`, () => {
    newLine(0, -leading);
    showText();
  });
  on('m l c v y', () => addPoint(num(2), num(1)));
  on('re', () => {
    const [x, y, w, h] = [num(4), num(3), num(2), num(1)];
    addPoint(x, y);
    addPoint(x + w, y + h);
  });
  on('f F f*', () => paint(gs.fillWhite));
  on('S s', () => paint(gs.strokeWhite));
  on('B B* b b*', () => paint(gs.fillWhite && gs.strokeWhite));
  on('n', resetPath);
  on('Do', drawObject);
  readContent(content, operands, (id) => {
    // Never stops early: a handler's value (an assignment's) is not an answer.
    handlers[id]?.();
  });
}

/** a × b, for PDF's row-vector matrices [a b c d e f]. */
function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[1] * b[2],
    a[0] * b[1] + a[1] * b[3],
    a[2] * b[0] + a[3] * b[2],
    a[2] * b[1] + a[3] * b[3],
    a[4] * b[0] + a[5] * b[2] + b[4],
    a[4] * b[1] + a[5] * b[3] + b[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5]];
}
