import { axis, barFill, baseOptions, fullWidth } from '../chart-spec.js';
import type { Locale } from '../../i18n/locale.js';
import { canvasText, chartText, textWidth } from './chart-text.js';
import type { ChartSpec } from '../chart-spec.js';
import type { Subject } from '../subject.js';

const topVenues = 12;

/** Papers per year, one bar per person per year, each bar labelled with its count. */
export function papersPerYearChart(people: readonly Subject[], locale: Locale): ChartSpec {
  const years = people.flatMap((p) => p.profile.papers.map((paper) => paper.year));
  const first = years.length ? Math.min(...years) : 0;
  const last = years.length ? Math.max(...years) : -1;
  const labels = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  const counts = people.map((p) =>
    labels.map((year) => p.profile.papers.filter((paper) => String(paper.year) === year).length),
  );
  // Grouped bars: a year's slot is 80% of its share of the plot, each bar 90% of its part.
  const barWidth = (((fullWidth - 80) / Math.max(1, labels.length)) * 0.8 * 0.9) / people.length;
  const labelled = barWidth >= textWidth(locale.number(Math.max(0, ...counts.flat()))) + 2;
  const title = locale.t('chart.papersPerYear.title');
  const each = people.map((p, i) =>
    locale.t('chart.papersPerYear.altPerson', {
      name: locale.user(p.name),
      papers: locale.count('count.papers', sum(counts[i]!)),
    }),
  );

  return {
    id: 'papers-per-year',
    title,
    alt: years.length
      ? locale.t('chart.papersPerYear.alt', {
          from: String(first),
          to: String(last),
          people: each.join(locale.t('list.comma')),
        })
      : locale.t('chart.noPapers'),
    ...(years.length ? {} : { empty: locale.t('chart.papersPerYear.empty') }),
    ...(years.length && !labelled ? { note: locale.t('chart.papersPerYear.narrowNote') } : {}),
    width: fullWidth,
    height: 260,
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: people.map((p, i) => ({
          label: chartText(p.name, 40),
          data: counts[i]!,
          ...barFill(p.style),
          directLabels: counts[i]!.map((n) => (n > 0 && labelled ? locale.number(n) : null)),
          directLabelPosition: 'top',
        })),
      },
      options: baseOptions({
        plugins: {
          legend: { display: true, position: 'top', labels: { boxWidth: 14, font: { size: 13 } } },
          title: { display: false },
          tooltip: { enabled: false },
        },
        scales: {
          x: axis({ grid: { display: false } }),
          // Headroom above the tallest bar for its count, clear of the legend.
          y: axis({
            beginAtZero: true,
            grace: '12%',
            ticks: { precision: 0, number: 'value', font: { size: 12 } },
            title: { display: true, text: canvasText(locale.t('chart.papersPerYear.axis'), locale.dir) },
          }),
        },
      }),
    },
    table: {
      caption: title,
      headers: [locale.t('chart.papersPerYear.year'), ...people.map((p) => p.name)],
      rows: labels.map((year, y) => [year, ...people.map((_, i) => locale.number(counts[i]![y]!))]),
    },
  };
}

/**
 * Papers by venue, stacked by person. Venues are grouped without their year (ICML 2022 and
 * ICML 2023 are both ICML); past the top twelve the rest are summed as "Other venues". A paper
 * whose profile names no venue has no bar: the chart is of venues.
 */
export function papersByVenueChart(people: readonly Subject[], locale: Locale): ChartSpec {
  const perVenue = new Map<string, number[]>();
  for (const p of people) {
    for (const paper of p.profile.papers) {
      if (paper.venue === undefined) continue;
      const venue = venueName(paper.venue);
      const row = perVenue.get(venue) ?? people.map(() => 0);
      row[p.index] = (row[p.index] ?? 0) + 1;
      perVenue.set(venue, row);
    }
  }
  const ranked = [...perVenue.entries()].sort((a, b) => sum(b[1]) - sum(a[1]) || a[0].localeCompare(b[0]));
  const shown = ranked.slice(0, topVenues);
  const rest = ranked.slice(topVenues);
  const other = locale.t('chart.papersByVenue.otherVenues', { n: locale.number(rest.length) });
  if (rest.length > 0) shown.push([other, people.map((_, i) => sum(rest.map((r) => r[1][i] ?? 0)))]);
  // "Other venues" is ours, the venues are the profiles' own text.
  const labels = shown.map(([venue], i) =>
    rest.length > 0 && i === shown.length - 1 ? canvasText(venue, locale.dir) : chartText(venue, 40),
  );
  const title = locale.t('chart.papersByVenue.title');
  const venues = shown.map(([venue, row]) =>
    locale.t('chart.papersByVenue.altVenue', { venue: locale.user(venue), n: locale.number(sum(row)) }),
  );
  const restNames = rest.slice(0, 5).map((r) => locale.user(r[0]));
  const restList =
    rest.length > 5
      ? locale.t('chart.papersByVenue.andOthers', { list: restNames.join(locale.t('list.comma')) })
      : locale.list(restNames);

  return {
    id: 'papers-by-venue',
    title,
    alt: ranked.length
      ? locale.t('chart.papersByVenue.alt', { venues: venues.join(locale.t('list.comma')) })
      : locale.t('chart.noPapers'),
    ...(ranked.length ? {} : { empty: locale.t('chart.papersByVenue.empty') }),
    ...(rest.length
      ? { note: locale.t('chart.papersByVenue.note', { top: locale.number(topVenues), list: restList }) }
      : {}),
    width: fullWidth,
    height: 80 + labels.length * 32,
    config: {
      type: 'bar',
      data: {
        labels,
        datasets: people.map((p) => ({
          label: chartText(p.name, 40),
          data: shown.map(([, row]) => row[p.index] ?? 0),
          ...barFill(p.style),
          barThickness: 20,
          directLabels: shown.map(([, row]) => ((row[p.index] ?? 0) > 0 ? locale.number(row[p.index] ?? 0) : null)),
          directLabelPosition: 'center',
        })),
      },
      options: baseOptions({
        indexAxis: 'y',
        plugins: {
          legend: { display: true, position: 'top', labels: { boxWidth: 14, font: { size: 13 } } },
          title: { display: false },
          tooltip: { enabled: false },
        },
        scales: {
          x: axis({
            stacked: true,
            beginAtZero: true,
            ticks: { precision: 0, number: 'value', font: { size: 12 } },
            title: { display: true, text: canvasText(locale.t('chart.papersPerYear.axis'), locale.dir) },
          }),
          y: axis({ stacked: true, grid: { display: false }, ticks: { autoSkip: false, font: { size: 12 } } }),
        },
      }),
    },
    table: {
      caption: title,
      headers: [
        locale.t('chart.papersByVenue.venue'),
        ...people.map((p) => p.name),
        locale.t('chart.papersByVenue.total'),
      ],
      rows: ranked.map(([venue, row]) => [
        venue,
        ...people.map((_, i) => locale.number(row[i] ?? 0)),
        locale.number(sum(row)),
      ]),
    },
  };
}

/** "ICML 2022" → ICML; "NAACL 2024 (long papers)" → NAACL; "arXiv preprint" stays. */
export function venueName(venue: string): string {
  const stripped = venue.replace(/\s*[(,]?\s*(?:19|20)\d{2}\b.*$/, '').trim();
  return stripped || venue;
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
