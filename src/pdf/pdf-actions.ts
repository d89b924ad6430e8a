import type { PdfFile } from './pdf-file.js';
import { nameTree } from './pdf-destinations.js';
import { PdfDict, PdfString } from './pdf-values.js';
import type { PdfValue } from './pdf-values.js';

/**
 * Something the PDF does rather than shows: an action (PDF 32000-1, 12.6), where it is attached
 * and what sets it off. `opens` covers every trigger a reader does not choose (the document's
 * /OpenAction and additional actions /AA of the document, a page or an annotation: opening,
 * closing, printing, hovering, a page coming into view) and the document-level JavaScript name
 * tree; `click` is a link or a bookmark the reader follows.
 */
export interface PdfAction {
  /** The action type, `/S`: URI, GoTo, JavaScript, Launch... */
  readonly type: string;
  readonly trigger: 'opens' | 'click';
  /** Where it was found, for messages: "the document's /OpenAction", "a link on page 3". */
  readonly where: string;
  /** The address of a URI action. */
  readonly uri?: string;
}

/** Every action of the document: the catalog's, the JavaScript name tree's, each page's and each annotation's, and the bookmarks'. */
export function readActions(
  file: PdfFile,
  pages: readonly { readonly number: number; readonly dict: PdfDict }[],
  outline: readonly { readonly dict: PdfDict; readonly title: string }[],
): PdfAction[] {
  const actions: PdfAction[] = [];
  const catalog = file.catalog();
  const open = file.resolve(catalog.get('OpenAction'));
  // An /OpenAction that is a destination (an array) only opens at a page; a dictionary is an action.
  if (open instanceof PdfDict) actions.push(...chain(file, open, 'opens', "the document's /OpenAction"));
  actions.push(...additional(file, catalog, 'the document'));
  const scripts = file.dict(file.dict(catalog.get('Names'))?.get('JavaScript'));
  if (scripts) {
    for (const [name, value] of nameTree(file, scripts)) {
      const action = file.dict(value);
      actions.push(
        ...(action
          ? chain(file, action, 'opens', `the document's JavaScript "${name}"`)
          : [{ type: 'JavaScript', trigger: 'opens' as const, where: `the document's JavaScript "${name}"` }]),
      );
    }
  }
  for (const page of pages) {
    actions.push(...additional(file, page.dict, `page ${page.number}`));
    for (const ref of file.array(page.dict.get('Annots')) ?? []) {
      const annot = file.dict(ref);
      if (!annot) continue;
      const where = `${annot.name('Subtype') === 'Link' ? 'a link' : `a /${annot.name('Subtype') ?? 'untyped'} annotation`} on page ${page.number}`;
      const action = file.dict(annot.get('A'));
      if (action) actions.push(...chain(file, action, 'click', where));
      actions.push(...additional(file, annot, where));
    }
  }
  for (const item of outline) {
    const action = file.dict(item.dict.get('A'));
    if (action) actions.push(...chain(file, action, 'click', `the bookmark "${item.title}"`));
  }
  return actions;
}

/** The additional actions (/AA) of a dictionary: each runs on an event, not a click. */
function additional(file: PdfFile, dict: PdfDict, owner: string): PdfAction[] {
  const aa = file.dict(dict.get('AA'));
  if (!aa) return [];
  return [...aa.entries].flatMap(([event, value]) => {
    const action = file.dict(value);
    return action ? chain(file, action, 'opens', `${owner}'s additional action /${event}`) : [];
  });
}

/** An action and those it leads to through /Next (one or an array), each once. */
function chain(file: PdfFile, first: PdfDict, trigger: PdfAction['trigger'], where: string): PdfAction[] {
  const out: PdfAction[] = [];
  const seen = new Set<PdfDict>();
  const visit = (action: PdfDict, depth: number): void => {
    if (seen.has(action) || depth > 32) return;
    seen.add(action);
    const type = action.name('S') ?? 'untyped';
    const uri = file.resolve(action.get('URI'));
    out.push({
      type,
      trigger,
      where,
      ...(type === 'URI' ? { uri: uri instanceof PdfString ? uriText(uri.bytes) : '' } : {}),
    });
    const next = file.resolve(action.get('Next'));
    const list: readonly PdfValue[] = Array.isArray(next) ? next : next instanceof PdfDict ? [next] : [];
    for (const item of list) {
      const dict = file.dict(item);
      if (dict) visit(dict, depth + 1);
    }
  };
  visit(first, 0);
  return out;
}

/** A URI is bytes (PDF 32000-1, 12.6.4.7), UTF-8 by convention; other bytes are shown as Latin-1. */
function uriText(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return bytes.toString('latin1');
  }
}
