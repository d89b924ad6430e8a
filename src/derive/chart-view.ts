import type { Locale } from '../i18n/locale.js';
import { chartRef } from './chart-spec.js';
import type { ChartRef, ChartSpec } from './chart-spec.js';

/** A chart as the page shows it, with the words the page adds around it in the report's language. */
export function chartView(spec: ChartSpec, locale: Locale): ChartRef {
  return { ...chartRef(spec), scrollLabel: locale.t('chart.scrollLabel', { title: locale.user(spec.title) }) };
}
