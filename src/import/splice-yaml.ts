import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, Pair, YAMLMap } from 'yaml';
import { UserError } from '../errors.js';

/** New items for one list of the profile, such as `papers` or `person.highlights`. */
export interface ListAddition {
  readonly path: readonly [string] | readonly [string, string];
  readonly items: readonly unknown[];
}

/** The sections of a profile in the order `init` writes them: a missing one goes in its place. */
const sectionOrder = ['person', 'education', 'career', 'papers', 'models', 'balance', 'impact', 'sources'];

interface Edit {
  readonly at: number;
  readonly end: number;
  readonly order: number;
  readonly text: string;
}

/**
 * Adds items to lists of a YAML profile by inserting text, never by re-printing the document:
 * the `yaml` Document API says where each list ends and how it is indented, and every byte the
 * user wrote (comments, blank lines, quoting, key order, flow lists) stays exactly as it was.
 * Only the new items are printed, in the list's own indentation.
 */
export function appendToLists(original: string, additions: readonly ListAddition[]): string {
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = original.slice(bom.length);
  // New lines end as the file's first line does; the user's own lines are never touched.
  const newline = /\r?\n/.exec(text)?.[0] ?? '\n';
  const doc = parseDocument(text, { uniqueKeys: false });
  const root = doc.contents;
  if (!isMap(root))
    throw new UserError('the profile is not a mapping of sections (person, papers, …); it cannot be merged into');
  const edits: Edit[] = [];
  for (const addition of additions) {
    if (addition.items.length === 0) continue;
    const [first, second] = addition.path;
    const parent = second === undefined ? root : pairOf(root, first)?.value;
    if (!isMap(parent)) throw new UserError(`the profile has no \`${first}\` mapping to add \`${second}\` to`);
    const key = second ?? first;
    edits.push(
      editFor(text, parent, key, addition.items, second === undefined ? Math.max(0, sectionOrder.indexOf(key)) : 0),
    );
  }
  let out = text;
  // From the end backwards so earlier offsets stay true; at one offset, sections in their order.
  const sorted = [...edits].sort((a, b) => b.at - a.at || b.order - a.order);
  for (const edit of sorted) out = out.slice(0, edit.at) + lineEnds(atEnd(text, edit), newline) + out.slice(edit.end);
  return bom + out;
}

/**
 * A file whose last line has no line break gets its new lines after a break, and keeps ending
 * without one (else the first new item would join the last line, and the YAML break).
 */
function atEnd(text: string, edit: Edit): string {
  if (edit.end < text.length || text === '' || text.endsWith('\n')) return edit.text;
  const body = edit.text.replace(/\n$/, '');
  return edit.at === text.length && !body.startsWith('\n') ? `\n${body}` : body;
}

function lineEnds(text: string, newline: string): string {
  return newline === '\n' ? text : text.replace(/\r?\n/g, newline);
}

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key);
}

function editFor(text: string, parent: YAMLMap, key: string, items: readonly unknown[], order: number): Edit {
  const pair = pairOf(parent, key);
  const value = pair?.value as Node | null | undefined;
  if (pair && isSeq(value) && value.items.length > 0) {
    if (value.flow)
      throw new UserError(
        `\`${key}\` is written as a [flow, list]; write it one item per line (- …) so the import can add to it`,
      );
    const firstItem = value.items[0] as Node;
    const lastItem = value.items[value.items.length - 1] as Node;
    const indent = dashIndent(text, firstItem.range?.[0] ?? 0);
    const at = afterLine(text, lastItem.range?.[1] ?? text.length);
    return { at, end: at, order, text: render(items, indent) };
  }
  const keyNode = pair?.key as Node | undefined;
  if (pair && keyNode?.range) {
    // `papers:` with nothing, or `papers: []`: the items go under the key.
    const indent = `${columnOf(text, keyNode.range[0])}  `;
    if (isSeq(value) && value.range) {
      // Replace `[]` and the space before it; the rest of its line (`# none yet`) stays on the key's line.
      let at = value.range[0];
      while (at > 0 && text[at - 1] === ' ') at--;
      const end = text.indexOf(']', value.range[0]) + 1;
      const lineEnd = afterLine(text, end);
      const rest = text.slice(end, lineEnd).replace(/\r?\n$/, '');
      return { at, end: lineEnd, order, text: `${rest}\n${render(items, indent)}` };
    }
    const at = afterLine(text, keyNode.range[1]);
    return { at, end: at, order, text: render(items, indent) };
  }
  return newSection(text, parent, key, (indent) => render(items, indent), order);
}

