/**
 * Draws the `directLabels` that chart specs attach to datasets: counts on bars, periods by
 * timeline spans, names by markers. Labels on the marks themselves keep a chart readable in
 * grayscale, where a colour legend fails. Each label tries its preferred place and falls back
 * rather than overlap a neighbour or leave the canvas; one that fits nowhere is dropped (every
 * number is also in the chart's table).
 */

/** The part of a 2D canvas context the plugin uses (node-canvas provides it). */
interface Context2D {
  font: string;
  /** node-canvas: 'glyph' draws text as shared glyph outlines (each defined once in the SVG). */
  textDrawingMode?: string;
  fillStyle: string;
  textAlign: string;
  textBaseline: string;
  save(): void;
  restore(): void;
  measureText(text: string): { width: number };
  fillText(text: string, x: number, y: number): void;
}

interface Element {
  x: number;
  y: number;
  base?: number;
  options?: { radius?: number };
}

interface Dataset {
  directLabels?: (string | null)[];
  directLabelPosition?: 'after' | 'inside' | 'center' | 'top' | 'marks-above' | 'marks-below' | 'placed';
  /** With 'placed': the side the derive stage chose for each label, clear of every other. */
  directLabelSides?: ('above' | 'below')[];
  directLabelColor?: string;
  /** For labels drawn inside a bar, when there is no room after it. */
  directLabelInsideColor?: string;
}

interface ChartLike {
  ctx: Context2D;
  options?: { font?: { family?: string } };
  width: number;
  chartArea: { left: number; right: number; top: number; bottom: number };
  data: { datasets: Dataset[] };
  getDatasetMeta(index: number): { hidden: boolean | null; data: Element[] };
}

/** Labels in the chart's own font stack (the renderer sets it per chart), semibold. */
function labelFont(chart: Pick<ChartLike, 'options'>): string {
  return `600 12px ${chart.options?.font?.family ?? "'Source Sans 3', 'Noto Sans SC', sans-serif"}`;
}

export const directLabelsPlugin = {
  id: 'directLabels',
  // Glyph mode defines each glyph's outline once per SVG and reuses it; drawing text as paths
  // repeats the outline at every use and makes a chart four times larger.
  beforeDraw(chart: ChartLike): void {
    chart.ctx.textDrawingMode = 'glyph';
  },
  afterDatasetsDraw(chart: ChartLike): void {
    const { ctx } = chart;
    chart.data.datasets.forEach((dataset, i) => {
      const labels = dataset.directLabels;
      const meta = chart.getDatasetMeta(i);
      if (!labels || meta.hidden) return;
      ctx.save();
      ctx.font = labelFont(chart);
      // Right edges of the last label drawn above and below this dataset's marks.
      const lastEdge = { above: -Infinity, below: -Infinity };
      meta.data.forEach((el, j) => {
        const text = labels[j];
        if (!text) return;
        const position = dataset.directLabelPosition ?? 'top';
        if (position === 'after') drawAfter(chart, el, text, dataset);
        else if (position === 'inside') drawInside(ctx, el, text, dataset);
        else if (position === 'center') drawCentre(ctx, el, text, dataset);
        else if (position === 'placed') drawPlaced(chart, el, text, dataset, dataset.directLabelSides?.[j] ?? 'above');
        else if (position === 'marks-above' || position === 'marks-below')
          drawByMark(chart, el, text, dataset, position === 'marks-above' ? 'above' : 'below', lastEdge);
        else drawOnTop(chart, el, text, dataset);
      });
      ctx.restore();
    });
  },
};

/** Past the end of a horizontal bar; else inside its end; else before its start. */
function drawAfter(chart: ChartLike, el: Element, text: string, dataset: Dataset): void {
  const { ctx } = chart;
  const width = ctx.measureText(text).width;
  const start = Math.min(el.x, el.base ?? el.x);
  const end = Math.max(el.x, el.base ?? el.x);
  ctx.textBaseline = 'middle';
  if (end + 6 + width <= chart.width - 2) {
    ctx.textAlign = 'left';
    ctx.fillStyle = dataset.directLabelColor ?? '#1d2433';
    ctx.fillText(text, end + 6, el.y);
  } else if (end - start >= width + 12) {
    ctx.textAlign = 'right';
    ctx.fillStyle = dataset.directLabelInsideColor ?? '#ffffff';
    ctx.fillText(text, end - 6, el.y);
  } else if (start - 6 - width >= chart.chartArea.left) {
    ctx.textAlign = 'right';
    ctx.fillStyle = dataset.directLabelColor ?? '#1d2433';
    ctx.fillText(text, start - 6, el.y);
  }
}

