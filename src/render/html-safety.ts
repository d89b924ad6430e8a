import { RenderError } from '../errors.js';
import { html as parse5Html, parse, parseFragment, serialize } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { allowedElements, allowedMetaNames, isAllowedAttribute } from './html-allowlist.js';
import { cssProblems } from './css-safety.js';

type Node = DefaultTreeAdapterTypes.Node;
type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/**
 * The report's Content-Security-Policy: inline styles, and images and fonts from `data:` only.
 * Everything else (scripts, frames, objects, fetches, form posts, base URLs) is refused.
 */
export const contentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export interface HtmlProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface CheckOptions {
  /** `src` values an `<img>` may have: stand-ins for the chart images the tool drew. Absent: any `data:image/`. */
  readonly images?: ReadonlyMap<string, string>;
  /** Checking a template's source: attribute values that still hold `{{` are judged once rendered. */
  readonly templated?: boolean;
}

/**
 * Checks a parsed document (or template) against the allowlist in html-allowlist.ts. The
 * document is parsed by parse5, which implements the same HTML parsing algorithm as browsers,
 * so what is judged here is exactly what a browser will build: `<img alt=">" onerror=...>`,
 * `<meta/http-equiv=...>`, `&#106;avascript:` and comments holding tags are seen as they are.
 */
export function htmlProblems(root: ParentNode, options: CheckOptions = {}): HtmlProblem[] {
  const problems: HtmlProblem[] = [];
  const at: Report = (where, message) => problems.push({ ...where, message });
  // Iterative: a template may nest elements deeper than the call stack goes.
  const stack: Node[] = [...root.childNodes];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!('tagName' in node)) continue;
    checkElement(node, options, at);
    if (node.tagName === 'style') checkStyleText(node, at);
    stack.push(...node.childNodes);
    if ('content' in node) stack.push(...node.content.childNodes);
  }
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

type Report = (where: { line: number; column: number }, message: string) => void;

/** Where an element, or one of its attributes, starts in the parsed text. */
function where(element: Element, attribute?: string): { line: number; column: number } {
  const loc = element.sourceCodeLocation;
  const attrLoc = attribute ? loc?.attrs?.[attribute] : undefined;
  return { line: (attrLoc ?? loc)?.startLine ?? 0, column: (attrLoc ?? loc)?.startCol ?? 0 };
}

function checkElement(element: Element, options: CheckOptions, at: Report): void {
  const tag = element.tagName;
  if (element.namespaceURI !== parse5Html.NS.HTML) {
    at(where(element), `<${tag}>: inline SVG and MathML are not allowed (charts are drawn by the tool, as images)`);
    return;
  }
  if (!allowedElements.has(tag)) {
    at(where(element), `<${tag}> is not allowed in a report (${describeElement(tag)})`);
    return;
  }
  for (const { name, value } of element.attrs) {
    // In a template's source, `{{#if x}}lang="{{y}}"{{/if}}` inside a tag reads as attributes
    // named `{{#if`, `x}}`...: judged once rendered, like templated values.
    if (options.templated && (value.includes('{{') || /[{}]/.test(name))) continue;
    if (!isAllowedAttribute(tag, name)) {
      at(
        where(element, name),
        name.startsWith('on')
          ? `<${tag} ${name}=...>: event handler attributes run script`
          : `<${tag} ${name}=...>: the attribute ${name} is not allowed on <${tag}>`,
      );
      continue;
    }
    if (name === 'href') {
      const problem = linkProblem(value);
      if (problem) at(where(element, name), `<${tag} href="${truncate(value)}">: ${problem}`);
    } else if (name === 'src') {
      const allowed = options.images ? options.images.has(value) : /^data:image\//i.test(value);
      if (!allowed)
        at(
          where(element, name),
          `<${tag} src="${truncate(value)}">: a report shows only the images the tool drew, inline`,
        );
    } else if (name === 'style') {
      for (const p of cssProblems(value, 'declarationList')) at(where(element, name), `style="...": ${p.message}`);
    } else if (tag === 'meta' && name === 'name' && !allowedMetaNames.has(value.toLowerCase())) {
      at(where(element, name), `<meta name="${truncate(value)}"> is not one a report may carry`);
    }
  }
}

