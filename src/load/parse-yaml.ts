import { Composer, LineCounter, YAMLParseError, isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { CST, Document, Node, YAMLError } from 'yaml';
import { firstLine } from '../errors.js';
import type { Problem } from '../errors.js';
import { limits } from '../limits.js';
import { SourcePositions, formatPath } from './source-positions.js';
import type { FieldPath } from './source-positions.js';
import { syntaxMistakes } from './yaml-syntax-errors.js';
import { readYamlSyntax } from './yaml-syntax.js';

export interface ParsedYaml {
  readonly file: string;
  /** Plain data: objects, arrays, strings, numbers, booleans and null; never class instances. */
  readonly value: unknown;
  readonly positions: SourcePositions;
  readonly problems: readonly Problem[];
  /** The file holds no YAML node at all: it is empty, or comments only. */
  readonly empty?: boolean;
}

/** Keys that would reach Object.prototype if any code ever merged the data naively. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
/** The only explicit tag a profile may use: `!!str` forces text (`!!str 2021`). */
const allowedTag = 'tag:yaml.org,2002:str';

/**
 * YAML text to plain data with the position of every value. The `yaml` library builds the
 * syntax tree; this module then walks it itself rather than calling `toJS()`, so that it can
 * refuse what a profile never needs (tags, dangerous keys, complex keys), bound alias expansion
 * and depth, and record positions on the way.
 */
export function parseYaml(file: string, text: string): ParsedYaml {
  const lines = new LineCounter();
  const positions = new SourcePositions(lines);
  const problems: Problem[] = [];
  const report = (offset: number, path: FieldPath, message: string): void => {
    const { line, column } = positions.at(offset);
    problems.push({ file, line, column, path: formatPath(path), message, severity: 'error' });
  };

  const syntax = readYamlSyntax(text, lines, syntaxDepth);
  if (!syntax.ok) {
    report(syntax.offset, [], tooDeepMessage);
    return { file, value: undefined, positions, problems };
  }
  let doc: Document;
  try {
    doc = composeOne(syntax.tokens, text.length);
  } catch (error) {
    // The composer reports problems as errors, not exceptions; this is for anything it did not foresee.
    const message = error instanceof RangeError ? tooDeepMessage : `the YAML cannot be read: ${firstLine(error)}`;
    return {
      file,
      value: undefined,
      positions,
      problems: [{ file, path: '', message, severity: 'error' }],
    };
  }

  reportYamlErrors(doc.errors, report, text, lines, syntax.tokens);
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') continue; // reported by the walk, with the path
    report(warning.pos[0], [], `YAML: ${firstSentence(warning.message)}`);
  }
  if (problems.length > 0) return { file, value: undefined, positions, problems };

  const walker = new Walker(doc, positions, report);
  if (!doc.contents) return { file, value: null, positions, problems, empty: true };
  const value = walker.walk(doc.contents, [], 0, false);
  return { file, value, positions, problems };
}

type Report = (offset: number, path: FieldPath, message: string) => void;

const mergeUsage = 'a merge key `<<` takes an alias to a mapping, such as `<<: *base`, or a list of them';
const tooDeepMessage = `values are nested more than ${limits.depth} levels deep; a profile needs far fewer`;
/**
 * The parser's stack grows by about one entry per level of nesting (two for a list of
 * mappings written `- key:`), plus the document: twice the limit leaves every file the walk
 * would accept to the walk, which names the path, and still stops a bomb long before the
 * composer recurses far.
 */
const syntaxDepth = 2 * limits.depth + 4;

const composeOptions = {
  prettyErrors: false,
  // Duplicate keys are found by the walk, which knows their full path.
  uniqueKeys: false,
  strict: true,
  schema: 'core',
  // Merge keys (`<<`) are expanded by the walk, under the alias cap, not by the library.
  merge: false,
} as const;

