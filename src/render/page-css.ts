import type { ReportView } from '../derive/view-model.js';

/**
 * CSS the renderer writes itself: the page size, the running header and "page X of Y" footer as
 * CSS page-margin boxes (none on the cover), and one class per person holding their colours.
 * Text from the spec goes into CSS strings through cssString, never raw.
 */
export function pageCss(view: ReportView): string {
  const marginFont = 'font-family: "Source Sans 3", "Noto Sans SC", "Noto Sans CJK SC", sans-serif; font-size: 8pt; color: #545d6e;';
  // Right-to-left reports put the title at the right-hand (starting) edge of the header.
  const [start, end] = view.dir === 'rtl' ? ['right', 'left'] : ['left', 'right'];
  const people = view.people.map((p) => `.p${p.index} { --person: ${p.colour}; --tint: ${p.tint}; }`).join('\n');
  return `@page {
  size: ${view.page === 'Letter' ? 'letter' : 'A4'};
  margin: 20mm 17mm 18mm 17mm;
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
`;
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
