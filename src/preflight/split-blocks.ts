import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { PdfObjects } from '../print/pdf-objects.js';

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
export function splitBlocks(bytes: Uint8Array, html: string): string[] {
  const pdf = PdfObjects.from(bytes);
  const pageNumber = new Map(pdf.pages().map((object, i) => [object, i + 1]));
  const texts = blockTexts(html);
  const cut: string[] = [];
  for (const kind of kinds) {
    const elements = structElements(pdf, kind.structure);
    const named = texts.get(kind.tag) ?? [];
    elements.forEach((element, i) => {
      const pages = [...pagesOf(pdf, element, new Set())].map((p) => pageNumber.get(p)).filter((p): p is number => p !== undefined).sort((a, b) => a - b);
      const [first, last] = [pages[0], pages.at(-1)];
      if (first === undefined || last === undefined || first === last || last - first > 1) return;
      // The text only when the page has exactly as many of these as the structure tree.
      const text = named.length === elements.length ? named[i] : undefined;
      cut.push(`${kind.what}${text ? ` "${text}"` : ''} on pages ${first}–${last}`);
    });
  }
  if (cut.length === 0) return [];
  const more = cut.length > maxNamed ? ` and ${cut.length - maxNamed} more` : '';
  return [`blocks are cut across pages of the PDF: ${cut.slice(0, maxNamed).join(', ')}${more}; a card, entry or table row that fits on a page should move whole to the next`];
}

/** The objects of the structure elements of one type, in the order the PDF writes them (document order). */
function structElements(pdf: PdfObjects, type: string): number[] {
  const found: number[] = [];
  for (const m of pdf.text.matchAll(/(?:^|\n)(\d+) 0 obj\n<<\/Type \/StructElem\n\/S \/(\w+)/g)) if (m[2] === type) found.push(Number(m[1]));
  return found;
}

/** The page objects a structure element's content is drawn on: its own /Pg for plain MCIDs, and its kids'. */
function pagesOf(pdf: PdfObjects, object: number, seen: Set<number>): Set<number> {
  const pages = new Set<number>();
  if (seen.has(object)) return pages;
  seen.add(object);
  const dict = pdf.dict(object) ?? '';
  const own = /\/Pg (\d+) 0 R/.exec(dict)?.[1];
  const kids = /\/K\s*(\[[^\]]*\]|\d+ 0 R|\d+)/.exec(dict)?.[1] ?? '';
  for (const m of kids.matchAll(/(\d+) 0 R|(\d+)/g)) {
    if (m[2] !== undefined) {
      if (own !== undefined) pages.add(Number(own));
      continue;
    }
    const kid = Number(m[1]);
    const kidDict = pdf.dict(kid) ?? '';
    if (/\/Type \/StructElem/.test(kidDict)) for (const p of pagesOf(pdf, kid, seen)) pages.add(p);
    else {
      const pg = /\/Pg (\d+) 0 R/.exec(kidDict)?.[1] ?? own;
      if (pg !== undefined) pages.add(Number(pg));
    }
  }
  return pages;
}

/** The text of each `tr`, `li` and `article` that is printed, in document order, cut short. */
function blockTexts(html: string): Map<string, string[]> {
  const out = new Map<string, string[]>(kinds.map((k) => [k.tag, []]));
  const visit = (node: Node): void => {
    if ('tagName' in node) {
      if (skipped.has(node.tagName) || node.attrs.some((a) => a.name === 'class' && a.value.split(/\s+/).some((c) => unprinted.has(c)))) return;
      out.get(node.tagName)?.push(textOf(node).replace(/\u00AD/g, '').replace(/\s+/g, ' ').trim().slice(0, 60));
    }
    if ('childNodes' in node) for (const child of node.childNodes) visit(child);
  };
  visit(parse(html));
  return out;
}

const skipped = new Set(['head', 'style', 'script', 'template']);
/** What the built-in templates never print: text for screen readers, the phone's layout. */
const unprinted = new Set(['sr-only', 'glance-narrow', 'running-text']);
const blockTags = new Set(['p', 'br', 'td', 'th', 'li', 'div', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'tr', 'ul', 'ol', 'table']);

function textOf(node: Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  if (!('childNodes' in node)) return '';
  const inner = node.childNodes.map(textOf).join('');
  return 'tagName' in node && blockTags.has(node.tagName) ? ` ${inner} ` : inner;
}
