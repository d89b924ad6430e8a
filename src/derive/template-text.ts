import type { Locale } from '../i18n/locale.js';
import type { ReportView, TemplateText } from './view-model.js';

/** The fixed words of the built-in templates, in the report's language. */
export function templateText(
  locale: Locale,
  about: { buildDate: string; author: string; counts: string; peopleNames: string },
): TemplateText {
  const t = (key: string): string => locale.t(key);
  return {
    cover: {
      kicker: locale.t('cover.kicker', { date: about.buildDate }),
      now: t('cover.now'),
      born: t('cover.born'),
      listed: t('cover.listed'),
      balance: t('cover.balance'),
      contents: t('cover.contents'),
      colophon: locale.t('cover.colophon', {
        author: locale.user(about.author),
        date: about.buildDate,
        counts: about.counts,
      }),
    },
    glance: {
      tableLabel: t('glance.tableLabel'),
      caption: locale.t('glance.caption', { names: about.peopleNames }),
      person: t('glance.person'),
    },
    timeline: { lead: locale.t('timeline.lead', { names: about.peopleNames }) },
    education: { empty: t('education.empty') },
    papers: {
      empty: t('papers.empty'),
      nameSeparator: t('papers.nameSeparator'),
      year: t('papers.year'),
      paper: t('papers.paper'),
      venue: t('papers.venue'),
      role: t('papers.role'),
    },
    models: {
      lead: t('models.lead'),
      empty: t('models.empty'),
      role: t('models.role'),
      metric: t('models.metric'),
      value: t('models.value'),
      comparedWith: t('models.comparedWith'),
      better: t('models.better'),
    },
    balance: { lead: t('balance.lead'), empty: t('balance.empty') },
  };
}

/**
 * "Page {page} of {pages}" cut around its two placeholders, so the running footer can put CSS
 * page counters between the pieces ("第 " counter(page) " 页，共 " counter(pages) " 页").
 */
export function pageOfParts(locale: Locale): ReportView['pageOf'] {
  const page = '\u0000page\u0000';
  const pages = '\u0000pages\u0000';
  const text = locale.t('report.pageOf', { page, pages });
  const [before = '', rest = ''] = text.split(page);
  const [between = '', after = ''] = rest.split(pages);
  return { before, between, after };
}
