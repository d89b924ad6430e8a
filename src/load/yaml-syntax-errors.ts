import type { CST, LineCounter, YAMLError } from 'yaml';
import { firstLine } from '../errors.js';

/** A syntax mistake in plain words, at the place to fix. */
export interface SyntaxMistake {
  readonly offset: number;
  readonly message: string;
}

/**
 * The YAML parser's errors as one message per mistake, in plain words, at the line to fix.
 *
 * One mistake often makes the parser report several errors (an over-indented key gives "nested
 * mappings are not allowed in compact mappings" and "implicit keys need to be on a single line",
 * and derails the lines after it), and points at the line above the mistake, where the value it
 * then misread began. So errors whose lines touch are taken as one mistake, worded from the first
 * of them, and placed on the line the user has to change. The concrete syntax tree tells where
 * an unclosed quote or bracket was opened, since the parser only notices at the end.
 */
export function syntaxMistakes(
  errors: readonly YAMLError[],
  text: string,
  lines: LineCounter,
  tokens: readonly CST.Token[],
): SyntaxMistake[] {
  const source = new SourceLines(text, lines);
  const mistakes: SyntaxMistake[] = [];
  let clusterEnd = -Infinity;
  let cluster: YAMLError[] = [];
  const flush = (): void => {
    if (cluster.length > 0) mistakes.push(describe(cluster, source, tokens));
    cluster = [];
  };
  for (const error of [...errors].sort((a, b) => a.pos[0] - b.pos[0])) {
    const start = source.line(error.pos[0]);
    if (start > clusterEnd + 1) flush();
    cluster.push(error);
    clusterEnd = Math.max(clusterEnd, source.line(Math.max(error.pos[0], error.pos[1] - 1)));
  }
  flush();
  // Two clusters can still come down to one place (an unclosed quote seen twice): say it once.
  return mistakes.filter((m, i) => mistakes.findIndex((o) => o.offset === m.offset && o.message === m.message) === i);
}

