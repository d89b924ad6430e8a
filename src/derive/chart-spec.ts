import type { NumberStyle } from '../i18n/format-number.js';
import { fit, graphemes, isolate } from './charts/chart-text.js';
import { neutral } from './palette.js';
import type { PersonStyle } from './palette.js';

/**
 * A chart as plain JSON: a Chart.js configuration plus what the page shows around it. Kept free
 * of functions so it can be hashed, cached, compared with golden files and rendered anywhere.
 * Datasets may carry `directLabels` (one string per point), drawn by the renderer's plugin so
 * that charts read without colour.
 */
export interface ChartSpec {
  readonly id: string;
  readonly title: string;
  readonly alt: string;
  readonly note?: string;
  /** Set when there is nothing to draw: the page shows this one line instead of the chart. */
  readonly empty?: string;
  /** The language of the chart's text (BCP 47), which chooses CJK glyph forms; default English. */
  readonly lang?: string;
  /** How the report's locale writes numbers: the renderer writes the axis ticks with it. */
  readonly numbers?: NumberStyle;
  readonly width: number;
  readonly height: number;
  readonly config: ChartConfig;
  readonly table: ChartTable;
}

export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json | undefined };

export interface ChartConfig {
  readonly type: 'bar' | 'scatter';
  /** Category labels; an array is drawn as lines (name over role). */
  readonly data: {
    readonly labels?: readonly (string | readonly string[])[];
    readonly datasets: readonly { readonly [key: string]: Json | undefined }[];
  };
  readonly options: { readonly [key: string]: Json | undefined };
}

/** Charts are drawn at the size they print: a full text column, or half of one. */
export const fullWidth = 720;
export const halfWidth = 340;

/** A generous width for a direct label, to reserve room beside bars (12px semibold type). */
export function labelWidth(texts: readonly string[]): number {
  return Math.ceil(Math.max(0, ...texts.map((t) => t.length)) * 6.8) + 12;
}

/**
 * A category label over at most two lines when it is long, so narrow charts do not clip it; a
 * word longer than a line (a pasted URL, a 300-letter name) is cut with an ellipsis.
 */
export function wrapLabel(text: string, width = 16): string | string[] {
  const line = Math.ceil(width * 1.5);
  if (graphemes(text).length <= width) return isolate(text);
  const words = text.split(' ').map((w) => fit(w, line));
  let first = '';
  while (words.length > 1 && `${first} ${words[0]}`.trim().length <= Math.max(width, Math.ceil(text.length / 2)))
    first = `${first} ${words.shift()}`.trim();
  if (!first) first = words.shift() ?? '';
  const rest = words.join(' ');
  return rest ? [isolate(first), isolate(fit(rest, line))] : isolate(fit(first, line));
}

/** How a person's marker is drawn: solid with a white rim, or hollow with a thick coloured outline. */
export function markerStyle(style: PersonStyle, radius: number): { readonly [key: string]: Json } {
  return style.markerFill === 'solid'
    ? {
        pointStyle: style.marker,
        pointRadius: radius,
        backgroundColor: style.colour,
        borderColor: '#ffffff',
        borderWidth: 2,
      }
    : {
        pointStyle: style.marker,
        pointRadius: radius - 1,
        backgroundColor: '#ffffff',
        borderColor: style.colour,
        borderWidth: 3,
      };
}

export function chartRef(spec: ChartSpec): ChartRef {
  return {
    id: spec.id,
    title: spec.title,
    alt: spec.alt,
    ...(spec.note ? { note: spec.note } : {}),
    ...(spec.empty ? { empty: spec.empty } : {}),
    width: spec.width,
    height: spec.height,
    wide: spec.width > halfWidth,
    table: spec.table,
    src: chartSrc(spec.id),
  };
}

/**
 * The stand-in `src` a chart's image has in the view: the render stage maps it to the drawn
 * image (see render-html.ts), so the view is complete as derived and never copied to add it.
 */
export function chartSrc(id: string): string {
  return `chart:${id}`;
}

/** Options every chart shares: no animation, quiet grid, readable type. */
export function baseOptions(extra: { readonly [key: string]: Json | undefined }): {
  readonly [key: string]: Json | undefined;
} {
  return {
    animation: false,
    responsive: false,
    layout: { padding: { top: 8, right: 24, bottom: 4, left: 4 } },
    plugins: {
      legend: { display: false },
      title: { display: false },
      tooltip: { enabled: false },
    },
    ...extra,
  };
}

/**
 * An axis. Its ticks say how their numbers are written, `number: 'value'` (grouped, the locale's
 * decimal sign, a power of ten for the very large and small) or `number: 'year'`; the renderer
 * writes them with the report's number style (ChartSpec.numbers), never with Chart.js's Intl.
 */
export function axis(options: { readonly [key: string]: Json | undefined }): {
  readonly [key: string]: Json | undefined;
} {
  return {
    grid: { color: neutral.grid },
    border: { color: neutral.baseline },
    ticks: { color: neutral.ink, font: { size: 12 } },
    ...options,
  };
}

/** A dataset's fill for a person: solid, or a light tint with a strong outline. */
export function barFill(style: { colour: string; tint: string; fill: 'solid' | 'outline' }): {
  readonly [key: string]: Json;
} {
  return style.fill === 'solid'
    ? {
        backgroundColor: style.colour,
        borderColor: style.colour,
        borderWidth: 0,
        directLabelColor: style.colour,
        directLabelInsideColor: '#ffffff',
      }
    : {
        backgroundColor: style.tint,
        borderColor: style.colour,
        borderWidth: 2,
        directLabelColor: style.colour,
        directLabelInsideColor: style.colour,
      };
}

/** A chart as the page shows it. */
export interface ChartRef extends Omit<ChartSpec, 'config'> {
  /** Drawn for a full text column (a half-width chart sits beside another). */
  readonly wide: boolean;
  /** The image's stand-in (`chart:<id>`, see chartSrc); the page gets the drawn image in its place. */
  readonly src: string;
}

export interface ChartTable {
  readonly caption: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
}
