import type { PdfObjects } from './pdf-objects.js';
import { ref } from './pdf-objects.js';

/**
 * Chromium builds PDF bookmarks from the painted text of each heading, which loses the space
 * where a heading wraps ("two balancepoints") and sometimes repeats a heading laid out twice
 * near a page break ("TimelineTimeline"). We know the true heading texts from the HTML; this
 * module finds each bookmark and, when the bookmarks and headings match one for one (ignoring
 * spaces and case), gives the replacement titles. When they do not match, it changes nothing.
 */

/** Heading texts of an HTML document, in order: tags dropped, entities decoded, spaces collapsed. */
export function headingTexts(html: string): string[] {
  const texts: string[] = [];
  for (const match of html.matchAll(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1>/gi)) {
    const text = decodeEntities((match[2] ?? '').replace(/<[^>]*>/g, ''))
      .replace(/\s+/g, ' ')
      .trim();
    texts.push(text);
  }
  return texts;
}

export interface OutlineItem {
  readonly object: number;
  readonly title: string;
  /** The item's dictionary as written, `<<...>>`. */
  readonly dict: string;
}

/** Bookmarks in reading order (depth first). */
export function outlineItems(pdf: PdfObjects): OutlineItem[] {
  const root = ref(pdf.catalog() ?? '', 'Outlines');
  if (root === undefined) return [];
  const items: OutlineItem[] = [];
  const seen = new Set<number>();
  const visit = (first: number | undefined): void => {
    let next = first;
    while (next !== undefined && !seen.has(next) && items.length < 10_000) {
      seen.add(next);
      const dict = pdf.dict(next);
      if (!dict) return;
      const title = /\/Title (\((?:\\[\s\S]|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/.exec(dict)?.[1];
      items.push({ object: next, title: title ? decodePdfString(title) : '', dict });
      visit(ref(dict, 'First'));
      next = ref(dict, 'Next');
    }
  };
  const rootDict = pdf.dict(root);
  visit(rootDict ? ref(rootDict, 'First') : undefined);
  return items;
}

/** Replacement titles by item, or undefined when the outline and headings do not line up. */
export function correctedTitles(items: readonly OutlineItem[], headings: readonly string[]): Map<number, string> | undefined {
  if (items.length === 0 || items.length !== headings.length) return undefined;
  const squash = (s: string): string => s.replace(/\s+/g, '').toLowerCase();
  const fixes = new Map<number, string>();
  for (const [i, item] of items.entries()) {
    const want = squash(headings[i]!);
    const got = squash(item.title);
    // Chromium's title is the heading, possibly after a repeat of some of its start.
    const extra = got.slice(0, got.length - want.length);
    if (!got.endsWith(want) || !want.startsWith(extra)) return undefined;
    if (item.title !== headings[i]) fixes.set(item.object, headings[i]!);
  }
  return fixes;
}

export function decodePdfString(token: string): string {
  if (token.startsWith('<')) {
    const hex = token.slice(1, -1).replace(/\s+/g, '');
    const bytes = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return bytes.subarray(2).swap16().toString('utf16le');
    return bytes.toString('latin1');
  }
  const body = token.slice(1, -1);
  const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
  return body.replace(/\\([0-7]{1,3}|[\s\S])/g, (_, c: string) => (/^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : (escapes[c] ?? c)));
}

function decodeEntities(text: string): string {
  const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      // As the HTML parser does: a reference beyond Unicode, or to a surrogate, is U+FFFD.
      return code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) || code === 0 ? '\uFFFD' : String.fromCodePoint(code);
    }
    return named[body.toLowerCase()] ?? whole;
  });
}
