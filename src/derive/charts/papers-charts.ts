import { axis, barFill, baseOptions, fullWidth } from '../chart-spec.js';
import { chartText, textWidth } from './chart-text.js';
import type { ChartSpec } from '../chart-spec.js';
import { listText, plural } from '../format.js';
import type { Subject } from '../subject.js';

const topVenues = 12;

/** Papers per year, one bar per person per year, each bar labelled with its count. */
export function papersPerYearChart(people: readonly Subject[]): ChartSpec {
  const years = people.flatMap((p) => p.profile.papers.map((paper) => paper.year));
  const first = years.length ? Math.min(...years) : 0;
  const last = years.length ? Math.max(...years) : -1;
  const labels = Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
  const counts = people.map((p) => labels.map((year) => p.profile.papers.filter((paper) => String(paper.year) === year).length));
  // Grouped bars: a year's slot is 80% of its share of the plot, each bar 90% of its part.
  const barWidth = ((fullWidth - 80) / Math.max(1, labels.length)) * 0.8 * 0.9 / people.length;
  const labelled = barWidth >= textWidth(String(Math.max(0, ...counts.flat()))) + 2;

  return {
    id: 'papers-per-year',
    title: 'Papers per year',
    alt: years.length
      ? `Papers per year from ${first} to ${last}: ${people.map((p, i) => `${p.name} ${plural(sum(counts[i]!), 'paper')}`).join(', ')}. Each bar is labelled with its count; the table after the chart gives the numbers.`
      : 'No papers are listed.',
    ...(years.length ? {} : { empty: 'No papers are listed, so there is no chart of papers per year.' }),
    ...(years.length && !labelled ? { note: 'The bars are too narrow to carry their counts; the table after the chart gives each one.' } : {}),
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
          directLabels: counts[i]!.map((n) => (n > 0 && labelled ? String(n) : null)),
          directLabelPosition: 'top',
        })),
      },
      options: baseOptions({
        plugins: { legend: { display: true, position: 'top', labels: { boxWidth: 14, font: { size: 13 } } }, title: { display: false }, tooltip: { enabled: false } },
        scales: {
          x: axis({ grid: { display: false } }),
          // Headroom above the tallest bar for its count, clear of the legend.
          y: axis({ beginAtZero: true, grace: '12%', ticks: { precision: 0, font: { size: 12 } }, title: { display: true, text: 'papers' } }),
        },
      }),
    },
    table: {
      caption: 'Papers per year',
      headers: ['Year', ...people.map((p) => p.name)],
      rows: labels.map((year, y) => [year, ...people.map((_, i) => String(counts[i]![y]))]),
    },
  };
}

/**
 * Papers by venue, stacked by person. Venues are grouped without their year (ICML 2022 and
 * ICML 2023 are both ICML); past the top twelve the rest are summed as "Other venues".
 */
export function papersByVenueChart(people: readonly Subject[]): ChartSpec {
  const perVenue = new Map<string, number[]>();
  for (const p of people) {
    for (const paper of p.profile.papers) {
      const venue = venueName(paper.venue);
      const row = perVenue.get(venue) ?? people.map(() => 0);
      row[p.index] = (row[p.index] ?? 0) + 1;
      perVenue.set(venue, row);
    }
  }
  const ranked = [...perVenue.entries()].sort((a, b) => sum(b[1]) - sum(a[1]) || a[0].localeCompare(b[0]));
  const shown = ranked.slice(0, topVenues);
  const rest = ranked.slice(topVenues);
  if (rest.length > 0) shown.push([`Other venues (${rest.length})`, people.map((_, i) => sum(rest.map((r) => r[1][i] ?? 0)))]);
  const labels = shown.map(([venue]) => chartText(venue, 40));

  return {
    id: 'papers-by-venue',
    title: 'Papers by venue',
    alt: ranked.length
      ? `Papers by venue, stacked by person: ${shown.map(([venue, row]) => `${venue} ${sum(row)}`).join(', ')}. The table after the chart gives each person's count.`
      : 'No papers are listed.',
    ...(ranked.length ? {} : { empty: 'No papers are listed, so there is no chart of papers by venue.' }),
    ...(rest.length ? { note: `The ${topVenues} venues with the most papers are shown; ${listText(rest.slice(0, 5).map((r) => r[0]))}${rest.length > 5 ? ' and others' : ''} are summed as Other venues.` } : {}),
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
          directLabels: shown.map(([, row]) => ((row[p.index] ?? 0) > 0 ? String(row[p.index]) : null)),
          directLabelPosition: 'center',
        })),
      },
      options: baseOptions({
        indexAxis: 'y',
        plugins: { legend: { display: true, position: 'top', labels: { boxWidth: 14, font: { size: 13 } } }, title: { display: false }, tooltip: { enabled: false } },
        scales: {
          x: axis({ stacked: true, beginAtZero: true, ticks: { precision: 0, font: { size: 12 } }, title: { display: true, text: 'papers' } }),
          y: axis({ stacked: true, grid: { display: false }, ticks: { autoSkip: false, font: { size: 12 } } }),
        },
      }),
    },
    table: {
      caption: 'Papers by venue',
      headers: ['Venue', ...people.map((p) => p.name), 'Total'],
      rows: ranked.map(([venue, row]) => [venue, ...people.map((_, i) => String(row[i] ?? 0)), String(sum(row))]),
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
