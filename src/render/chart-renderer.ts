import { createHash } from 'node:crypto';
import { RenderError } from '../errors.js';
import type { ChartSpec } from '../derive/chart-spec.js';
import type { ChartDiskCache } from './chart-disk-cache.js';
import { ChartFonts } from './chart-fonts.js';
import { fitChartLabels } from './chart-label-fit.js';
import { textBoundsPlugin, textOutside } from './chart-text-bounds.js';
import type { TextBox } from './chart-text-bounds.js';
import { directLabelsPlugin } from './direct-labels-plugin.js';
import { withLocaleTicks } from './locale-ticks.js';
import type { FontLibrary } from './font-library.js';

/** How many drawn charts stay in memory (see renderChecked). */
const memoryCacheCharts = 64;

/** A drawn chart: its SVG, and a warning for each text drawn past the edge of the image. */
export interface DrawnChart {
  readonly svg: string;
  readonly problems: readonly string[];
  /** Every text drawn, with its box in the image (for checks of the layout). */
  readonly texts: readonly TextBox[];
}

type ChartJSNodeCanvasType = import('chartjs-node-canvas').ChartJSNodeCanvas;
type ChartJSNodeCanvasClass = typeof import('chartjs-node-canvas').ChartJSNodeCanvas;

/**
 * Renders chart specs to SVG with Chart.js in Node (chartjs-node-canvas on node-canvas/Cairo).
 * One ChartJSNodeCanvas per size, kept for the life of the process, and a cache of finished
 * SVGs by content, so a watch rebuild redraws only the charts whose data changed. Text becomes
 * vector outlines, so the PDF needs no extra font for charts and stays sharp at any zoom. The
 * outlines come from the same font files as the page (registered with Cairo as a chart needs
 * them), never from the system's fonts, so a chart looks the same on every machine.
 */
export class ChartRenderer {
  private readonly canvases = new Map<string, ChartJSNodeCanvasType>();
  /** Promises, so two reports of a batch asking for the same chart draw it once. */
  private readonly cache = new Map<string, Promise<DrawnChart>>();
  private Canvas: ChartJSNodeCanvasClass | undefined;
  private chartJs: typeof import('chart.js/auto').Chart | undefined;
  private drawn = 0;

  private readonly fonts: ChartFonts | undefined;

  /**
   * @param library the page's fonts; without it charts use the system's (tests of geometry only).
   * @param disk charts drawn by earlier runs (see chart-disk-cache.ts), asked before drawing
   */
  constructor(
    library?: FontLibrary,
    private readonly disk?: ChartDiskCache,
  ) {
    this.fonts = library ? new ChartFonts(library) : undefined;
  }

  render(spec: ChartSpec): Promise<string> {
    return this.renderChecked(spec).then((drawn) => drawn.svg);
  }

  /** The chart's SVG, and a warning for each text it draws outside its image. */
  renderChecked(spec: ChartSpec): Promise<DrawnChart> {
    // An empty chart is a line of text on the page, not a picture.
    if (spec.empty) return Promise.resolve({ svg: '', problems: [], texts: [] });
    // The language picks the glyph forms of Han text (zh-CN, zh-TW, ja), the number style the ticks.
    const content = [spec.lang, spec.numbers, spec.width, spec.height, spec.config];
    const key = createHash('sha256').update(JSON.stringify(content)).digest('hex');
    let svg = this.cache.get(key);
    if (!svg) {
      svg = this.disk ? this.drawOrRecall(spec, content, this.disk) : this.draw(spec);
      this.cache.set(key, svg);
      svg.catch(() => this.cache.delete(key));
      // A long watch session keeps only what recent builds used: a report of eight people has
      // about forty charts. Earlier charts come back from the disk cache; kept here, a queue
      // worker building report after report held hundreds of drawings it never used again.
      if (this.cache.size > memoryCacheCharts) this.cache.delete(this.cache.keys().next().value!);
    }
    return svg;
  }

  /** How many charts were actually drawn (not taken from the cache) so far. */
  get drawnCount(): number {
    return this.drawn;
  }

  /** The chart from the disk cache, or drawn and stored there. */
  private async drawOrRecall(spec: ChartSpec, content: unknown, disk: ChartDiskCache): Promise<DrawnChart> {
    const key = await disk.key(content);
    const stored = await disk.get(key);
    if (stored) return stored;
    const drawn = await this.draw(spec);
    await disk.put(key, drawn);
    return drawn;
  }

