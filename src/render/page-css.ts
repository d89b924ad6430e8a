import type { ReportView } from '../derive/view-model.js';
import { regionFamily } from './font-catalogue.js';
import { regionOf } from './text-contexts.js';

/** The printed page's margins, in millimetres: the running header and footer sit in them. */
export const pageMarginsMm = { top: 20, side: 17, bottom: 18 } as const;

/**
 * CSS the renderer writes itself: the page size, the running header and "page X of Y" footer as
 * CSS page-margin boxes (none on the cover), and one class per person holding their colours.
 * Text from the spec goes into CSS strings through cssString, never raw.
 */
export function pageCss(view: ReportView): string {
  const marginFont = `font-family: ${marginFamilies(view)}; font-size: 8pt; color: #545d6e;`;
  // Right-to-left reports put the title at the right-hand (starting) edge of the header.
  const [start, end] = view.dir === 'rtl' ? ['right', 'left'] : ['left', 'right'];
  const people = view.people.map((p) => `.p${p.index} { --person: ${p.colour}; --tint: ${p.tint}; }`).join('\n');
  return `@page {
  size: ${view.page === 'Letter' ? 'letter' : 'A4'};
  margin: ${pageMarginsMm.top}mm ${pageMarginsMm.side}mm ${pageMarginsMm.bottom}mm ${pageMarginsMm.side}mm;
  @top-${start} { content: ${cssString(headerText(view.title))}; ${marginFont} vertical-align: bottom; padding-bottom: 3mm; }
  @top-${end} { content: ${cssString(view.buildDate)}; ${marginFont} vertical-align: bottom; padding-bottom: 3mm; white-space: nowrap; }
  @bottom-center { content: ${cssString(view.pageOf.before)} counter(page) ${cssString(view.pageOf.between)} counter(pages) ${cssString(view.pageOf.after)}; ${marginFont} vertical-align: top; padding-top: 3mm; }
}
@page :first {
  @top-left { content: none; }
  @top-right { content: none; }
  @bottom-center { content: none; }
}
${people}
.${runningTextClass} { ${marginFont} visibility: hidden; position: absolute; inset-block-start: 0; inset-inline-start: 0; width: 1px; height: 1px; overflow: hidden; }
`;
}

/** The class of the element that holds the running text in the page (see runningText). */
export const runningTextClass = 'running-text';

/**
 * The text of the running header and footer: the cut title, the date, the words around the
 * page numbers and the digits. Chromium draws the page-margin boxes from fonts the page has
 * loaded, and loads a font (an inline slice of it) only for text it lays out: a header in a
 * script or face the body does not use otherwise came out blank when the page was printed only
 * once. The tool puts this text in the page, hidden and in the margin boxes' font, so those
 * fonts are embedded and loaded before anything is printed.
 */
export function runningText(view: ReportView): string {
  return [
    headerText(view.title),
    view.buildDate,
    view.pageOf.before,
    view.pageOf.between,
    view.pageOf.after,
    '0123456789',
  ]
    .filter((t) => t.trim() !== '')
    .join(' ');
}

/** The margin boxes' fonts: Latin first, then the CJK family of the report's language. */
function marginFamilies(view: ReportView): string {
  const families = new Set(['Source Sans 3', regionFamily[regionOf(view.lang)], 'Noto Sans SC', 'Noto Sans CJK SC']);
  return `${[...families].map((f) => `"${f}"`).join(', ')}, sans-serif`;
}

/** The running header holds the title on one line: a long one is cut, at a whole character, with an ellipsis. */
function headerText(title: string): string {
  const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(title)].map((s) => s.segment);
  return graphemes.length <= 90 ? title : `${graphemes.slice(0, 88).join('').trimEnd()}…`;
}

/**
 * A CSS string literal that cannot end early: anything but plain letters, digits and a few
 * punctuation marks becomes a hex escape, so quotes, backslashes, newlines and `</style>` are
 * inert. Each escape ends with a space, which CSS consumes as the escape's terminator: without
 * it, a space that follows the escaped character would be eaten instead ("山田 花子" would
 * print as "山田花子"), and a hex digit that follows would be read as part of the escape.
 */
export function cssString(text: string): string {
  let out = '"';
  for (const char of text) {
    if (/^[A-Za-z0-9 .,:;!?()'_-]$/.test(char)) out += char;
    else out += `\\${char.codePointAt(0)!.toString(16)} `;
  }
  return `${out}"`;
}
