/** A box on the page, in PDF user space (points, y upwards), holding something a reader sees. */
export interface InkBox {
  readonly kind: 'text' | 'path' | 'image';
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

type Matrix = [number, number, number, number, number, number];
type Operand = number | string | Operand[];

interface GraphicsState {
  ctm: Matrix;
  /** Whether fills and strokes are in white: a page's background, not ink. */
  fillWhite: boolean;
  strokeWhite: boolean;
}

const identity: Matrix = [1, 0, 0, 1, 0, 0];

/**
 * Where a page's content stream puts ink: each run of text, each painted path and each image,
 * as a box in page space. It runs the content stream's operators (graphics state, text
 * positioning, path construction and painting) without drawing, so the preflight can ask what
 * a printed page holds at its top, at its foot and under a heading. Text boxes span the line
 * (from the descender to the ascender of the font size); their horizontal extent is the run's
 * start only, as glyph widths would need the fonts. White fills (the page's own background)
 * are not ink.
 */
export function pageInk(content: Uint8Array): InkBox[] {
  const boxes: InkBox[] = [];
  const stack: GraphicsState[] = [];
  let gs: GraphicsState = { ctm: identity, fillWhite: false, strokeWhite: false };
  let tm: Matrix = identity;
  let tlm: Matrix = identity;
  let fontSize = 0;
  let leading = 0;
  let path: [number, number][] = [];
  const operands = new Operands();
  const num = (i: number): number => operands.last(i);
  const white = (...channels: number[]): boolean => channels.every((c) => num(c) >= 0.98);
  const addPoint = (x: number, y: number): void => {
    path.push(apply(gs.ctm, x, y));
  };
  const showText = (): void => {
    const m = multiply(tm, gs.ctm);
    const [x, y] = apply(m, 0, 0);
    // The glyphs' height on the page: the font size scaled by the text and graphics matrices.
    const h = Math.hypot(m[2], m[3]) * fontSize;
    if (h > 0) boxes.push({ kind: 'text', x0: x, x1: x, y0: y - 0.25 * h, y1: y + 0.8 * h });
  };
  const paint = (isWhite: boolean): void => {
    if (path.length > 0 && !isWhite) {
      let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of path) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
      boxes.push({ kind: 'path', x0, y0, x1, y1 });
    }
    path = [];
  };
  const newLine = (tx: number, ty: number): void => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };
  const matrixOperands = (): Matrix => [num(6), num(5), num(4), num(3), num(2), num(1)];

  readContent(content, operands, (op) => {
    switch (op) {
      case 'q': stack.push(gs); break;
      case 'Q': gs = stack.pop() ?? gs; break;
      case 'cm': gs = { ...gs, ctm: multiply(matrixOperands(), gs.ctm) }; break;
      case 'rg': gs = { ...gs, fillWhite: white(1, 2, 3) }; break;
      case 'RG': gs = { ...gs, strokeWhite: white(1, 2, 3) }; break;
      case 'g': gs = { ...gs, fillWhite: white(1) }; break;
      case 'G': gs = { ...gs, strokeWhite: white(1) }; break;
      case 'k': gs = { ...gs, fillWhite: [1, 2, 3, 4].every((i) => num(i) <= 0.02) }; break;
      case 'K': gs = { ...gs, strokeWhite: [1, 2, 3, 4].every((i) => num(i) <= 0.02) }; break;
      case 'sc': case 'scn': case 'cs': gs = { ...gs, fillWhite: false }; break;
      case 'SC': case 'SCN': case 'CS': gs = { ...gs, strokeWhite: false }; break;
      case 'BT': tm = identity; tlm = identity; break;
      case 'Tf': fontSize = num(1); break;
      case 'TL': leading = num(1); break;
      case 'Tm': tlm = matrixOperands(); tm = tlm; break;
      case 'Td': newLine(num(2), num(1)); break;
      case 'TD': leading = -num(1); newLine(num(2), num(1)); break;
      case 'T*': newLine(0, -leading); break;
      case 'Tj': case 'TJ': showText(); break;
      case "'": case '"': newLine(0, -leading); showText(); break;
      case 'm': case 'l': case 'c': case 'v': case 'y': addPoint(num(2), num(1)); break;
      case 're': {
        const [x, y, w, h] = [num(4), num(3), num(2), num(1)];
        addPoint(x, y);
        addPoint(x + w, y + h);
        break;
      }
      case 'f': case 'F': case 'f*': paint(gs.fillWhite); break;
      case 'S': case 's': paint(gs.strokeWhite); break;
      case 'B': case 'B*': case 'b': case 'b*': paint(gs.fillWhite && gs.strokeWhite); break;
      case 'n': path = []; break;
      case 'Do': {
        const [[ax, ay], [bx, by]] = [apply(gs.ctm, 0, 0), apply(gs.ctm, 1, 1)];
        boxes.push({ kind: 'image', x0: Math.min(ax, bx), x1: Math.max(ax, bx), y0: Math.min(ay, by), y1: Math.max(ay, by) });
        break;
      }
      default: break;
    }
  });
  return boxes;
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

