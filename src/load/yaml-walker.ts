import { isAlias, isMap, isPair, isScalar, isSeq } from 'yaml';
import type { Document, Node, Scalar, YAMLMap } from 'yaml';
import { limits } from '../limits.js';
import type { FieldPath, SourcePositions } from './source-positions.js';

/** Where a problem is (an offset in the text) and what it is. */
export type Report = (offset: number, path: FieldPath, message: string) => void;

export const tooDeepMessage = `values are nested more than ${limits.depth} levels deep; a profile needs far fewer`;
/** Keys that would reach Object.prototype if any code ever merged the data naively. */
const forbiddenKeys = new Set(['__proto__', 'constructor', 'prototype']);
/** The only explicit tag a profile may use: `!!str` forces text (`!!str 2021`). */
const allowedTag = 'tag:yaml.org,2002:str';
const mergeUsage = 'a merge key `<<` takes an alias to a mapping, such as `<<: *base`, or a list of them';

/**
 * A composed YAML document to plain data, walked node by node (parse-yaml.ts says why not
 * `toJS()`): the value of every node, its position recorded, and each thing a profile never
 * needs refused at its path: tags other than `!!str`, keys that reach Object.prototype, complex
 * keys, duplicate keys, nesting past the depth limit, aliases expanded past their cap.
 */
export class YamlWalker {
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
        ...(isScalar(node) && node.source !== undefined ? { raw: node.source } : {}),
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
    if (isMap(node)) return this.walkMap(node, path, depth, viaAlias, offset);
    if (isSeq(node)) {
      const out: unknown[] = [];
      node.items.forEach((item, index) => {
        out.push(item ? this.walk(item as Node, [...path, index], depth + 1, viaAlias) : null);
      });
      return out;
    }
    if (isScalar(node)) return this.scalar(node, path, offset);
    this.report(offset, path, 'this value is not something a profile can hold');
    return undefined;
  }

  /** A mapping: its keys checked (plain words, no `__proto__`, none twice), merge keys applied last. */
  private walkMap(node: YAMLMap, path: FieldPath, depth: number, viaAlias: boolean, offset: number): unknown {
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

  /** Text, a number, true/false or empty: anything else YAML can write is refused. */
  private scalar(node: Scalar, path: FieldPath, offset: number): unknown {
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

function shortTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}
