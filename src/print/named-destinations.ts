
/**
 * The page (1-based, as the footer counts) of each named destination in a PDF from Chromium:
 * every element with an `id` that a link points at becomes a named destination in the
 * catalog's /Dests dictionary, `/section-papers [70 0 R /XYZ 0 841.9 0]`, and the page
 * objects' order comes from the page tree. This is how the contents learn their page numbers
 * (Chromium has no CSS target-counter).
 */
export function namedDestinationPages(pdfBytes: Uint8Array): Map<string, number> {
  const pdf = Buffer.from(pdfBytes.buffer, pdfBytes.byteOffset, pdfBytes.byteLength).toString('latin1');
  const pages = new Map<string, number>();
  const objectDict = objectIndex(pdf);
  const root = lastMatch(pdf, /\/Root (\d+) 0 R/g);
  const catalog = root === undefined ? undefined : objectDict(root);
  if (!catalog) return pages;
  const pageTree = /\/Pages (\d+) 0 R/.exec(catalog)?.[1];
  const dests = /\/Dests (\d+) 0 R/.exec(catalog)?.[1];
  if (!pageTree || !dests) return pages;
  const order = new Map(pageObjects(objectDict, Number(pageTree)).map((object, i) => [object, i + 1]));
  const dict = objectDict(Number(dests)) ?? '';
  for (const match of dict.matchAll(/\/([^\s/[\]()<>{}%]+)\s*\[\s*(\d+) 0 R/g)) {
    const page = order.get(Number(match[2]));
    if (page !== undefined) pages.set(decodeName(match[1]!), page);
  }
  return pages;
}

/** Page objects in document order, walking /Kids depth first. */
function pageObjects(objectDict: (n: number) => string | undefined, node: number, depth = 0, seen = new Set<number>()): number[] {
  if (depth > 32 || seen.has(node)) return [];
  seen.add(node);
  const dict = objectDict(node);
  if (!dict) return [];
  const kids = /\/Kids\s*\[([^\]]*)\]/.exec(dict)?.[1];
  if (!/\/Type\s*\/Pages\b/.test(dict) || kids === undefined) return [node];
  return [...kids.matchAll(/(\d+) 0 R/g)].flatMap((k) => pageObjects(objectDict, Number(k[1]), depth + 1, seen));
}

/** Finds every `N 0 obj` once, so looking objects up does not rescan a 200-page file each time. */
function objectIndex(pdf: string): (n: number) => string | undefined {
  const starts = new Map<number, number>();
  for (const m of pdf.matchAll(/(?:^|\n)(\d+) 0 obj\n(?=<<)/g)) starts.set(Number(m[1]), m.index + m[0].length);
  return (n) => {
    const at = starts.get(n);
    if (at === undefined) return undefined;
    const end = pdf.indexOf('>>\nendobj', at);
    return end < 0 ? undefined : pdf.slice(at, end + 2);
  };
}

function lastMatch(text: string, pattern: RegExp): number | undefined {
  let last: string | undefined;
  for (const m of text.matchAll(pattern)) last = m[1];
  return last === undefined ? undefined : Number(last);
}

/** PDF names escape bytes as #xx. */
function decodeName(name: string): string {
  return Buffer.from(name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
}
