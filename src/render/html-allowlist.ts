/**
 * What a report's HTML may contain, element by element and attribute by attribute. A report is
 * mailed and opened in ordinary browsers with JavaScript on, so anything that can run, fetch,
 * navigate by itself or frame content is left out, whatever a template folder writes. The list
 * is of what is allowed, so a construct nobody thought of is refused, not let through.
 */

/** Elements of the document's text: structure, tables, lists, phrasing, figures. */
export const allowedElements: ReadonlySet<string> = new Set([
  'html',
  'head',
  'body',
  'title',
  'meta',
  'style',
  'main',
  'header',
  'footer',
  'section',
  'article',
  'nav',
  'aside',
  'div',
  'span',
  'p',
  'address',
  'hgroup',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'menu',
  'table',
  'caption',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'figure',
  'figcaption',
  'img',
  'picture',
  'blockquote',
  'q',
  'cite',
  'pre',
  'code',
  'kbd',
  'samp',
  'var',
  'a',
  'strong',
  'em',
  'b',
  'i',
  'u',
  's',
  'small',
  'mark',
  'sub',
  'sup',
  'abbr',
  'dfn',
  'time',
  'data',
  'bdi',
  'bdo',
  'br',
  'wbr',
  'hr',
  'ins',
  'del',
  'ruby',
  'rt',
  'rp',
  'details',
  'summary',
]);

/** Attributes any allowed element may carry: none of them loads, runs or navigates. */
const globalAttributes: ReadonlySet<string> = new Set([
  'class',
  'id',
  'lang',
  'dir',
  'title',
  'role',
  'tabindex',
  'hidden',
  'translate',
  'style',
]);

/** Attributes allowed on one element only. URLs are checked separately (see `urlAttributes`). */
const elementAttributes: Readonly<Record<string, ReadonlySet<string>>> = {
  html: new Set(['xmlns']),
  meta: new Set(['charset', 'name', 'content']),
  a: new Set(['href', 'rel', 'hreflang', 'type']),
  img: new Set(['src', 'alt', 'width', 'height', 'decoding', 'loading']),
  ol: new Set(['start', 'reversed', 'type']),
  li: new Set(['value']),
  td: new Set(['colspan', 'rowspan', 'headers']),
  th: new Set(['colspan', 'rowspan', 'headers', 'scope', 'abbr']),
  col: new Set(['span']),
  colgroup: new Set(['span']),
  time: new Set(['datetime']),
  data: new Set(['value']),
  del: new Set(['datetime']),
  ins: new Set(['datetime']),
  details: new Set(['open']),
  style: new Set(['media']),
};

/** `<meta name=...>` values the document may hold; http-equiv (refresh, CSP) is the tool's own. */
export const allowedMetaNames: ReadonlySet<string> = new Set([
  'viewport',
  'author',
  'description',
  'keywords',
  'generator',
  'color-scheme',
  'robots',
]);

export function isAllowedAttribute(element: string, attribute: string): boolean {
  if (globalAttributes.has(attribute)) return true;
  if (attribute.startsWith('aria-') && /^aria-[a-z]+$/.test(attribute)) return true;
  if (attribute.startsWith('data-') && /^data-[a-z0-9-]+$/.test(attribute)) return true;
  return elementAttributes[element]?.has(attribute) ?? false;
}