  private async draw(spec: ChartSpec): Promise<DrawnChart> {
    const canvas = await this.canvas(spec.width, spec.height);
    const { createCanvas } = await import('canvas');
    try {
      const fonts = this.fonts ? await this.fonts.prepare(spec) : undefined;
      // From here to the drawing nothing may wait: another chart would register its own fonts.
      if (fonts) {
        fonts.activate();
        this.chartJs!.defaults.font.family = fonts.family;
      }
      const family = this.chartJs!.defaults.font.family;
      const measuring = createCanvas(1, 1).getContext('2d');
      const measure = (text: string, size: number): number => {
        measuring.font = `${size}px ${family}`;
        return measuring.measureText(text).width;
      };
      // The library sets options on the config it is given; ours stays untouched (the copy
      // shares no object with it).
      const config = fitChartLabels(structuredClone(spec.config), spec.width, spec.height, measure);
      const {
        result: buffer,
        outside,
        boxes,
      } = textOutside(() => canvas.renderToBufferSync(withLocaleTicks({ ...spec, config }) as never, 'image/svg+xml'));
      this.drawn += 1;
      const problems = outside.map(
        (text) =>
          `the chart "${spec.title}" draws "${text.replace(/[\u2066-\u2069]/g, '')}" past the edge of its image, where it is cut off`,
      );
      return { svg: normaliseSvg(buffer.toString('utf8')), problems, texts: boxes };
    } catch (error) {
      throw new RenderError(`the chart "${spec.title}" could not be drawn`, { cause: error });
    }
  }

  private async canvas(width: number, height: number): Promise<ChartJSNodeCanvasType> {
    const key = `${width}x${height}`;
    const existing = this.canvases.get(key);
    if (existing) return existing;
    if (!this.Canvas) {
      // Loaded on first use: `validate` and cached rebuilds never pay for Cairo and Chart.js.
      this.Canvas = sharedChartJs(await import('chartjs-node-canvas'));
    }
    const created = new this.Canvas({
      type: 'svg',
      width,
      height,
      chartCallback: (ChartJS) => {
        this.chartJs = ChartJS;
        ChartJS.defaults.font.family = "'Source Sans 3', 'Noto Sans SC', sans-serif";
        ChartJS.defaults.color = '#1d2433';
        ChartJS.register(directLabelsPlugin, textBoundsPlugin);
      },
    });
    this.canvases.set(key, created);
    return created;
  }
}

/**
 * ChartJSNodeCanvas evaluates Chart.js afresh for every instance, so that one instance's
 * registrations cannot reach another's; ours register the same things for every size, and the
 * fresh copies cost about 50 ms each on a cold build with five chart sizes. This subclass
 * initialises Chart.js once (through the class's own protected hook) and shares it.
 */
function sharedChartJs(module: typeof import('chartjs-node-canvas')): ChartJSNodeCanvasClass {
  let chartJs: typeof import('chart.js/auto').Chart | undefined;
  class SharedChartJs extends module.ChartJSNodeCanvas {
    protected override initialize(
      options: ConstructorParameters<ChartJSNodeCanvasClass>[0],
    ): typeof import('chart.js/auto').Chart {
      chartJs ??= super.initialize(options);
      return chartJs;
    }
  }
  return SharedChartJs;
}

/**
 * Cairo numbers its surfaces and images (a colour emoji is drawn as one) per process, counting
 * every chart drawn before; ids numbered in order of appearance make the same chart give the
 * same bytes whatever came before it.
 * Path coordinates come with six decimals: a tenth of a point is finer than any printer, and
 * rounding halves the size of a chart (its text is drawn as outlines).
 */
export function normaliseSvg(svg: string): string {
  const ids = new Map<string, string>();
  return svg
    .replace(/id="surface\d+"/g, 'id="surface"')
    .replace(/(?<=id="|#)(image|pattern|mask)(\d+)(?=[")])/g, (id, kind: string) => {
      let renamed = ids.get(id);
      if (!renamed) ids.set(id, (renamed = `${kind}${[...ids.keys()].filter((k) => k.startsWith(kind)).length + 1}`));
      return renamed;
    })
    .replace(/ d="[^"]*"/g, (path) => path.replace(/(\d+\.\d)\d+/g, '$1').replace(/\.0(?=\D)/g, ''))
    .replace(
      /rgb\(([\d.]+)%,([\d.]+)%,([\d.]+)%\)/g,
      (_, r: string, g: string, b: string) =>
        `#${[r, g, b]
          .map((v) =>
            Math.round((Number(v) * 255) / 100)
              .toString(16)
              .padStart(2, '0'),
          )
          .join('')}`,
    );
}

export function svgDataUri(svg: string): string {
  return `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
}
