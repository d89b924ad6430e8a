import { Composer, LineCounter, YAMLParseError } from 'yaml';
import type { CST, Document, YAMLError } from 'yaml';
import { firstLine } from '../errors.js';
import type { Problem } from '../errors.js';
import { limits } from '../limits.js';
import { SourcePositions, formatPath } from './source-positions.js';
import type { FieldPath } from './source-positions.js';
import { syntaxMistakes } from './yaml-syntax-errors.js';
import { YamlWalker, tooDeepMessage } from './yaml-walker.js';
import type { Report } from './yaml-walker.js';
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

  if (!doc.contents) return { file, value: null, positions, problems, empty: true };
  const value = new YamlWalker(doc, positions, report).walk(doc.contents, [], 0, false);
  return { file, value, positions, problems };
}

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
