import { Lexer, Parser } from 'yaml';
import type { CST, LineCounter } from 'yaml';

export type YamlSyntax =
  { readonly ok: true; readonly tokens: readonly CST.Token[] } | { readonly ok: false; readonly offset: number };

/**
 * The text's concrete syntax tree, or the offset where its nesting passes `maxDepth`.
 *
 * The `yaml` library lexes and parses iteratively (an explicit stack), but composes the tree
 * into nodes recursively, one JavaScript frame per level. A file nested thousands of levels
 * deep (`x: [[[[...]]]]`) then exhausts the call stack, and when that happens while V8 is
 * compiling a regular expression the process dies of "out of memory" instead of throwing.
 * So the depth is measured here, on the parser's own stack, before anything recursive runs.
 */
export function readYamlSyntax(text: string, lines: LineCounter, maxDepth: number): YamlSyntax {
  const parser = new Parser(lines.addNewLine);
  // Parser.parse() announces the first line itself; driving it token by token, we must.
  lines.addNewLine(0);
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    const offset = parser.offset;
    for (const token of parser.next(lexeme)) tokens.push(token);
    if (parser.stack.length > maxDepth) return { ok: false, offset };
  }
  for (const token of parser.end()) tokens.push(token);
  return { ok: true, tokens };
}