class SourceLines {
  private readonly texts: string[];
  constructor(
    text: string,
    private readonly counter: LineCounter,
  ) {
    this.texts = text.split('\n').map((l) => l.replace(/\r$/, ''));
  }
  /** 1-based line of an offset. */
  line(offset: number): number {
    return this.counter.linePos(offset).line;
  }
  text(line: number): string {
    return this.texts[line - 1] ?? '';
  }
  /** The rest of the line from `offset`, without a trailing comment. */
  from(offset: number): string {
    const line = this.line(offset);
    return this.text(line)
      .slice(offset - (this.counter.lineStarts[line - 1] ?? 0))
      .replace(/\s+#.*$/, '')
      .trim();
  }
  /** Offset of the first non-blank character of a line (its start if it is blank). */
  firstChar(line: number): number {
    const start = this.counter.lineStarts[line - 1] ?? 0;
    return start + indentOf(this.text(line));
  }
  /** The nearest non-blank, non-comment line before `line`. */
  previousContent(line: number): number | undefined {
    for (let n = line - 1; n >= 1; n--) if (!/^\s*(#.*)?$/.test(this.text(n))) return n;
    return undefined;
  }
}

const indentOf = (line: string): number => line.length - line.trimStart().length;
/** The key a line starts with (`name` in `  - name: Ada`), if any. */
const keyOf = (line: string): string | undefined => /^\s*(?:-\s+)*([^\s:#][^:#]*?):(?:\s|$)/.exec(line)?.[1];
/** The column (0-based) where a line's mapping keys start: after its list dashes. */
const keyColumn = (line: string): number => indentOf(line) + (/^\s*((?:-\s+)*)/.exec(line)?.[1]?.length ?? 0);
const spaces = (n: number): string => `${n} space${n === 1 ? '' : 's'}`;

function describe(cluster: readonly YAMLError[], src: SourceLines, tokens: readonly CST.Token[]): SyntaxMistake {
  const first = cluster[0]!;
  const at = first.pos[0];
  const line = src.line(at);
  const message = firstLine(first.message);

  switch (first.code) {
    case 'TAB_AS_INDENT':
      return { offset: at, message: 'a tab is used for indentation; YAML needs spaces' };
    case 'MULTIPLE_DOCS':
      return {
        offset: at,
        message: 'the file holds more than one YAML document (a second `---`); a profile is one document',
      };
    case 'BAD_SCALAR_START': {
      const value = src.from(at);
      return {
        offset: at,
        message: `a value cannot start with ${value.charAt(0)} unless it is in quotes; write ${JSON.stringify(value)}`,
      };
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (/block sequence may not be used as an implicit map key/i.test(message)) return misalignedLine(line, src);
      return misreadValue(cluster, src);
    case 'MULTILINE_IMPLICIT_KEY':
      // A key running over two lines from the start of a line: that line has no `: ` of its own.
      return noColon(line, src);
    case 'MISSING_CHAR':
      if (/closing "quote|closing 'quote/i.test(message)) return unclosedQuote(at, tokens);
      if (/sequence item without - indicator/i.test(message)) return misalignedLine(line, src);
      if (/implicit map keys need to be followed by map values/i.test(message)) return noColon(line, src);
      break;
    case 'BAD_INDENT':
      if (/flow (sequence|mapping)/i.test(message)) return unclosedBracket(at, tokens, src);
      if (/sequence items must start at the same column/i.test(message)) {
        const previous = src.previousContent(line);
        return {
          offset: src.firstChar(line),
          message: `this list item's \`-\` is indented ${spaces(indentOf(src.text(line)))}${previous ? `, the one above ${spaces(indentOf(src.text(previous)))}` : ''}: the dashes of one list line up`,
        };
      }
      return misalignedLine(line, src);
    case 'UNEXPECTED_TOKEN':
      if (/block-seq-ind on same line with key/i.test(message)) {
        const key = keyOf(src.text(line)) ?? 'the key';
        return {
          offset: at,
          message: `a list cannot start on the same line as its key: put each \`- item\` on its own line under \`${key}:\`, indented, or write the list as [a, b]`,
        };
      }
      if (/unexpected scalar at node end/i.test(message)) {
        return { offset: at, message: 'text follows the closing quote; put the whole value in quotes, or none of it' };
      }
      break;
    default:
      break;
  }
  return { offset: at, message: `YAML syntax: ${lowerFirst(message.replace(/ at line \d+, column \d+.*$/, ''))}` };
}

/**
 * "Nested mappings are not allowed in compact mappings": a value that YAML read as a key. Either
 * the value holds `: ` on its own line (`name: Ada Lovelace: Countess`), or a line below it is
 * indented more than its siblings, so it continues the value and its `:` makes it a key.
 */
function misreadValue(cluster: readonly YAMLError[], src: SourceLines): SyntaxMistake {
  const first = cluster[0]!;
  const line = src.line(first.pos[0]);
  const multiline = cluster.find((e) => e.code === 'MULTILINE_IMPLICIT_KEY' && src.line(e.pos[1]) > src.line(e.pos[0]));
  const text = src.text(line);
  if (/^\s*-[^\s-]/.test(text))
    return {
      offset: src.firstChar(line),
      message: 'a list item needs a space after its dash: write `- ` then the value',
    };
  if (!multiline) {
    const key = keyOf(text);
    const value = src.from(first.pos[0]);
    const example = key ? `${key}: ${JSON.stringify(value)}` : JSON.stringify(value);
    return {
      offset: first.pos[0],
      message: `this value contains \`: \`, which YAML reads as the start of another key; put the whole value in quotes: ${example}`,
    };
  }
  // The deeper line: the first line after the value's that starts a `key:`.
  let culprit = src.line(multiline.pos[1]);
  for (let n = line + 1; n <= src.line(multiline.pos[1]); n++) {
    if (keyOf(src.text(n)) !== undefined) {
      culprit = n;
      break;
    }
  }
  const key = keyOf(src.text(culprit));
  const sibling = keyOf(text);
  return {
    offset: src.firstChar(culprit),
    message: `\`${key ?? src.text(culprit).trim()}:\` is indented more than \`${sibling ?? 'the key'}:\` above it, so YAML reads it as the rest of that value; indent it ${spaces(keyColumn(text))}, like \`${sibling ?? 'the key'}:\``,
  };
}

/** A line whose indentation fits neither the mapping it follows nor a new list item. */
function misalignedLine(line: number, src: SourceLines): SyntaxMistake {
  const text = src.text(line);
  const previous = src.previousContent(line);
  const above = previous === undefined ? undefined : src.text(previous);
  const key = keyOf(text);
  const what = key ? `\`${key}:\`` : 'this line';
  if (above === undefined)
    return {
      offset: src.firstChar(line),
      message: `${what} is indented ${spaces(indentOf(text))}, which fits nothing above it`,
    };
  const aboveKey = keyOf(above);
  return {
    offset: src.firstChar(line),
    message: `${what} is indented ${spaces(indentOf(text))}, but ${aboveKey ? `\`${aboveKey}:\`` : 'the line'} above starts at ${spaces(keyColumn(above))}; keys of one mapping line up (in a list item, with the first key after its \`- \`)`,
  };
}

/** A line that is not `key: value`, read together with the next line as one long key. */
function noColon(line: number, src: SourceLines): SyntaxMistake {
  const text = src.text(line).trim();
  return {
    offset: src.firstChar(line),
    message: `\`${text.length > 40 ? `${text.slice(0, 37)}...` : text}\` is not a \`key: value\` line (it has no \`: \`); add the colon, or indent it further if it continues the text above`,
  };
}

/** The parser notices an unclosed quote at the end of the file; the quote to close is where it was opened. */
function unclosedQuote(at: number, tokens: readonly CST.Token[]): SyntaxMistake {
  const open = findToken(
    tokens,
    (t) =>
      (t.type === 'double-quoted-scalar' && !/^"(?:[^"\\]|\\[\s\S])*"$/.test(t.source)) ||
      (t.type === 'single-quoted-scalar' && !/^'(?:[^']|'')*'$/.test(t.source)),
  );
  const offset = open?.offset ?? at;
  const quote = open && 'source' in open ? open.source.charAt(0) : '"';
  return {
    offset,
    message: `the quote ${quote} opened here is never closed; end the value with ${quote} on this line (a ${quote} inside it is written ${quote === '"' ? '\\"' : "''"})`,
  };
}

function unclosedBracket(at: number, tokens: readonly CST.Token[], src: SourceLines): SyntaxMistake {
  const open = findToken(
    tokens,
    (t) => t.type === 'flow-collection' && !t.end.some((e) => e.source === ']' || e.source === '}'),
  );
  const start = open?.type === 'flow-collection' ? open.start : undefined;
  const bracket = start?.source ?? '[';
  const close = bracket === '{' ? '}' : ']';
  return {
    offset: start?.offset ?? src.firstChar(src.line(at)),
    message: `the ${bracket === '{' ? 'mapping' : 'list'} opened with \`${bracket}\` here is never closed with \`${close}\`; close it, or put the value in quotes if the \`${bracket}\` is part of the text`,
  };
}

/** The first token in the tree (parents before children, in file order) that `match` accepts. */
function findToken(tokens: readonly CST.Token[], match: (token: CST.Token) => boolean): CST.Token | undefined {
  const stack: unknown[] = [...tokens].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if ('type' in node && typeof node.type === 'string' && match(node as CST.Token)) return node as CST.Token;
    const children = Object.values(node as Record<string, unknown>).flatMap((v): unknown[] =>
      Array.isArray(v) ? v : [v],
    );
    for (let i = children.length - 1; i >= 0; i--)
      if (children[i] !== null && typeof children[i] === 'object') stack.push(children[i]);
  }
  return undefined;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
