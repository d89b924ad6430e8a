import type { ChartConfig, ChartSpec, Json } from '../derive/chart-spec.js';
import { formatNumber } from '../i18n/format-number.js';
import { builtInLocale } from '../i18n/locale.js';

type Scale = { readonly [key: string]: Json | undefined };

function isScale(value: Json | undefined): value is Scale {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The spec's configuration with a tick callback on every axis that asks for one (`ticks.number`),
 * so ticks are written as the page writes numbers, the same on every machine: Chart.js would
 * format them with the runtime's Intl data in the process's own locale.
 */
export function withLocaleTicks(spec: Pick<ChartSpec, 'config' | 'numbers'>): ChartConfig | object {
  const scales = spec.config.options['scales'];
  if (!isScale(scales)) return spec.config;
  const style = spec.numbers ?? builtInLocale('en').numberStyle;
  const written: { [id: string]: unknown } = {};
  for (const [id, scale] of Object.entries(scales)) {
    const ticks = isScale(scale) ? scale['ticks'] : undefined;
    const kind = isScale(ticks) ? ticks['number'] : undefined;
    if (!isScale(scale) || !isScale(ticks) || (kind !== 'value' && kind !== 'year')) {
      written[id] = scale;
      continue;
    }
    // Years are names of years, never grouped: 2024, not 2,024.
    const callback =
      kind === 'year'
        ? (value: number | string): string => String(value)
        : (value: number | string): string => formatNumber(Number(value), style);
    written[id] = { ...scale, ticks: { ...ticks, callback } };
  }
  return { ...spec.config, options: { ...spec.config.options, scales: written } };
}