/** What `parseDocument` does, from tokens already checked for depth: the first document, a second one an error. */
function composeOne(tokens: readonly CST.Token[], end: number): Document {
  let first: Document | undefined;
  for (const doc of new Composer(composeOptions).compose(tokens, true, end)) {
    if (!first) first = doc;
    else {
      first.errors.push(
        new YAMLParseError([doc.range[0], doc.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'),
      );
      break;
    }
  }
  // compose(…, forceDoc = true) always yields a document, if only an empty one.
  if (!first) throw new Error('the YAML composer produced no document');
  return first;
}

class Walker {
  private expanded = 0;
  private tooDeep = false;
  private bombed = false;

  constructor(
    private readonly doc: Document,
    private readonly positions: SourcePositions,
    private readonly report: Report,
  ) {}

  /** Where the outermost alias being expanded was written: the place to blame for a bomb. */
  private aliasSite: { offset: number; path: FieldPath } | undefined;

  walk(node: Node, path: FieldPath, depth: number, viaAlias: boolean, keyOffset?: number): unknown {
    const offset = node.range?.[0] ?? 0;
    if (viaAlias && ++this.expanded > limits.aliasExpansion) {
      if (!this.bombed) {
        this.bombed = true;
        const site = this.aliasSite ?? { offset, path };
        this.report(
          site.offset,
          site.path,
          `aliases (*name) expand this file to more than ${limits.aliasExpansion} values; this looks like an alias bomb, so the file is refused`,
        );
      }
      return undefined;
    }
    if (depth > limits.depth) {
      if (!this.tooDeep) {
        this.tooDeep = true;
        this.report(offset, path, tooDeepMessage);
      }
      return undefined;
    }
    if (!viaAlias)
      this.positions.record(path, {
        value: offset,
        ...(keyOffset === undefined ? {} : { key: keyOffset }),
        ...(isScalar(node) && node.source !== undefined ? { raw: String(node.source) } : {}),
      });

    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      if (!target) {
        this.report(offset, path, `the alias *${node.source} names no anchor (&${node.source}) defined before it`);
        return undefined;
      }
      if (viaAlias) return this.walk(target, path, depth, true);
      this.aliasSite = { offset, path };
      const value = this.walk(target, path, depth, true);
      this.aliasSite = undefined;
      return value;
    }
    const tag = node.tag;
    if (tag !== undefined && tag !== allowedTag) {
      this.report(
        offset,
        path,
        `the YAML tag ${shortTag(tag)} is not allowed; write plain values (quote text that looks like a number)`,
      );
      return undefined;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      const merges: Node[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keyStart = keyNode?.range?.[0] ?? offset;
        if (!isScalar(keyNode) || (typeof keyNode.value !== 'string' && typeof keyNode.value !== 'number')) {
          this.report(keyStart, path, 'a key must be a plain word, not a list, mapping or empty value');
          continue;
        }
        if (keyNode.type === 'PLAIN' && keyNode.value === '<<') {
          if (pair.value) merges.push(pair.value as Node);
          else this.report(keyStart, path, mergeUsage);
          continue;
        }
        const key = String(keyNode.value);
        if (forbiddenKeys.has(key)) {
          this.report(keyStart, [...path, key], `the key \`${key}\` is not allowed (it could alter built-in objects)`);
          continue;
        }
        if (Object.prototype.hasOwnProperty.call(out, key)) {
          this.report(keyStart, [...path, key], `the key \`${key}\` appears twice in the same mapping; keep only one`);
          continue;
        }
        const valueNode = pair.value as Node | null;
        if (valueNode) {
          out[key] = this.walk(valueNode, [...path, key], depth + 1, viaAlias, keyStart);
        } else {
          if (!viaAlias) this.positions.record([...path, key], { value: keyStart, key: keyStart });
          out[key] = null;
        }
      }
      for (const source of merges) this.merge(out, source, path, depth, viaAlias);
      return out;
    }
    if (isSeq(node)) {
      const out: unknown[] = [];
      node.items.forEach((item, index) => {
        out.push(item ? this.walk(item as Node, [...path, index], depth + 1, viaAlias) : null);
      });
      return out;
    }
    if (isScalar(node)) {
      const value = node.value;
      if (typeof value === 'number' && node.type === 'PLAIN' && /^[-+]?0\d/.test(String(node.source))) {
        this.report(
          offset,
          path,
          `${node.source} has a leading zero, which YAML reads as the number ${value}; write ${value}, or put it in quotes if it is text`,
        );
        return undefined;
      }
      if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        return value;
      this.report(offset, path, 'this value is not plain text, a number, true/false or empty');
      return undefined;
    }
    this.report(offset, path, 'this value is not something a profile can hold');
    return undefined;
  }

  /**
   * A merge key, `<<: *base` (or `<<: [*a, *b]`): the keys of the aliased mappings that this
   * mapping does not set itself, the first alias winning. Editors (yaml-language-server) resolve
   * merge keys before they check a file, so refusing them here would fail a profile the editor
   * shows as valid; they are expanded under the same alias cap as any alias. A merged value is
   * located at its `<<` line, where the user can see where it came from.
   */
  private merge(out: Record<string, unknown>, source: Node, path: FieldPath, depth: number, viaAlias: boolean): void {
    const aliases = isSeq(source) ? (source.items as Node[]) : [source];
    for (const alias of aliases) {
      const at = alias.range?.[0] ?? source.range?.[0] ?? 0;
      const target = isAlias(alias) ? alias.resolve(this.doc) : undefined;
      if (!isAlias(alias) || !isMap(target)) {
        this.report(
          at,
          path,
          isAlias(alias) && !target
            ? `the alias *${alias.source} names no anchor (&${alias.source}) defined before it`
            : mergeUsage,
        );
        continue;
      }
      const outer = this.aliasSite;
      this.aliasSite ??= { offset: at, path };
      const merged = this.walk(target, path, depth, true);
      this.aliasSite = outer;
      if (merged === null || typeof merged !== 'object') continue;
      for (const [key, value] of Object.entries(merged)) {
        if (Object.prototype.hasOwnProperty.call(out, key)) continue;
        out[key] = value;
        if (!viaAlias) this.positions.record([...path, key], { value: at, key: at });
      }
    }
  }
}

function reportYamlErrors(
  errors: readonly YAMLError[],
  report: Report,
  text: string,
  lines: LineCounter,
  tokens: readonly CST.Token[],
): void {
  const exhausted = errors.find((e) => e.code === 'RESOURCE_EXHAUSTION');
  if (exhausted) {
    // The parser hit the call-stack limit (the depth check should have come first); say it once.
    report(exhausted.pos[0], [], tooDeepMessage);
    return;
  }
  for (const mistake of syntaxMistakes(errors, text, lines, tokens).slice(0, 50))
    report(mistake.offset, [], mistake.message);
}

function firstSentence(message: string): string {
  const trimmed = firstLine(message).replace(/ at line \d+, column \d+.*$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}