function checkStyleText(style: Element, at: Report): void {
  const text = style.childNodes.map((n) => ('value' in n ? n.value : '')).join('');
  const tag = style.sourceCodeLocation?.startTag;
  for (const p of cssProblems(text)) {
    // A position in the stylesheet, moved to where the stylesheet starts in the template.
    const line = tag ? tag.endLine + p.line - 1 : 0;
    const column = tag && p.line === 1 ? tag.endCol + p.column - 1 : p.column;
    at({ line, column }, `<style>: ${p.message}`);
  }
}

/**
 * Links may go to `https:` pages or to a place in the report. The value is judged as the URL
 * parser reads it (parse5 has already decoded character references), so `&#106;avascript:`,
 * tabs inside the scheme and `file:` are all seen for what they are.
 */
export function linkProblem(href: string): string | undefined {
  if (href.trim().startsWith('#')) return undefined;
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'a link must be an absolute https: URL or a #place in the report';
  }
  return url.protocol === 'https:'
    ? undefined
    : `${url.protocol} links are not allowed; only https: and #places in the report`;
}

function describeElement(tag: string): string {
  if (tag === 'script' || tag === 'noscript') return 'reports carry no scripts';
  if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe'].includes(tag))
    return 'reports embed no frames or objects';
  if (tag === 'base') return 'it would change where every link points';
  if (tag === 'link') return 'styles must be inline, and nothing is loaded';
  if (['form', 'input', 'button', 'select', 'textarea', 'option'].includes(tag)) return 'reports hold no forms';
  if (['audio', 'video', 'source', 'track', 'canvas'].includes(tag)) return 'reports hold no media';
  return 'not on the list of elements a report may use';
}

function truncate(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}

/** Parses a whole page or a template's source, with positions, as a browser would. */
export function parseHtml(text: string, asDocument: boolean): ParentNode {
  return asDocument
    ? parse(text, { sourceCodeLocationInfo: true })
    : parseFragment(text, { sourceCodeLocationInfo: true });
}

/** Where a CSS problem is, for messages. */

export interface DocumentParts {
  /** The page the templates rendered: as text, or already parsed and checked (CheckedPage.check). */
  readonly page: string | CheckedPage;
  /** Style sheets the tool adds to <head>, in order (fonts, page rules, the template set's CSS). */
  readonly styles: readonly string[];
  /** The chart images the page may show: the stand-in `src` the templates were given, and the image's data URI. */
  readonly images: ReadonlyMap<string, string>;
  /** Text the tool adds at the end of <body> in a hidden element of this class (see page-css.ts). */
  readonly hiddenText?: { readonly className: string; readonly text: string };
  /**
   * JSON the tool carries in the page as an inert data block (`<script type="application/json">`,
   * which no browser runs): the report's facts. Added after the check, so a template can never
   * write one; its text is escaped so that nothing in it can end the element.
   */
  readonly dataBlock?: { readonly id: string; readonly json: string };
}

