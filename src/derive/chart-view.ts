import { chartRef } from './chart-spec.js';
import type { ChartRef, ChartSpec } from './chart-spec.js';

/**
 * A chart as the page shows it. It scales to the width it is given (its SVG has a viewBox), on
 * a phone too, so it never scrolls sideways and needs no words about scrolling.
 */
export function chartView(spec: ChartSpec): ChartRef {
  return chartRef(spec);
}
