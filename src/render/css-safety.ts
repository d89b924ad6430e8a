// The package's own single-file build: the same code and data as its entry point, which loads as
// 123 modules and took 70 ms of every build's start; this takes 20.
import {
  ident,
  parse,
  string as cssString,
  tokenize,
  tokenTypes,
  url as cssUrl,
  walk,
} from 'css-tree/dist/csstree.esm';
import type { CssNode, FunctionNode, Raw, WalkContext } from 'css-tree';
import {
  allowedAtRules,
  allowedFunctions,
  imageFunctions,
  outsideFunctions,
  substitutionFunctions,
} from './css-allowlist.js';

/** A rule of the stylesheet that would make the report fetch something, where it is. */
export interface CssProblem {
  /** 1-based, within the CSS text checked. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A whole stylesheet (a `.css` file, a `<style>` element) or the declarations of a `style=""` attribute. */
export type CssContext = 'stylesheet' | 'declarationList';

type Report = (offset: number, message: string) => void;

const onlyData = 'only data: URLs are allowed';

/**
 * Checks CSS by parsing it as a browser does (css-tree follows the CSS Syntax spec) and judging
 * each node by its decoded value, so escapes (`@\69mport`, `\75rl(`), quoting and comments
 * cannot disguise a fetch. Allowed: the at-rules and functions of css-allowlist.ts, and
 * images written as `data:` URLs. Refused: `@import`, any url()/src() that is not a `data:`
 * URL, anything in an image function (`image-set()`, `image()`, `cross-fade()`...) but
 * `data:` images (a `var()` there could bring in any URL), and custom properties or
 * `@property` initial values holding a URL. What the parser cannot structure is judged token
 * by token, more strictly. Returns every problem found.
 */
export function cssProblems(css: string, context: CssContext = 'stylesheet'): CssProblem[] {
  const problems: CssProblem[] = [];
  const report: Report = (offset, message) => {
    problems.push({ ...position(css, offset), message });
  };
  const markup = /<\/style|<!--/i.exec(css);
  if (markup)
    report(markup.index, `\`${markup[0]}\` would end the stylesheet early and turn the rest into page content`);

  // Errors are not thrown: css-tree keeps what it cannot structure as Raw nodes, judged below.
  const ast = parse(css, { context, positions: true, parseCustomProperty: true, onParseError: () => undefined });
  walk(ast, function enter(this: WalkContext, node: CssNode) {
    const offset = node.loc?.start.offset ?? 0;
    switch (node.type) {
      case 'Atrule':
        atRuleProblem(node.name, offset, report);
        return undefined;
      case 'Url':
        if (!isDataUrl(node.value))
          report(offset, `url(${node.value}) loads something from outside the file; ${onlyData}`);
        return undefined;
      case 'Function': {
        const name = decodeName(node.name);
        if (name === 'src' || imageFunctions.has(name)) {
          imageArgumentProblems(name, node, report);
          return this.skip;
        }
        if (!allowedFunctions.has(name)) report(offset, functionMessage(name));
        return undefined;
      }
      case 'String':
        if (holdsUrls(this) && isFetchableUrl(node.value))
          report(
            offset,
            `${decodeName(this.declaration!.property)} holds the URL "${node.value}", which a var() could load; ${onlyData}`,
          );
        return undefined;
      case 'Raw':
        rawProblems(node, report);
        return undefined;
      default:
        return undefined;
    }
  });
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}

function atRuleProblem(rawName: string, offset: number, report: Report): void {
  const name = decodeName(rawName);
  if (name === 'import') report(offset, '@import loads another stylesheet; a report carries all its styles inline');
  else if (!allowedAtRules.has(name)) report(offset, `the at-rule @${name} is not one a report may use`);
}

function functionMessage(name: string): string {
  const outside = outsideFunctions[name];
  return outside
    ? `${name}() refers to something outside the stylesheet (it ${outside})`
    : `${name}() is not a CSS function a report may use`;
}

/**
 * Inside an image function (or `src()`) only images written out as `data:` URLs may appear,
 * with what sizes, mixes or types them: numbers, percentages, keywords, colours, gradients
 * and `type("image/png")`. A `var()`, `attr()` or `env()` there is refused, whatever it holds
 * now: its value comes from elsewhere, where a URL would pass as a plain string.
 */
function imageArgumentProblems(name: string, fn: FunctionNode, report: Report): void {
  for (const child of fn.children) {
    const offset = child.loc?.start.offset ?? 0;
    switch (child.type) {
      case 'String':
      case 'Url':
        if (!isDataUrl(child.value))
          report(offset, `${name}() names an image outside the file ("${child.value}"); ${onlyData}`);
        break;
      case 'Dimension':
      case 'Number':
      case 'Percentage':
      case 'Operator':
      case 'Identifier':
      case 'Hash':
        if (name !== 'src') break;
        report(offset, `src() takes one data: URL string; ${onlyData}`);
        break;
      case 'Function': {
        const inner = decodeName(child.name);
        if (imageFunctions.has(inner)) imageArgumentProblems(inner, child, report);
        else if (inner === 'type' && name !== 'src' && [...child.children].every((c) => c.type === 'String')) break;
        else if (substitutionFunctions.has(inner) || !allowedFunctions.has(inner) || name === 'src')
          report(
            offset,
            `${inner}() inside ${name}() could bring in an image from outside the file; write the image itself, as a data: URL`,
          );
        else imageArgumentProblems(name, child, report);
        break;
      }
      default:
        report(offset, `${name}() holds something that is not an image written as a data: URL`);
    }
  }
}

/** Custom properties and `@property` initial values: the values a var() carries elsewhere. */
function holdsUrls(context: WalkContext): boolean {
  const property = context.declaration ? decodeName(context.declaration.property) : '';
  return (
    property.startsWith('--') ||
    (property === 'initial-value' && context.atrule !== null && decodeName(context.atrule.name) === 'property')
  );
}

/**
 * A part the parser could not structure (a stray bracket, an unfinished string, a rule it does
 * not know) is read token by token, as a browser's own recovery might read it: every url()
 * must be a `data:` URL, every function and at-rule must be allowed, and no string may be a
 * URL. A url() or src() written as a function must hold one `data:` string; an image function
 * is refused outright, since where its arguments end is exactly what is in doubt.
 */
function rawProblems(raw: Raw, report: Report): void {
  const base = raw.loc?.start.offset ?? 0;
  const tokens: { type: number; text: string; offset: number }[] = [];
  tokenize(raw.value, (type, start, end) => {
    if (type !== tokenTypes.Comment && type !== tokenTypes.WhiteSpace)
      tokens.push({ type, text: raw.value.slice(start, end), offset: base + start });
  });
  tokens.forEach(({ type, text, offset }, i) => {
    if (type === tokenTypes.AtKeyword) atRuleProblem(text.slice(1), offset, report);
    else if (type === tokenTypes.Url && !isDataUrl(cssUrl.decode(text)))
      report(offset, `url(${cssUrl.decode(text)}) loads something from outside the file; ${onlyData}`);
    else if (type === tokenTypes.BadUrl || type === tokenTypes.BadString)
      report(offset, 'a malformed url() or string, which browsers may read differently');
    else if (type === tokenTypes.String && isFetchableUrl(cssString.decode(text)))
      report(offset, `the string "${cssString.decode(text)}" is a URL, in CSS that cannot be parsed; ${onlyData}`);
    else if (type === tokenTypes.Function) {
      const name = decodeName(text.slice(0, -1));
      if (name === 'url' || name === 'src') {
        const inside = argumentsOf(tokens, i);
        const value =
          inside.length === 1 && inside[0]!.type === tokenTypes.String
            ? cssString.decode(inside[0]!.text)
            : inside.map((t) => t.text).join(' ');
        if (inside.length !== 1 || !isDataUrl(value))
          report(offset, `${name}(${value}) loads something from outside the file; ${onlyData}`);
      } else if (imageFunctions.has(name))
        report(
          offset,
          `${name}() in CSS that cannot be parsed (check its brackets and quotes): browsers may read it differently, so it is refused`,
        );
      else if (!allowedFunctions.has(name)) report(offset, functionMessage(name));
    }
  });
}

/** The tokens between a function token and its closing parenthesis. */
function argumentsOf(tokens: readonly { type: number; text: string }[], at: number): { type: number; text: string }[] {
  const inside = [];
  let depth = 1;
  for (let j = at + 1; j < tokens.length && depth > 0; j++) {
    const t = tokens[j]!;
    if (t.type === tokenTypes.Function || t.type === tokenTypes.LeftParenthesis) depth++;
    else if (t.type === tokenTypes.RightParenthesis) depth--;
    if (depth > 0) inside.push(t);
  }
  return inside;
}

const decodeName = (name: string): string => ident.decode(name).toLowerCase();

const isDataUrl = (value: string): boolean => URL.canParse(value.trim()) && new URL(value.trim()).protocol === 'data:';

/**
 * Whether a string would be fetched if it reached an image function: the URL parser reads it
 * as an absolute URL with a host, a `file:` URL, or a scheme-relative one (`//host/x`,
 * `\\host\x`). Plain words ("Note: x", "Figure") and relative names are text.
 */
function isFetchableUrl(value: string): boolean {
  const base = 'https://relative.invalid/';
  const text = value.trim();
  if (URL.canParse(text)) {
    const url = new URL(text);
    return url.protocol !== 'data:' && (url.host !== '' || url.protocol === 'file:');
  }
  return URL.canParse(text, base) && new URL(text, base).host !== 'relative.invalid';
}

function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
