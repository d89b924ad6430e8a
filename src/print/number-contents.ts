import type { CDPSession } from 'puppeteer-core';
import { readPdf } from '../pdf/read-pdf.js';
import type { PdfDocument } from '../pdf/read-pdf.js';
import { checkPrintedPages } from './page-budget.js';

/** The page each section starts on, by its id, as the contents list them. */
export type SectionPages = ReadonlyMap<string, number>;

/** The final print, read, and what numbering the contents found. */
export interface NumberedPrint {
  readonly document: PdfDocument;
  /** The page of each section that the contents list, by id (empty when the page has no contents slots). */
  readonly sectionPages: SectionPages;
  readonly warnings: readonly string[];
  /** How many times the page was printed: 1, or 2 when the contents' pages had to be learnt first. */
  readonly prints: number;
}

/** The page of each named destination (every element with an `id` a link points at). */
export function destinationPages(document: PdfDocument): Map<string, number> {
  return new Map([...document.namedDestinations].map(([name, dest]) => [name, dest.page]));
}

/**
 * Fills the contents' page numbers. Chromium has no CSS `target-counter()`, so the pages are
 * learnt from a print: from the PDF's named destinations, which the contents' own links create.
 * Each slot `<span data-page-of="section-id">` gets a `data-page` attribute that CSS shows with
 * `attr()`. The slots have a fixed width in print (see styles.css), so a number cannot move
 * anything; that is checked, and a difference is reported rather than printed as a wrong
 * contents. The DOM is changed through the DevTools protocol, which needs no JavaScript in the
 * page (it stays off).
 *
 * As LaTeX does with its .aux file, a build may bring the pages of its previous print (`guess`:
 * the same report built before, in this process or from the PDF it left on disk). Those numbers
 * are printed at once, and the print is read back: when every section is where the guess put it,
 * that print is the PDF, and the build printed once. Otherwise the numbers are set from that
 * print and the page is printed again, as without a guess.
 */
export async function numberContents(
  client: CDPSession,
  print: (final: boolean) => Promise<Uint8Array>,
  guess?: SectionPages,
): Promise<NumberedPrint> {
  const slots = await contentsSlots(client);
  if (slots.length === 0)
    return { document: readPrint(await print(true)), sectionPages: new Map(), warnings: [], prints: 1 };
  const guessed = guess !== undefined && slots.every((s) => guess.has(s.target));
  let first: SectionPages;
  if (guessed) {
    await fill(client, slots, guess);
    const document = readPrint(await print(true));
    const pages = destinationPages(document);
    if (slots.every((s) => pages.get(s.target) === guess.get(s.target)))
      return { document, sectionPages: sectionPages(slots, pages), warnings: [], prints: 1 };
    first = pages;
  } else {
    // The first of two prints only serves to find the pages: no structure, no bookmarks.
    first = destinationPages(readPrint(await print(false)));
  }
  await fill(client, slots, first);
  const document = readPrint(await print(true));
  const final = destinationPages(document);
  const warnings: string[] = [];
  const moved = slots.filter((s) => first.get(s.target) !== final.get(s.target)).map((s) => s.target);
  if (moved.length > 0)
    warnings.push(
      `the contents' page numbers moved ${moved.join(', ')} to another page; the contents may be off by a page there`,
    );
  const missing = slots.filter((s) => !final.has(s.target)).map((s) => s.target);
  if (missing.length > 0)
    warnings.push(`the contents list ${missing.join(', ')}, which no page holds; those entries have no page number`);
  return { document, sectionPages: sectionPages(slots, final), warnings, prints: 2 };
}

interface Slot {
  readonly nodeId: number;
  readonly target: string;
}

async function contentsSlots(client: CDPSession): Promise<Slot[]> {
  const { root } = await client.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await client.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-page-of]' });
  return Promise.all(
    nodeIds.map(async (nodeId) => {
      const { attributes } = await client.send('DOM.getAttributes', { nodeId });
      const at = attributes.indexOf('data-page-of');
      return { nodeId, target: at >= 0 ? (attributes[at + 1] ?? '') : '' };
    }),
  );
}

async function fill(client: CDPSession, slots: readonly Slot[], pages: SectionPages): Promise<void> {
  for (const slot of slots) {
    const pageNumber = pages.get(slot.target);
    if (pageNumber !== undefined)
      await client.send('DOM.setAttributeValue', { nodeId: slot.nodeId, name: 'data-page', value: String(pageNumber) });
    else await client.send('DOM.removeAttribute', { nodeId: slot.nodeId, name: 'data-page' });
  }
}

function sectionPages(slots: readonly Slot[], pages: SectionPages): SectionPages {
  return new Map(slots.flatMap((s) => (pages.has(s.target) ? [[s.target, pages.get(s.target)!] as const] : [])));
}

/** A print, read, and refused when it has more pages than a PDF may (see page-budget.ts). */
function readPrint(bytes: Uint8Array): PdfDocument {
  return checkPrintedPages(readPdf(bytes));
}
