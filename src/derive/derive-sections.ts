import type { Locale } from '../i18n/locale.js';
import { displayUrl } from '../safety/display-url.js';
import type { BalanceTheme } from './charts/balance-charts.js';
import type { ChartSpec } from './chart-spec.js';
import type { SourceIndex } from './source-index.js';
import { stanceText } from './stance.js';
import type { Subject } from './subject.js';
import { chartView } from './chart-view.js';
import type { ChangeMarks } from './changes-view.js';
import { markupHtml, plainText } from './inline-markup.js';
import { authorsHtml, ownNameSpans } from './own-name.js';
import type {
  BalanceThemeView,
  EducationView,
  ModelView,
  PaperView,
  PersonBlock,
  PersonView,
  SourceView,
} from './view-model.js';

function block<T>(person: PersonView, items: readonly T[]): PersonBlock<T> {
  return { person, items, empty: items.length === 0 };
}

const noMarks: ChangeMarks = () => undefined;

export function educationBlocks(
  people: readonly Subject[],
  views: readonly PersonView[],
  sources: SourceIndex,
  locale: Locale,
  marks: ChangeMarks = noMarks,
): PersonBlock<EducationView>[] {
  return people.map((s, i) =>
    block<EducationView>(
      views[i]!,
      s.profile.education.map((e) => ({
        ...optional('mark', marks(s.index, 'education', `${e.institution}|${e.start ?? ''}`)),
        degree: e.field
          ? locale.t('education.degreeField', { degree: locale.user(e.degree), field: locale.user(e.field) })
          : locale.user(e.degree),
        where: e.department
          ? locale.t('education.where', {
              department: locale.user(e.department),
              institution: locale.user(e.institution),
            })
          : locale.user(e.institution),
        ...(e.start || e.end ? { when: locale.period(e.start, e.end) } : {}),
        ...(e.note ? { note: plainText(e.note), noteHtml: markupHtml(e.note) } : {}),
        sources: sources.links(s.index, e.source),
      })),
    ),
  );
}

/** Papers newest first, as readers of a record expect. */
export function paperBlocks(
  people: readonly Subject[],
  views: readonly PersonView[],
  sources: SourceIndex,
  locale: Locale,
  marks: ChangeMarks = noMarks,
): PersonBlock<PaperView>[] {
  return people.map((s, i) =>
    block<PaperView>(
      views[i]!,
      [...s.profile.papers]
        .sort((a, b) => b.year - a.year || (b.date ?? '').localeCompare(a.date ?? ''))
        .map((p) => {
          const href = p.arxiv ? `https://arxiv.org/abs/${p.arxiv}` : p.url;
          return {
            ...optional('mark', marks(s.index, 'papers', p.id)),
            year: String(p.year),
            title: p.title,
            ...(p.shortName ? { shortName: p.shortName } : {}),
            venue:
              p.venue === undefined
                ? ''
                : p.date
                  ? locale.t('papers.firstPublic', { venue: locale.user(p.venue), date: locale.date(p.date) })
                  : locale.user(p.venue),
            authorship: locale.t('papers.authorship', { role: camel(p.authorship) }),
            ...(p.authors
              ? { authors: p.authors, authorsHtml: authorsHtml(p.authors, ownNameSpans(s.profile.person, p.authors)) }
              : {}),
            summary: plainText(p.summary),
            summaryHtml: markupHtml(p.summary),
            ...(href ? { link: { href, text: p.arxiv ? `arXiv:${p.arxiv}` : locale.t('papers.link') } } : {}),
            sources: sources.links(s.index, p.source),
          };
        }),
    ),
  );
}

