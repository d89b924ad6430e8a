import type { ChartRef, ReportView } from '../derive/view-model.js';
import type { RenderLayout } from './compile-templates.js';
import type { FontLibrary } from './font-library.js';
import { checkHtmlIsInert, insertCsp } from './html-safety.js';
import { pageCss } from './page-css.js';
import { svgDataUri } from './chart-renderer.js';

export interface HtmlParts {
  readonly layout: RenderLayout;
  /** The template set's stylesheet, already checked. */
  readonly css: string;
  readonly fonts: FontLibrary;
  /** SVG text by chart id. */
  readonly charts: ReadonlyMap<string, string>;
}

const fontMarker = '/*profile-report:font-faces*/';

/**
 * The view model and rendered charts to one self-contained HTML document: fonts, styles and
 * chart images inline, a CSP first in <head>, nothing that runs or fetches.
 */
export async function renderHtml(view: ReportView, parts: HtmlParts): Promise<string> {
  const withCharts = attachCharts(view, parts.charts);
  const html = parts.layout({ ...withCharts, fontFaces: fontMarker, pageCss: pageCss(view), css: parts.css });
  // Fonts last: which slices to embed depends on the characters the page ended up with. The
  // charts' data URIs are most of the page and hold no text to draw, so they are not scanned.
  const text = html.replace(/data:[a-z/+]+;base64,[A-Za-z0-9+/=]+/g, '');
  const fontFaces = await parts.fonts.fontFaceCss(`${text}${view.title}${view.buildDate}`);
  const page = insertCsp(html.replace(fontMarker, () => fontFaces));
  checkHtmlIsInert(page);
  return page;
}

function attachCharts(view: ReportView, charts: ReadonlyMap<string, string>): ReportView {
  const attach = (chart: ChartRef): ChartRef => {
    const svg = charts.get(chart.id);
    return svg === undefined ? chart : { ...chart, src: svgDataUri(svg) };
  };
  return {
    ...view,
    timeline: { ...view.timeline, chart: attach(view.timeline.chart) },
    papers: { ...view.papers, charts: view.papers.charts.map(attach) },
    models: { ...view.models, charts: view.models.charts.map(attach) },
    balance: view.balance.map((theme) => ({ ...theme, chart: attach(theme.chart) })),
  };
}
