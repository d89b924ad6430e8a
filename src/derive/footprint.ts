import type { Locale } from '../i18n/locale.js';
import { dateBounds } from '../schema/partial-date.js';
import type { Impact } from '../schema/profile-schema.js';
import type { SourceIndex } from './source-index.js';
import type { Subject } from './subject.js';
import type { FootprintView, PersonView } from './view-model.js';

/** The years of a career so far for fair comparisons: from the first paper's year to the figures' date (at least one). */
export function careerYears(firstPaperYear: number, asOf: string): number {
  return Math.max(1, Number(asOf.slice(0, 4)) - firstPaperYear);
}

/** The m-quotient (Hirsch 2005): the h-index divided by the years since the first paper. */
export function mQuotient(hIndex: number, firstPaperYear: number, asOf: string): number {
  return hIndex / careerYears(firstPaperYear, asOf);
}

/** Whole months between two dates (by their first days), either way round. */
export function monthsApart(a: string, b: string): number {
  const [early, late] = [dateBounds(a).first, dateBounds(b).first].sort() as [string, string];
  const [y1, m1, d1] = early.split('-').map(Number) as [number, number, number];
  const [y2, m2, d2] = late.split('-').map(Number) as [number, number, number];
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

/** Where the figures come from, for "as of …": the cited source's publisher, else its title. */
function sourceName(subject: Subject, impact: Impact): string {
  const id = typeof impact.source === 'string' ? impact.source : impact.source[0];
  const source = subject.profile.sources.find((s) => s.id === id);
  return source?.publisher ?? source?.title ?? '';
}

export function asOfText(subject: Subject, impact: Impact, locale: Locale): string {
  return locale.t('footprint.asOf', {
    date: locale.date(impact.asOf),
    source: locale.user(sourceName(subject, impact)),
  });
}

/**
 * The research footprint side by side: raw figures (citations, h-index, i10-index), each dated and
 * sourced, and beside them the ones fair across careers of different lengths (citations and
 * h-index per year since the first paper, papers per year). When the dates are more than three
 * months apart, it says the figures are not from the same moment. Undefined when nobody has one.
 */
export function footprintView(
  people: readonly Subject[],
  views: readonly PersonView[],
  sources: SourceIndex,
  locale: Locale,
): FootprintView | undefined {
  const withImpact = people.filter((p) => p.profile.impact);
  if (withImpact.length === 0) return undefined;
  const none = locale.t('glance.notGiven');
  const decimal = (n: number): string => locale.number(Math.round(n * 100) / 100);
  const rows = withImpact.map((s) => {
    const impact = s.profile.impact!;
    const years = s.profile.papers.map((p) => p.year);
    const first = years.length ? Math.min(...years) : undefined;
    const span = first === undefined ? undefined : careerYears(first, impact.asOf);
    return {
      person: views[s.index]!,
      citations: locale.number(impact.citations),
      hIndex: impact.hIndex === undefined ? none : locale.number(impact.hIndex),
      i10Index: impact.i10Index === undefined ? none : locale.number(impact.i10Index),
      citationsPerYear: span === undefined ? none : decimal(impact.citations / span),
      mQuotient:
        span === undefined || impact.hIndex === undefined
          ? none
          : decimal(mQuotient(impact.hIndex, first!, impact.asOf)),
      papersPerYear: span === undefined ? none : decimal(s.profile.papers.length / span),
      asOf: asOfText(s, impact, locale),
      sources: sources.links(s.index, impact.source),
    };
  });
  const dates = withImpact.map((s) => s.profile.impact!.asOf);
  const spread = Math.max(...dates.flatMap((a) => dates.map((b) => monthsApart(a, b))));
  const missing = people.filter((p) => !p.profile.impact).map((p) => locale.user(p.name));
  return {
    title: locale.t('footprint.title'),
    lead: locale.t('footprint.lead'),
    headers: [
      locale.t('footprint.person'),
      locale.t('footprint.citations'),
      locale.t('footprint.hIndex'),
      locale.t('footprint.i10Index'),
      locale.t('footprint.citationsPerYear'),
      locale.t('footprint.mQuotient'),
      locale.t('footprint.papersPerYear'),
      locale.t('footprint.asOfHeader'),
    ],
    rows,
    ...(missing.length ? { missing: locale.t('footprint.missing', { names: locale.list(missing) }) } : {}),
    ...(spread > 3 ? { apart: locale.t('footprint.apart', { n: locale.number(spread) }) } : {}),
  };
}