/** The rendered page breaks the allowlist: it is never written (a RenderError, exit code 3). */
export class UnsafeHtmlError extends RenderError {
  override readonly name: string = 'UnsafeHtmlError';
  constructor(readonly problems: readonly HtmlProblem[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

/**
 * The templates' page, parsed and checked against the allowlist. Only `check` makes one, so a
 * tree that reaches assembleDocument this way has been checked; the tool may then change its
 * text (hyphenation adds soft hyphens and `<wbr>`) before it is written.
 */
export class CheckedPage {
  private constructor(readonly document: DefaultTreeAdapterTypes.Document) {}

  /** Parses the templates' page and checks it against the allowlist; throws UnsafeHtmlError. */
  static check(page: string, images: ReadonlyMap<string, string>): CheckedPage {
    // Positions only serve the messages, and recording them doubles the parse: a page that
    // fails is parsed again with them. The tree checked is the tree written either way.
    const document = parse(page);
    if (htmlProblems(document, { images }).length > 0) {
      throw new UnsafeHtmlError(htmlProblems(parse(page, { sourceCodeLocationInfo: true }), { images }));
    }
    return new CheckedPage(document);
  }

  /** The page as HTML text, as it stands. */
  html(): string {
    return serialize(this.document);
  }
}

/**
 * Builds the document that is written and printed. The templates' page is parsed and checked
 * against the allowlist (CheckedPage.check, throwing UnsafeHtmlError), stripped of comments and of any
 * charset or policy of its own, and then the tool adds, as nodes rather than by searching text:
 * the charset, the CSP first after it, and the style sheets. No text in a template, profile or
 * spec can move them, since none of it is ever searched. The tree is serialised by parse5,
 * so the file holds exactly what was checked.
 */
export function assembleDocument(parts: DocumentParts): string {
  const { document } = typeof parts.page === 'string' ? CheckedPage.check(parts.page, parts.images) : parts.page;
  finishTree(document, parts.images);
  const html = document.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'html')!;
  const head = html.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'head')!;
  head.childNodes = head.childNodes.filter(
    (n) => !('tagName' in n && n.tagName === 'meta' && n.attrs.some((a) => a.name === 'charset')),
  );
  const element = (tagName: string, attrs: { name: string; value: string }[], text?: string): Element => {
    const el: Element = {
      nodeName: tagName,
      tagName,
      attrs,
      namespaceURI: parse5Html.NS.HTML,
      childNodes: [],
      parentNode: head,
    };
    if (text !== undefined) el.childNodes.push({ nodeName: '#text', value: text, parentNode: el });
    return el;
  };
  const newline = (): DefaultTreeAdapterTypes.ChildNode => ({ nodeName: '#text', value: '\n', parentNode: head });
  head.childNodes.unshift(
    newline(),
    element('meta', [{ name: 'charset', value: 'utf-8' }]),
    newline(),
    element('meta', [
      { name: 'http-equiv', value: 'Content-Security-Policy' },
      { name: 'content', value: contentSecurityPolicy },
    ]),
  );
  for (const css of parts.styles) head.childNodes.push(element('style', [], `\n${css}\n`), newline());
  if (parts.dataBlock)
    head.childNodes.push(
      element(
        'script',
        [
          { name: 'type', value: 'application/json' },
          { name: 'id', value: parts.dataBlock.id },
        ],
        inertJson(parts.dataBlock.json),
      ),
      newline(),
    );
  const body = html.childNodes.find((n): n is Element => 'tagName' in n && n.tagName === 'body');
  if (body && parts.hiddenText) {
    const hidden = element(
      'div',
      [
        { name: 'class', value: parts.hiddenText.className },
        { name: 'aria-hidden', value: 'true' },
      ],
      parts.hiddenText.text,
    );
    hidden.parentNode = body;
    body.childNodes.push(hidden, { nodeName: '#text', value: '\n', parentNode: body });
  }
  return serialize(document);
}

/**
 * JSON that cannot end or change its <script> element: `<`, `>` and `&` as \u escapes (so no
 * `</script` or `<!--` can appear), and the two line separators JavaScript once rejected. The
 * escapes are still the same JSON, so a JSON parser reads back exactly the same value.
 */
function inertJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Drops comments and puts each chart's image in place of its stand-in, on the tree. */
function finishTree(root: ParentNode, images: ReadonlyMap<string, string>): void {
  const stack: ParentNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.childNodes = node.childNodes.filter((c) => c.nodeName !== '#comment');
    if ('tagName' in node && node.tagName === 'img') {
      for (const attr of node.attrs) if (attr.name === 'src') attr.value = images.get(attr.value) ?? attr.value;
    }
    for (const c of node.childNodes) if ('childNodes' in c) stack.push(c);
  }
}
