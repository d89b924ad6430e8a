/**
 * Records where a chart's text lands while Chart.js draws it: every fillText, its box from the
 * fonts' measured extents, through the canvas transform (rotated ticks included). Text whose box
 * leaves the image is cut off in the report; the renderer names it in a warning, so a chart that
 * says nothing shows every label whole.
 */
interface Context2D {
  fillText(text: string, x: number, y: number, maxWidth?: number): void;
  measureText(text: string): { actualBoundingBoxLeft: number; actualBoundingBoxRight: number; actualBoundingBoxAscent: number; actualBoundingBoxDescent: number };
  getTransform(): { a: number; b: number; c: number; d: number; e: number; f: number };
}

interface ChartLike {
  ctx: Context2D;
  width: number;
  height: number;
}

/** The texts drawn outside the image, for the chart being drawn now (drawing is synchronous). */
let outside: string[] | undefined;

/** Collects the texts the chart drawn inside `draw` puts outside its image. */
export function textOutside<T>(draw: () => T): { result: T; outside: string[] } {
  const found: string[] = [];
  outside = found;
  try {
    return { result: draw(), outside: found };
  } finally {
    outside = undefined;
  }
}

/** Half a pixel of slack: antialiasing may touch the edge. */
const slack = 0.5;

export const textBoundsPlugin = {
  id: 'textBounds',
  beforeDraw(chart: ChartLike): void {
    const { ctx } = chart;
    const record = outside;
    if (!record) return;
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
      const off = corners.some(([px, py]) => px < -slack || py < -slack || px > chart.width + slack || py > chart.height + slack);
      if (off && !record.includes(text)) record.push(text);
    };
  },
  afterDraw(chart: ChartLike): void {
    // The wrapper is an own property of the context; removing it restores the prototype's.
    delete (chart.ctx as { fillText?: unknown }).fillText;
  },
};