/** Inside a horizontal bar, from its start, only when the whole label fits. */
function drawInside(ctx: Context2D, el: Element, text: string, dataset: Dataset): void {
  const start = Math.min(el.x, el.base ?? el.x);
  if (Math.abs(el.x - (el.base ?? el.x)) < ctx.measureText(text).width + 8) return;
  ctx.textAlign = 'left';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = dataset.directLabelInsideColor ?? '#ffffff';
  ctx.fillText(text, start + 4, el.y);
}

function drawCentre(ctx: Context2D, el: Element, text: string, dataset: Dataset): void {
  const start = Math.min(el.x, el.base ?? el.x);
  const span = Math.abs(el.x - (el.base ?? el.x));
  if (span < ctx.measureText(text).width + 6) return;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = dataset.directLabelInsideColor ?? dataset.directLabelColor ?? '#1d2433';
  ctx.fillText(text, start + span / 2, el.y);
}

/** Above a vertical bar, moved inwards where it would run past the image's edge. */
function drawOnTop(chart: ChartLike, el: Element, text: string, dataset: Dataset): void {
  const { ctx } = chart;
  const width = ctx.measureText(text).width;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  ctx.fillStyle = dataset.directLabelColor ?? '#1d2433';
  ctx.fillText(text, Math.min(Math.max(el.x, 2 + width / 2), chart.width - 2 - width / 2), el.y - 3);
}

/** Above or below a marker, on the side the derive stage chose (it kept labels apart). */
function drawPlaced(chart: ChartLike, el: Element, text: string, dataset: Dataset, side: 'above' | 'below'): void {
  const { ctx } = chart;
  const width = ctx.measureText(text).width;
  const radius = el.options?.radius ?? 5;
  ctx.textAlign = 'center';
  ctx.textBaseline = side === 'above' ? 'bottom' : 'top';
  ctx.fillStyle = dataset.directLabelColor ?? '#1d2433';
  const x = Math.min(Math.max(el.x, chart.chartArea.left + width / 2), chart.width - 2 - width / 2);
  ctx.fillText(text, x, side === 'above' ? el.y - radius - 2 : el.y + radius + 2);
}

/** Above or below a marker, switching sides when the preferred one would overlap a neighbour. */
function drawByMark(
  chart: ChartLike,
  el: Element,
  text: string,
  dataset: Dataset,
  preferred: 'above' | 'below',
  lastEdge: { above: number; below: number },
): void {
  const { ctx } = chart;
  const width = ctx.measureText(text).width;
  const radius = el.options?.radius ?? 5;
  const x = Math.min(Math.max(el.x, chart.chartArea.left + width / 2), chart.width - 2 - width / 2);
  const left = x - width / 2;
  const other = preferred === 'above' ? 'below' : 'above';
  const lineHeight = 14;
  const fits = (side: 'above' | 'below'): boolean =>
    left > lastEdge[side] + 4 &&
    (side === 'above'
      ? el.y - radius - 2 - lineHeight >= chart.chartArea.top - 8
      : el.y + radius + 2 + lineHeight <= chart.chartArea.bottom);
  const side = fits(preferred) ? preferred : fits(other) ? other : undefined;
  if (!side) return;
  lastEdge[side] = x + width / 2;
  ctx.textAlign = 'center';
  ctx.textBaseline = side === 'above' ? 'bottom' : 'top';
  ctx.fillStyle = dataset.directLabelColor ?? '#1d2433';
  ctx.fillText(text, x, side === 'above' ? el.y - radius - 2 : el.y + radius + 2);
}