/** The operands before an operator: numbers as such, anything else (names, strings, arrays) as NaN. */
class Operands {
  private readonly values: number[] = [];
  push(value: number): void {
    this.values.push(value);
  }
  /** The i-th operand from the end (1 is the last), 0 when missing or not a number. */
  last(i: number): number {
    const v = this.values[this.values.length - i];
    return v === undefined || Number.isNaN(v) ? 0 : v;
  }
  clear(): void {
    this.values.length = 0;
  }
}

const isWhite = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;
const isDelimiter = (c: number): boolean => c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;

/**
 * Reads a content stream's tokens (PDF 32000-1, 7.2 and 7.8.2) and calls `operator` with each
 * operator, its operands in `operands`. Strings, names, arrays and inline dictionaries are
 * skipped as whole tokens (a `]` or `)` inside a string does not end anything). It works on the
 * stream as a latin1 string, one character per byte, with no token objects: a page of a long
 * report holds tens of thousands of tokens.
 */
function readContent(content: Uint8Array, operands: Operands, operator: (op: string) => void): void {
  const data = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('latin1');
  const n = data.length;
  let arrayDepth = 0;
  let i = 0;
  while (i < n) {
    const c = data.charCodeAt(i);
    if (isWhite(c)) {
      i++;
    } else if (c === 0x25 /* % */) {
      while (i < n && data.charCodeAt(i) !== 0x0a && data.charCodeAt(i) !== 0x0d) i++;
    } else if (c === 0x28 /* ( */) {
      let depth = 0;
      for (; i < n; i++) {
        const d = data.charCodeAt(i);
        if (d === 0x5c) i++;
        else if (d === 0x28) depth++;
        else if (d === 0x29 && --depth === 0) break;
      }
      i++;
      if (arrayDepth === 0) operands.push(NaN);
    } else if (c === 0x3c /* < */ && data.charCodeAt(i + 1) !== 0x3c) {
      const end = data.indexOf('>', i);
      i = end < 0 ? n : end + 1;
      if (arrayDepth === 0) operands.push(NaN);
    } else if (c === 0x5b /* [ */) {
      arrayDepth++;
      i++;
    } else if (c === 0x5d /* ] */) {
      arrayDepth = Math.max(0, arrayDepth - 1);
      i++;
      if (arrayDepth === 0) operands.push(NaN);
    } else {
      const start = i;
      i++;
      while (i < n && !isWhite(data.charCodeAt(i)) && !isDelimiter(data.charCodeAt(i))) i++;
      // `<<` and `>>` (inline dictionaries, as in BDC's properties) are operands.
      if ((c === 0x3c || c === 0x3e) && data.charCodeAt(i) === c) i++;
      if (arrayDepth > 0) continue;
      const numeric = (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e;
      if (numeric || c === 0x2f || c === 0x3c || c === 0x3e) {
        operands.push(numeric ? Number(data.slice(start, i)) : NaN);
        continue;
      }
      const word = data.slice(start, i);
      if (word === 'BI') {
        // An inline image: its data is binary up to `EI`; Chromium does not write them.
        const end = data.indexOf('EI', i);
        i = end < 0 ? n : end + 2;
      } else if (word !== 'true' && word !== 'false' && word !== 'null') {
        operator(word);
      } else {
        operands.push(NaN);
        continue;
      }
      operands.clear();
    }
  }
}