/** No such key: write it before the next section (and the comments above that section), or last. */
function newSection(text: string, parent: YAMLMap, key: string, body: (indent: string) => string, order: number): Edit {
  const firstKey = parent.items[0]?.key as Node | undefined;
  const indent = firstKey?.range ? columnOf(text, firstKey.range[0]) : '';
  const next = parent.items.find(
    (p) =>
      isScalar(p.key) &&
      sectionOrder.indexOf(String(p.key.value)) > sectionOrder.indexOf(key) &&
      sectionOrder.indexOf(key) >= 0,
  );
  const block = `${indent}${key}:\n${body(`${indent}  `)}`;
  const nextKey = next?.key as Node | undefined;
  if (nextKey?.range) {
    const at = startOfCommentsAbove(text, lineStart(text, nextKey.range[0]));
    return { at, end: at, order, text: `${block}\n` };
  }
  const lastPair = parent.items[parent.items.length - 1];
  const lastEnd =
    (lastPair?.value as Node | null)?.range?.[1] ?? (lastPair?.key as Node | null)?.range?.[1] ?? text.length;
  const at = afterLine(text, lastEnd);
  const needsNewline = at > 0 && text[at - 1] !== '\n';
  return { at, end: at, order, text: `${needsNewline ? '\n' : ''}${indent === '' ? '\n' : ''}${block}` };
}

/**
 * Sets a top-level mapping of the profile (such as `impact`) by text: an existing one is replaced
 * from its key's line to the end of its value (the comments above it stay), a missing one is
 * written in its place in `init`'s section order. Every other byte stays as the user wrote it.
 */
export function setSection(
  original: string,
  key: string,
  value: Record<string, unknown>,
  flowLists: readonly string[] = [],
): string {
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = original.slice(bom.length);
  const newline = /\r?\n/.exec(text)?.[0] ?? '\n';
  const root = parseDocument(text, { uniqueKeys: false }).contents;
  if (!isMap(root))
    throw new UserError('the profile is not a mapping of sections (person, papers, …); it cannot be merged into');
  const body = (indent: string) => renderMapping(value, indent, flowLists);
  const pair = pairOf(root, key);
  const keyNode = pair?.key as Node | undefined;
  let edit: Edit;
  if (pair && keyNode?.range) {
    const at = lineStart(text, keyNode.range[0]);
    const valueEnd = (pair.value as Node | null)?.range?.[1] ?? keyNode.range[1];
    edit = {
      at,
      end: afterLine(text, valueEnd),
      order: 0,
      text: `${columnOf(text, keyNode.range[0])}${key}:\n${body(`${columnOf(text, keyNode.range[0])}  `)}`,
    };
  } else edit = newSection(text, root, key, body, 0);
  return bom + text.slice(0, edit.at) + lineEnds(atEnd(text, edit), newline) + text.slice(edit.end);
}

/** A mapping's entries in the given indentation; the items of `flowLists` each on one line (`- { year: 2024, citations: 90 }`). */
function renderMapping(value: Record<string, unknown>, indent: string, flowLists: readonly string[]): string {
  const doc = new Document(value);
  for (const key of flowLists) {
    const list = doc.get(key, true);
    if (isSeq(list)) for (const item of list.items) if (isMap(item)) item.flow = true;
  }
  const out = doc.toString({ lineWidth: 0, indentSeq: true }).replace(/\n$/, '');
  return `${out
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n')}\n`;
}

/** New items as YAML list entries with the given indentation; `source` lists stay on one line. */
function render(items: readonly unknown[], indent: string): string {
  const doc = new Document(items);
  items.forEach((_, i) => {
    const source = doc.getIn([i, 'source'], true);
    if (isSeq(source)) source.flow = true;
  });
  const out = doc.toString({ lineWidth: 0, flowCollectionPadding: false, indentSeq: true }).replace(/\n$/, '');
  return `${out
    .split('\n')
    .map((line) => (line === '' ? line : indent + line))
    .join('\n')}\n`;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function columnOf(text: string, offset: number): string {
  return ' '.repeat(offset - lineStart(text, offset));
}

/** The indentation of the `-` that starts the list item whose content begins at `offset`. */
function dashIndent(text: string, offset: number): string {
  const start = lineStart(text, offset);
  const dash = text.slice(start, offset).indexOf('-');
  return ' '.repeat(dash < 0 ? offset - start : dash);
}

/** The offset just after the line holding `offset - 1` (the end of a value), comment included. */
function afterLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** Comment lines directly above a section introduce it; a new section goes above them. */
function startOfCommentsAbove(text: string, start: number): number {
  let at = start;
  while (at > 0) {
    const previous = lineStart(text, at - 1);
    if (!/^\s*#/.test(text.slice(previous, at))) break;
    at = previous;
  }
  return at;
}
