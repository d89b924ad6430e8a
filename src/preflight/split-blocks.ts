import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import type { PdfDocument } from '../pdf/read-pdf.js';
import { PdfDict, PdfRef } from '../pdf/pdf-values.js';
import type { PdfValue } from '../pdf/pdf-values.js';

type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

/** The blocks that must not be cut across pages, by their tag in the PDF's structure and in the page. */
const kinds = [
  { structure: 'TR', tag: 'tr', what: 'the table row' },
  { structure: 'LI', tag: 'li', what: 'the entry' },
  { structure: 'Art', tag: 'article', what: 'the card' },
] as const;

const maxNamed = 8;

/**
 * Table rows, list entries and cards that the printed PDF cuts across pages. Read from the PDF's
 * structure tree (the tagged PDF Chromium writes): each row, entry or card is a structure element
 * whose marked content names the pages it is drawn on; one drawn on two pages was cut. Each is
 * named by its text, read from the page's own elements of that kind in document order (the
 * structure tree keeps that order), and by its pages. A block drawn on three pages or more is
 * taller than a page and must break: it is not named.
 */
export function splitBlocks(doc: PdfDocument, html: string): string[] {
  const elements = structElements(doc);
  const found = kinds.flatMap((kind) => {
    const mine = elements.filter((e) => e.type === kind.structure);
    return mine.flatMap((element, i) => {
      const pages = [...pagesOf(doc, element.dict, new Set())]
        .map((p) => doc.pageNumbers.get(p))
        .filter((p): p is number => p !== undefined)
        .sort((a, b) => a - b);
      const [first, last] = [pages[0], pages.at(-1)];
      if (first === undefined || last === undefined || first === last || last - first > 1) return [];
      return [{ kind, i, of: mine.length, first, last }];
    });
  });
  if (found.length === 0) return [];
  // The page's texts only name what was cut: parsing the whole HTML (about 0.1 s for the
  // sample) waits until something was.
  const texts = blockTexts(html);
  const cut = found.map(({ kind, i, of, first, last }) => {
    const named = texts.get(kind.tag) ?? [];
    const text = named.length === of ? named[i] : undefined;
    return `${kind.what}${text ? ` "${text}"` : ''} on pages ${first}–${last}`;
  });
  const more = cut.length > maxNamed ? ` and ${cut.length - maxNamed} more` : '';
  return [
    `blocks are cut across pages of the PDF: ${cut.slice(0, maxNamed).join(', ')}${more}; a card, entry or table row that fits on a page should move whole to the next`,
  ];
}

/** The structure elements of the tagged PDF, in the order Chromium numbers them (document order). */
function structElements(doc: PdfDocument): { type: string; dict: PdfDict }[] {
  const found: { type: string; dict: PdfDict }[] = [];
  for (const num of doc.file.objectNumbers().sort((a, b) => a - b)) {
    const dict = doc.file.dict(doc.file.object(num));
    if (dict?.name('Type') !== 'StructElem') continue;
    // A table's header row (header cells only) is drawn again on every page the table reaches:
    // that is no cut. Chromium tags it as a row of TH cells, directly under the table.
    if (dict.name('S') === 'TR' && isHeaderRow(doc, dict)) continue;
    found.push({ type: dict.name('S') ?? '', dict });
  }
  return found;
}

function isHeaderRow(doc: PdfDocument, row: PdfDict): boolean {
  const kids = row.get('K');
  const list: readonly PdfValue[] = Array.isArray(kids) ? kids : kids === undefined ? [] : [kids];
  const cells = list.flatMap((k) => (k instanceof PdfRef ? [doc.file.dict(doc.file.object(k.num))?.name('S')] : []));
  return cells.length > 0 && cells.every((c) => c === 'TH');
}

/** The page objects a structure element's content is drawn on: its own /Pg for plain MCIDs, its kids', and marked-content references'. */
function pagesOf(doc: PdfDocument, dict: PdfDict, seen: Set<PdfDict>): Set<number> {
  const pages = new Set<number>();
  if (seen.has(dict)) return pages;
  seen.add(dict);
  const own = dict.get('Pg');
  const kids = dict.get('K');
  const list: readonly PdfValue[] = Array.isArray(kids) ? kids : kids === undefined ? [] : [kids];
  for (const kid of list) {
    if (typeof kid === 'number') {
      if (own instanceof PdfRef) pages.add(own.num);
    } else if (kid instanceof PdfRef) {
      const child = doc.file.dict(doc.file.object(kid.num));
      if (child) for (const p of pagesOf(doc, child, seen)) pages.add(p);
    } else if (kid instanceof PdfDict) {
      const pg = kid.get('Pg') ?? own;
      if (kid.name('Type') === 'MCR' && pg instanceof PdfRef) pages.add(pg.num);
      else if (kid.name('Type') === 'OBJR' && pg instanceof PdfRef) pages.add(pg.num);
    }
  }
  return pages;
}

/** The text of each `tr`, `li` and `article` that is printed, in document order, cut short. */
function blockTexts(html: string): Map<string, string[]> {
  const out = new Map<string, string[]>(kinds.map((k) => [k.tag, []]));
  const visit = (node: Node, inHead = false): void => {
    if ('tagName' in node) {
      if (
        skipped.has(node.tagName) ||
        node.attrs.some((a) => a.name === 'class' && a.value.split(/\s+/).some((c) => unprinted.has(c)))
      )
        return;
      // Header rows are left out here as in the PDF's rows (see structElements).
      const headerRow =
        node.tagName === 'tr' &&
        (inHead ||
          (node.childNodes.some((c) => 'tagName' in c) &&
            node.childNodes.every((c) => !('tagName' in c) || c.tagName === 'th')));
      if (!headerRow)
        out.get(node.tagName)?.push(
          textOf(node)
            .replace(/\u00AD/g, '')
            .replace(/\s+/g, ' ')
            .trim()
            .slice(0, 60),
        );
    }
    if ('childNodes' in node)
      for (const child of node.childNodes) visit(child, inHead || ('tagName' in node && node.tagName === 'thead'));
  };
  visit(parse(html));
  return out;
}

const skipped = new Set(['head', 'style', 'script', 'template']);
/** What the built-in templates never print: text for screen readers, the phone's layout. */
const unprinted = new Set(['sr-only', 'glance-narrow', 'running-text']);
const blockTags = new Set([
  'p',
  'br',
  'td',
  'th',
  'li',
  'div',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'tr',
  'ul',
  'ol',
  'table',
]);

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (!('childNodes' in node)) return '';
  const inner = node.childNodes.map(textOf).join('');
  return 'tagName' in node && blockTags.has(node.tagName) ? ` ${inner} ` : inner;
}
