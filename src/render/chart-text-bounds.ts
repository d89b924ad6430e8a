/**
 * Records where a chart's text lands while Chart.js draws it: every fillText, its box from the
 * fonts' measured extents, through the canvas transform (rotated ticks included). Text whose box
 * leaves the image is cut off in the report; the renderer names it in a warning, so a chart that
 * says nothing shows every label whole.
 */
interface Context2D {
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  measureText(text: string): {
    actualBoundingBoxLeft: number;
    actualBoundingBoxRight: number;
    actualBoundingBoxAscent: number;
    actualBoundingBoxDescent: number;
  };
  getTransform(): { a: number; b: number; c: number; d: number; e: number; f: number };
}

interface ChartLike {
  ctx: Context2D;
  width: number;
  height: number;
}

/** Where a text was drawn: its box in the image's pixels. */
export interface TextBox {
  readonly text: string;
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** The texts of the chart being drawn now (drawing is synchronous). */
let drawn: TextBox[] | undefined;

/** Collects the texts the chart drawn inside `draw` puts outside its image, and every text's box. */
export function textOutside<T>(draw: () => T): { result: T; outside: string[]; boxes: TextBox[] } {
  const boxes: TextBox[] = [];
  drawn = boxes;
  try {
    const result = draw();
    const outside = boxes
      .filter((b) => b.left < -slack || b.top < -slack || b.right > width + slack || b.bottom > height + slack)
      .map((b) => b.text);
    return { result, outside: [...new Set(outside)], boxes };
  } finally {
    drawn = undefined;
  }
}

let [width, height] = [0, 0];

/** Half a pixel of slack: antialiasing may touch the edge. */
const slack = 0.5;

export const textBoundsPlugin = {
  id: 'textBounds',
  beforeDraw(chart: ChartLike): void {
    const { ctx } = chart;
    const record = drawn;
    if (!record) return;
    [width, height] = [chart.width, chart.height];
    const fillText = ctx.fillText.bind(ctx);
    ctx.fillText = (value: unknown, x: number, y: number, maxWidth?: number): void => {
      const text = String(value);
      if (maxWidth === undefined) fillText(value as string, x, y);
      else fillText(value as string, x, y, maxWidth);
      if (!text.trim()) return;
      const m = ctx.measureText(text);
      const t = ctx.getTransform();
      const corners = [
        [x - m.actualBoundingBoxLeft, y - m.actualBoundingBoxAscent],
        [x + m.actualBoundingBoxRight, y - m.actualBoundingBoxAscent],
        [x - m.actualBoundingBoxLeft, y + m.actualBoundingBoxDescent],
        [x + m.actualBoundingBoxRight, y + m.actualBoundingBoxDescent],
      ].map(([px, py]) => [t.a * px! + t.c * py! + t.e, t.b * px! + t.d * py! + t.f] as const);
      const xs = corners.map(([px]) => px);
      const ys = corners.map(([, py]) => py);
      record.push({
        text,
        left: Math.min(...xs),
        top: Math.min(...ys),
        right: Math.max(...xs),
        bottom: Math.max(...ys),
      });
    };
  },
  afterDraw(chart: ChartLike): void {
    // The wrapper is an own property of the context; removing it restores the prototype's.
    delete (chart.ctx as { fillText?: unknown }).fillText;
  },
};