export function modelBlocks(
  people: readonly Subject[],
  views: readonly PersonView[],
  sources: SourceIndex,
  locale: Locale,
  marks: ChangeMarks = noMarks,
): PersonBlock<ModelView>[] {
  return people.map((s, i) =>
    block<ModelView>(
      views[i]!,
      s.profile.models.map((m) => ({
        ...optional(
          'mark',
          marks(s.index, 'models', m.id) ??
            m.metrics.map((metric) => marks(s.index, 'models', `${m.id}|${metric.label}`)).find(Boolean),
        ),
        id: `model-${views[i]!.id}-${m.id}`,
        name: m.name,
        kind: locale.t('models.kind', { kind: m.kind }),
        organisation: m.organisation,
        released: m.released
          ? locale.t('models.released', { date: locale.date(m.released) })
          : locale.t('models.releaseNotGiven'),
        role: m.role,
        ...(m.summary ? { summary: plainText(m.summary), summaryHtml: markupHtml(m.summary) } : {}),
        innovations: m.innovations.map(plainText),
        innovationsHtml: m.innovations.map(markupHtml),
        metrics: m.metrics.map((metric) => ({
          label: metric.label,
          value: locale.quantity(metric.value, metric.unit),
          comparedWith: metric.baseline
            ? locale.t('models.baseline', {
                name: locale.user(metric.baseline.name),
                value: locale.quantity(metric.baseline.value, metric.unit),
              })
            : locale.t('models.none'),
          better: metric.better ? locale.t('models.betterValue', { better: metric.better }) : locale.t('models.none'),
          ...(metric.claim ? { claim: locale.t('quote', { text: locale.user(metric.claim) }) } : {}),
          sources: sources.links(s.index, metric.source),
        })),
        labels: {
          metrics: locale.t('models.metricsLabel', { name: locale.user(m.name) }),
          metricsCaption: locale.t('models.metricsCaption', { name: locale.user(m.name) }),
        },
        sources: sources.links(s.index, m.source),
      })),
    ),
  );
}

export function balanceViews(
  themes: readonly BalanceTheme[],
  charts: readonly ChartSpec[],
  views: readonly PersonView[],
  sources: SourceIndex,
  locale: Locale,
): BalanceThemeView[] {
  return themes.map((theme, t) => ({
    id: theme.id,
    tradeoff: theme.tradeoff,
    poles: locale.t('balance.poles', { left: locale.user(theme.poles[0]), right: locale.user(theme.poles[1]) }),
    chart: chartView(charts[t]!),
    people: theme.entries.map((e) => ({
      person: views[e.person.index]!,
      stance: stanceText(locale, e.position, theme.poles),
      ...(e.point.summary ? { summary: plainText(e.point.summary), summaryHtml: markupHtml(e.point.summary) } : {}),
      evidence: e.point.evidence.map((ev) => ({
        text: plainText(ev.text),
        html: markupHtml(ev.text),
        sources: sources.links(e.person.index, ev.source),
      })),
    })),
  }));
}

export function sourceViews(sources: SourceIndex, views: readonly PersonView[], locale: Locale): SourceView[] {
  return sources.list().map((n) => {
    const date = n.source.date ? locale.date(n.source.date) : undefined;
    return {
      number: n.number,
      anchor: n.anchor,
      title: n.source.title,
      afterTitle: afterTitle(locale, n.source.title, n.source.publisher, date),
      ...(n.source.publisher ? { publisher: n.source.publisher } : {}),
      ...(date ? { date } : {}),
      ...(n.source.url ? { url: displayUrl(n.source.url) } : {}),
      ...(n.source.file ? { file: locale.t('sources.file', { file: locale.user(n.source.file) }) } : {}),
      ...(n.source.note ? { note: plainText(n.source.note), noteHtml: markupHtml(n.source.note) } : {}),
      citedBy: locale.t('sources.citedFor', { names: locale.list(n.people.map((p) => locale.user(views[p]!.name))) }),
    };
  });
}

/** ". Publisher, date." after a title, without doubling a title's own "?" or "!" into "?.". */
function afterTitle(locale: Locale, title: string, publisher: string | undefined, date: string | undefined): string {
  const ended = /[.?!。？！]$/.test(title.trim());
  const details =
    publisher && date ? locale.t('sources.details', { publisher: locale.user(publisher), date }) : (publisher ?? date);
  if (details) return locale.t(ended ? 'sources.afterTitleEnded' : 'sources.afterTitle', { details });
  return ended ? '' : locale.t('sources.stop');
}

/** `{ key: value }` when there is a value, `{}` otherwise: views carry no undefined fields. */
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string };
}

/** `co-first` → `coFirst`: ICU select keys cannot hold a dash. */
function camel(key: string): string {
  return key.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}
