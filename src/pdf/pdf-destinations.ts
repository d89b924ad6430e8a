import type { PdfFile } from './pdf-file.js';
import { PdfDict, PdfName, PdfRef, PdfString } from './pdf-values.js';
import type { PdfValue } from './pdf-values.js';
import { decodeText } from './text-string.js';

/** A place in the document: its page (1-based, as the footer counts) and, for /XYZ and /FitH, its top in points. */
export interface Destination {
  readonly page: number;
  readonly top?: number;
}

/**
 * The named destinations of the document: the catalog's /Dests dictionary (PDF 1.1, what
 * Chromium writes: every element with an `id` that a link points at) and the /Dests name tree
 * of /Names (PDF 1.2), by name, with the page each points at.
 */
export function namedDestinations(file: PdfFile, pageNumbers: ReadonlyMap<number, number>): Map<string, Destination> {
  const named = new Map<string, Destination>();
  const catalog = file.catalog();
  const add = (name: string, value: PdfValue | undefined): void => {
    const dest = explicitDestination(file, value, pageNumbers);
    if (dest) named.set(name, dest);
  };
  const dests = file.dict(catalog.get('Dests'));
  for (const [name, value] of dests?.entries ?? []) add(name, value);
  const tree = file.dict(file.dict(catalog.get('Names'))?.get('Dests'));
  if (tree) for (const [key, value] of nameTree(file, tree)) add(key, value);
  return named;
}

/** Where a destination value points: an explicit array (or a dictionary holding one under /D). */
function explicitDestination(
  file: PdfFile,
  value: PdfValue | undefined,
  pageNumbers: ReadonlyMap<number, number>,
): Destination | undefined {
  let dest = file.resolve(value);
  if (dest instanceof PdfDict) dest = file.resolve(dest.get('D'));
  if (!Array.isArray(dest)) return undefined;
  const [target, kind, ...args] = dest as PdfValue[];
  const page = target instanceof PdfRef ? pageNumbers.get(target.num) : undefined;
  if (page === undefined) return undefined;
  const fit = kind instanceof PdfName ? kind.name : '';
  const top = fit === 'XYZ' ? args[1] : fit === 'FitH' || fit === 'FitBH' ? args[0] : undefined;
  return typeof top === 'number' ? { page, top } : { page };
}

/** A destination as an action or an outline item gives it: explicit, or by name. */
export function resolveDestination(
  file: PdfFile,
  value: PdfValue | undefined,
  named: ReadonlyMap<string, Destination>,
  pageNumbers: ReadonlyMap<number, number>,
): Destination | undefined {
  const resolved = file.resolve(value);
  if (resolved instanceof PdfName) return named.get(resolved.name);
  if (resolved instanceof PdfString) return named.get(decodeText(resolved));
  return explicitDestination(file, resolved as PdfValue, pageNumbers);
}

/** The entries of a name tree (PDF 32000-1, 7.9.6), in order, keys as text. */
export function nameTree(file: PdfFile, root: PdfDict): [string, PdfValue][] {
  const out: [string, PdfValue][] = [];
  const seen = new Set<PdfDict>();
  const visit = (node: PdfDict, depth: number): void => {
    if (depth > 32 || seen.has(node)) return;
    seen.add(node);
    const names = file.array(node.get('Names')) ?? [];
    for (let i = 0; i + 1 < names.length; i += 2) {
      const key = file.resolve(names[i]);
      if (key instanceof PdfString) out.push([decodeText(key), names[i + 1]!]);
    }
    for (const kid of file.array(node.get('Kids')) ?? []) {
      const child = file.dict(kid);
      if (child) visit(child, depth + 1);
    }
  };
  visit(root, 0);
  return out;
}
