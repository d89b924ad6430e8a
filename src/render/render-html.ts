import { chartSrc } from '../derive/chart-spec.js';
import type { ReportView } from '../derive/view-model.js';
import type { FontLibrary } from './font-library.js';
import { CheckedPage, UnsafeHtmlError, assembleDocument } from './html-safety.js';
import { hyphenateTree } from './hyphenate-html.js';
import { pageCss, runningText, runningTextClass } from './page-css.js';
import { svgDataUri } from './chart-renderer.js';
import { unsafeTemplates } from './template-safety.js';
import { factsElementId } from '../edition/facts-schema.js';

export interface HtmlParts {
  /** Renders the templates with a context (in the template worker, under the deadline). */
  readonly renderPage: (context: object) => Promise<string>;
  /** The template set's stylesheet, already checked. */
  readonly css: string;
  readonly fonts: FontLibrary;
  /** SVG text by chart id. */
  readonly charts: ReadonlyMap<string, string>;
  /** Each portrait's image (a `data:image/jpeg` URI) by the stand-in `src` the view gives it. */
  readonly portraits?: ReadonlyMap<string, string>;
  /** Names the template folder in refusals; undefined for the built-in templates. */
  readonly templatesDir?: string;
  /** The report's facts (see src/edition/facts-schema.ts), carried in the page as inert JSON. */
  readonly facts?: string;
}

/**
 * The view model and rendered charts to one self-contained HTML document: fonts, styles and
 * chart images inline, a CSP first in <head>, nothing that runs or fetches. The templates
 * render the page; the tool then checks it and adds the charset, the CSP and the styles
 * itself (see assembleDocument), so they never depend on the templates' text.
 */
export async function renderHtml(view: ReportView, parts: HtmlParts): Promise<string> {
  // Templates get a short stand-in for each chart image (derive set it, see chartSrc); the image
  // itself is set on the parsed page (see assembleDocument), so the HTML parser never has to
  // walk a megabyte of base64.
  const images = new Map([
    ...[...parts.charts].map(([id, svg]) => [chartSrc(id), svgDataUri(svg)] as const),
    ...(parts.portraits ?? []),
  ]);
  // Break points for narrow columns, written into the text (see hyphenate-html.ts); people's
  // names are never hyphenated, wherever they appear.
  const names = view.people.flatMap((p) => [p.name, ...(p.otherName ? [p.otherName] : [])]);
  const rendered = await parts.renderPage(view);
  try {
    // Parsed once: checked, hyphenated and written as one tree.
    const page = CheckedPage.check(rendered, images);
    hyphenateTree(page.document, { names });
    // Fonts last: which slices to embed depends on the characters the page ended up with, and
    // the stylesheet says which of them are bold.
    const running = runningText(view);
    const fontFaces = await parts.fonts.fontFaceCss(
      `${page.html()}<div lang="${view.lang}" class="${runningTextClass}">${escapeText(running)}</div>`,
      parts.css,
    );
    return assembleDocument({
      page,
      styles: [fontFaces, pageCss(view), parts.css],
      images,
      hiddenText: { className: runningTextClass, text: running },
      ...(parts.facts !== undefined ? { dataBlock: { id: factsElementId, json: parts.facts } } : {}),
    });
  } catch (error) {
    if (!(error instanceof UnsafeHtmlError)) throw error;
    const source = parts.templatesDir ? `the templates in ${parts.templatesDir}` : 'the built-in templates';
    throw unsafeTemplates(
      error.problems.slice(0, 20).map((p) => `${source}, rendered page line ${p.line}: ${p.message}`),
    );
  }
}

/** Text as HTML text content, for reading back by the font subsetter. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
