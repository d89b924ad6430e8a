import { displayUrl } from '../safety/display-url.js';
import type { Paper } from '../schema/profile-schema.js';
import { balanceChart, stanceText } from './charts/balance-charts.js';
import type { BalanceTheme } from './charts/balance-charts.js';
import { chartRef } from './chart-spec.js';
import { formatDate, formatPeriod, formatQuantity, listText } from './format.js';
import type { SourceIndex } from './source-index.js';
import type { Subject } from './subject.js';
import type { BalanceThemeView, EducationView, ModelView, PaperView, PersonBlock, PersonView, SourceView } from './view-model.js';

function block<T>(person: PersonView, items: readonly T[]): PersonBlock<T> {
  return { person, items, empty: items.length === 0 };
}

export function educationBlocks(people: readonly Subject[], views: readonly PersonView[], sources: SourceIndex): PersonBlock<EducationView>[] {
  return people.map((s, i) =>
    block<EducationView>(
      views[i]!,
      s.profile.education.map((e) => ({
        degree: e.field ? `${e.degree}, ${e.field}` : e.degree,
        where: [e.department, e.institution].filter(Boolean).join(', '),
        ...(e.start || e.end ? { when: formatPeriod(e.start, e.end) } : {}),
        ...(e.note ? { note: e.note } : {}),
        sources: sources.links(s.index, e.source),
      })),
    ),
  );
}

const authorshipText: Record<Paper['authorship'], string> = {
  first: 'First author',
  'co-first': 'Co-first author',
  last: 'Last author',
  corresponding: 'Corresponding author',
  'co-author': 'Co-author',
};

/** Papers newest first, as readers of a record expect. */
export function paperBlocks(people: readonly Subject[], views: readonly PersonView[], sources: SourceIndex): PersonBlock<PaperView>[] {
  return people.map((s, i) =>
    block<PaperView>(
      views[i]!,
      [...s.profile.papers]
        .sort((a, b) => b.year - a.year || (b.date ?? '').localeCompare(a.date ?? ''))
        .map((p) => {
          const href = p.arxiv ? `https://arxiv.org/abs/${p.arxiv}` : p.url;
          return {
            year: String(p.year),
            title: p.title,
            ...(p.shortName ? { shortName: p.shortName } : {}),
            venue: p.date ? `${p.venue} (first public ${formatDate(p.date)})` : p.venue,
            authorship: authorshipText[p.authorship],
            ...(p.authors ? { authors: p.authors } : {}),
            summary: p.summary,
            ...(href ? { link: { href, text: p.arxiv ? `arXiv:${p.arxiv}` : 'link' } } : {}),
            sources: sources.links(s.index, p.source),
          };
        }),
    ),
  );
}

export function modelBlocks(people: readonly Subject[], views: readonly PersonView[], sources: SourceIndex): PersonBlock<ModelView>[] {
  return people.map((s, i) =>
    block<ModelView>(
      views[i]!,
      s.profile.models.map((m) => ({
        id: `model-${views[i]!.id}-${m.id}`,
        name: m.name,
        kind: m.kind === 'model' ? 'Model' : m.kind === 'product' ? 'Product' : 'System',
        organisation: m.organisation,
        released: m.released ? `Released ${formatDate(m.released)}` : 'Release date not given',
        role: m.role,
        ...(m.summary ? { summary: m.summary } : {}),
        innovations: m.innovations,
        metrics: m.metrics.map((metric) => ({
          label: metric.label,
          value: formatQuantity(metric.value, metric.unit),
          comparedWith: metric.baseline ? `${metric.baseline.name}: ${formatQuantity(metric.baseline.value, metric.unit)}` : '—',
          better: metric.better ? `${metric.better[0]!.toUpperCase()}${metric.better.slice(1)}` : '—',
          ...(metric.claim ? { claim: metric.claim } : {}),
          sources: sources.links(s.index, metric.source),
        })),
        sources: sources.links(s.index, m.source),
      })),
    ),
  );
}

export function balanceViews(themes: readonly BalanceTheme[], views: readonly PersonView[], sources: SourceIndex): BalanceThemeView[] {
  return themes.map((theme) => ({
    id: theme.id,
    tradeoff: theme.tradeoff,
    poles: `${theme.poles[0]} and ${theme.poles[1]}`,
    chart: chartRef(balanceChart(theme)),
    people: theme.entries.map((e) => ({
      person: views[e.person.index]!,
      stance: stanceText(e.position, theme.poles),
      ...(e.point.summary ? { summary: e.point.summary } : {}),
      evidence: e.point.evidence.map((ev) => ({ text: ev.text, sources: sources.links(e.person.index, ev.source) })),
    })),
  }));
}

export function sourceViews(sources: SourceIndex, views: readonly PersonView[]): SourceView[] {
  return sources.list().map((n) => ({
    number: n.number,
    anchor: n.anchor,
    title: n.source.title,
    afterTitle: afterTitle(n.source.title, n.source.publisher, n.source.date ? formatDate(n.source.date) : undefined),
    ...(n.source.publisher ? { publisher: n.source.publisher } : {}),
    ...(n.source.date ? { date: formatDate(n.source.date) } : {}),
    ...(n.source.url ? { url: displayUrl(n.source.url) } : {}),
    ...(n.source.file ? { file: n.source.file } : {}),
    ...(n.source.note ? { note: n.source.note } : {}),
    citedBy: listText(n.people.map((p) => views[p]!.name)),
  }));
}

/** ". Publisher, date." after a title, without doubling a title's own "?" or "!" into "?.". */
function afterTitle(title: string, publisher: string | undefined, date: string | undefined): string {
  const stop = /[.?!]$/.test(title.trim()) ? '' : '.';
  const rest = [publisher, date].filter(Boolean).join(', ');
  return rest ? `${stop} ${rest}.` : stop;
}
