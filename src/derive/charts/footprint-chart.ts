import { axis, barFill, baseOptions, fullWidth } from '../chart-spec.js';
import type { Locale } from '../../i18n/locale.js';
import { canvasText, chartText } from './chart-text.js';
import type { ChartSpec } from '../chart-spec.js';
import type { Subject } from '../subject.js';

/**
 * Citations per year for everyone with a footprint, on one axis: bars grouped by year, one per
 * person, so the reader sees both the level and the trend. People without per-year figures are
 * named in the note rather than drawn as zeros.
 */
export function citationsPerYearChart(people: readonly Subject[], locale: Locale): ChartSpec {
  const drawn = people.filter((p) => (p.profile.impact?.byYear?.length ?? 0) > 0);
  const years = drawn.flatMap((p) => p.profile.impact!.byYear!.map((y) => y.year));
  const first = years.length ? Math.min(...years) : 0;
  const last = years.length ? Math.max(...years) : -1;
  const labels = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  const counts = drawn.map((p) =>
    labels.map((year) => p.profile.impact!.byYear!.find((y) => String(y.year) === year)?.citations ?? 0),
  );
  const title = locale.t('chart.citations.title');
  const missing = people.filter((p) => !drawn.includes(p)).map((p) => locale.user(p.name));
  const each = drawn.map((p, i) =>
    locale.t('chart.citations.altPerson', {
      name: locale.user(p.name),
      n: locale.number(counts[i]!.reduce((a, b) => a + b, 0)),
    }),
  );
  return {
    id: 'citations-per-year',
    title,
    alt: years.length
      ? locale.t('chart.citations.alt', {
          from: String(first),
          to: String(last),
          people: each.join(locale.t('list.comma')),
        })
      : locale.t('chart.citations.empty'),
    ...(years.length ? {} : { empty: locale.t('chart.citations.empty') }),
    ...(years.length && missing.length
      ? { note: locale.t('chart.citations.missing', { names: locale.list(missing) }) }
      : {}),
    width: fullWidth,
    height: 240,
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: drawn.map((p, i) => ({ label: chartText(p.name, 40), data: counts[i]!, ...barFill(p.style) })),
      },
      options: baseOptions({
        plugins: {
          legend: { display: true, position: 'top', labels: { boxWidth: 14, font: { size: 13 } } },
          title: { display: false },
          tooltip: { enabled: false },
        },
        scales: {
          x: axis({ grid: { display: false } }),
          y: axis({
            beginAtZero: true,
            grace: '8%',
            ticks: { precision: 0, number: 'value', font: { size: 12 } },
            title: { display: true, text: canvasText(locale.t('chart.citations.axis'), locale.dir) },
          }),
        },
      }),
    },
    table: {
      caption: title,
      headers: [locale.t('chart.citations.year'), ...drawn.map((p) => p.name)],
      rows: labels.map((year, y) => [year, ...drawn.map((_, i) => locale.number(counts[i]![y]!))]),
    },
  };
}
