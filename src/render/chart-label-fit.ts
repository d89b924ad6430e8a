import type { ChartConfig, Json } from '../derive/chart-spec.js';
import { fit, graphemes } from '../derive/charts/chart-text.js';

/** Width in pixels of `text` at `size` px, drawn with the chart's own fonts. */
export type Measure = (text: string, size: number) => number;

/**
 * Labels fitted to the room they have, measured with the fonts the chart is drawn with (canvas
 * measureText, after the chart's faces are registered), so no label runs off the image: a long
 * category label wraps onto a second line and that line is cut with an ellipsis; axis titles
 * and legend entries are cut. The derive stage only caps the number of letters (a bound on
 * work); widths are measured here, where the fonts really used are known, rather than guessed
 * there from letter counts (a Han letter is twice a Latin one's width, an emoji wider still)
 * or measured there, which would make derive read font files. Every label's full text is in
 * the chart's table.
 */
export function fitChartLabels(config: ChartConfig, width: number, height: number, measure: Measure): ChartConfig {
  const options = config.options;
  const scales = isObject(options['scales']) ? options['scales'] : {};
  const horizontal = options['indexAxis'] === 'y';
  const categoryAxis = scales[horizontal ? 'y' : 'x'];
  const tickSize = fontSize(isObject(categoryAxis) ? categoryAxis['ticks'] : undefined, 12);
  // A category axis beside the plot takes at most two fifths of the chart; one below it shares the width.
  const labels = config.data.labels;
  // Chart.js also gives a box beside the plot at most half of what the layout's padding leaves.
  const padding =
    isObject(options['layout']) && isObject(options['layout']['padding']) ? options['layout']['padding'] : {};
  const side = (key: string): number => (typeof padding[key] === 'number' ? padding[key] : 0);
  const beside = Math.min(width * 0.4, (width - side('left') - side('right')) / 2 - 12);
  const room = horizontal
    ? Math.max(24, Math.round(beside))
    : Math.max(40, Math.round((width * 0.9) / Math.max(1, labels?.length ?? 1)));
  const fittedLabels = labels?.map((label) =>
    typeof label === 'string'
      ? wrapToWidth(label, room, (t) => measure(t, tickSize))
      : label.map((line) => shortenToWidth(line, room, (t) => measure(t, tickSize))),
  );
  const categoryId = horizontal ? 'y' : 'x';
  const multiLine = fittedLabels?.some((l) => Array.isArray(l)) ?? false;
  const fittedScales = Object.fromEntries(
    Object.entries(scales).map(([id, scale]) => {
      // Two-line labels get more room between their lines than Chart.js's 1.2: Devanagari
      // marks and Hangul stand taller than Latin, and the lines of a label touched.
      if (id === categoryId && multiLine && isObject(scale)) scale = withTickLineHeight(scale);
      if (!isObject(scale) || !isObject(scale['title']) || typeof scale['title']['text'] !== 'string')
        return [id, scale];
      const title = scale['title'];
      // A title is centred on its axis, not on the image: beside a category axis that may take
      // two fifths of the width, half of it has 30% of the width on either side.
      const vertical = id === 'y' || scale['axis'] === 'y';
      const room = vertical ? height - 40 : horizontal ? Math.round(width * 0.55) : width - 72;
      const text = shortenToWidth(title['text'] as string, room, (t) => measure(t, fontSize(title, 12)));
      // Chart.js gives a title 1.2 lines; Hangul and Han in Noto Sans run taller than that, and a
      // vertical Korean title touched the tick labels beside it.
      const font = { lineHeight: 1.6, ...(isObject(title['font']) ? title['font'] : {}) };
      return [id, { ...scale, title: { ...title, text, font } }];
    }),
  );
  const legendRoom = width - 60;
  const datasets = config.data.datasets.map((d) =>
    typeof d['label'] === 'string' ? { ...d, label: shortenToWidth(d['label'], legendRoom, (t) => measure(t, 13)) } : d,
  );
  return {
    ...config,
    data: { ...config.data, ...(fittedLabels ? { labels: fittedLabels } : {}), datasets },
    options: { ...options, ...(isObject(options['scales']) ? { scales: fittedScales } : {}) },
  };
}

/** `text` cut at a whole character, with an ellipsis, to at most `max` pixels. */
export function shortenToWidth(text: string, max: number, measure: (text: string) => number): string {
  if (measure(text) <= max) return text;
  let [lo, hi] = [1, letters(text) - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (measure(fit(text, mid)) <= max) lo = mid;
    else hi = mid - 1;
  }
  return fit(text, Math.max(1, lo));
}

/**
 * `text` on one line if it fits, else on two: the first breaks at a space (or between letters,
 * for a script written without spaces or a word longer than the line), the second is cut.
 */
export function wrapToWidth(text: string, max: number, measure: (text: string) => number): string | string[] {
  if (measure(text) <= max) return text;
  // A label isolated as a whole (right-to-left names) keeps its isolate on each line.
  const whole = /^([\u2066-\u2068])([^\u2066-\u2069]*)\u2069$/.exec(text);
  if (!whole && /[\u2066-\u2069]/.test(text)) return shortenToWidth(text, max, measure);
  const [open, inner, close] = whole ? [whole[1]!, whole[2]!, '\u2069'] : ['', text, ''];
  const line = (t: string): string => `${open}${t}${close}`;
  let first = '';
  for (const word of inner.split(' ')) {
    const next = first ? `${first} ${word}` : word;
    if (measure(line(next)) > max) break;
    first = next;
  }
  if (!first) {
    const parts = graphemes(inner);
    let n = 0;
    while (n < parts.length && measure(line(parts.slice(0, n + 1).join(''))) <= max) n += 1;
    first = parts.slice(0, Math.max(1, n)).join('');
  }
  const rest = inner.slice(first.length).trimStart();
  return rest ? [line(first), shortenToWidth(line(rest), max, measure)] : line(first);
}

function withTickLineHeight(scale: { readonly [key: string]: Json | undefined }): {
  readonly [key: string]: Json | undefined;
} {
  const ticks = isObject(scale['ticks']) ? scale['ticks'] : {};
  const font = isObject(ticks['font']) ? ticks['font'] : {};
  return { ...scale, ticks: { ...ticks, font: { lineHeight: 1.4, ...font } } };
}

function letters(text: string): number {
  return graphemes(text).filter((g) => !/^[\u2066-\u2069]$/.test(g)).length;
}

function fontSize(value: Json | undefined, fallback: number): number {
  const font = isObject(value) ? value['font'] : undefined;
  const size = isObject(font) ? font['size'] : undefined;
  return typeof size === 'number' ? size : fallback;
}

function isObject(value: Json | undefined): value is { readonly [key: string]: Json | undefined } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
