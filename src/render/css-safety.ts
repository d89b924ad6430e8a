import { ident, string as cssString, tokenize, tokenTypes, url as cssUrl } from 'css-tree';

/** A rule of the stylesheet that would make the report fetch something, where it is. */
export interface CssProblem {
  /** 1-based, within the CSS text checked. */
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/**
 * At-rules a report's CSS may use. `@import` and `@namespace` are not here: one fetches, the
 * other has no use in a document without XML. An at-rule nobody listed is refused, so a new
 * one that fetches cannot slip through.
 */
const allowedAtRules: ReadonlySet<string> = new Set([
  'media', 'supports', 'page', 'font-face', 'keyframes', '-webkit-keyframes', 'layer', 'container', 'scope',
  'starting-style', 'property', 'counter-style', 'font-feature-values', 'font-palette-values', 'charset',
  'top-left-corner', 'top-left', 'top-center', 'top-right', 'top-right-corner', 'bottom-left-corner', 'bottom-left',
  'bottom-center', 'bottom-right', 'bottom-right-corner', 'left-top', 'left-middle', 'left-bottom', 'right-top',
  'right-middle', 'right-bottom',
]);

/** Functions whose argument is a URL to load. */
const urlFunctions: ReadonlySet<string> = new Set(['url', 'src']);
/** Functions that take image URLs as strings; every string in them must be a data: URL. */
const imageListFunctions: ReadonlySet<string> = new Set(['image-set', '-webkit-image-set', 'image', 'cross-fade', '-webkit-cross-fade']);
/** Functions that reference something outside the stylesheet and have no use in a report. */
const refusedFunctions: ReadonlySet<string> = new Set(['element', '-moz-element', 'paint']);

const isDataUrl = (value: string): boolean => /^\s*data:/i.test(value);

/**
 * Checks CSS by tokenising it as a browser does (css-tree follows the CSS Syntax spec) and
 * judging each token by its decoded value, so escapes (`@\69mport`, `\75rl(`), quoting and
 * comments cannot disguise a fetch. Allowed: everything that only styles. Refused: `@import`,
 * unknown at-rules, and any url()/src()/image-set() that is not a `data:` URL, in any
 * property, custom properties and `@font-face` included. Returns every problem found.
 */
export function cssProblems(css: string): CssProblem[] {
  const tokens: { type: number; text: string; offset: number }[] = [];
  tokenize(css, (type, start, end) => {
    if (type !== tokenTypes.Comment && type !== tokenTypes.WhiteSpace) tokens.push({ type, text: css.slice(start, end), offset: start });
  });
  const problems: CssProblem[] = [];
  const report = (offset: number, message: string): void => {
    problems.push({ ...position(css, offset), message });
  };
  const markup = /<\/style|<!--/i.exec(css);
  if (markup) report(markup.index, `\`${markup[0]}\` would end the stylesheet early and turn the rest into page content`);

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    switch (token.type) {
      case tokenTypes.AtKeyword: {
        const name = ident.decode(token.text.slice(1)).toLowerCase();
        if (name === 'import') report(token.offset, '@import loads another stylesheet; a report carries all its styles inline');
        else if (!allowedAtRules.has(name)) report(token.offset, `the at-rule @${name} is not one a report may use`);
        break;
      }
      case tokenTypes.Url: {
        const value = cssUrl.decode(token.text);
        if (!isDataUrl(value)) report(token.offset, `url(${value}) loads something from outside the file; only data: URLs are allowed`);
        break;
      }
      case tokenTypes.BadUrl:
      case tokenTypes.BadString:
        report(token.offset, 'a malformed url() or string, which browsers may read differently');
        break;
      case tokenTypes.Function: {
        const name = ident.decode(token.text.slice(0, -1)).toLowerCase();
        if (urlFunctions.has(name)) {
          const argument = tokens[i + 1];
          const value = argument?.type === tokenTypes.String ? cssString.decode(argument.text) : undefined;
          if (value === undefined || !isDataUrl(value)) report(token.offset, `${name}(${value ?? argument?.text ?? ''}) loads something from outside the file; only data: URLs are allowed`);
        } else if (imageListFunctions.has(name)) {
          for (const inner of argumentsOf(tokens, i)) {
            if (inner.type === tokenTypes.String && !isDataUrl(cssString.decode(inner.text))) report(inner.offset, `${name}() names an image outside the file; only data: URLs are allowed`);
          }
        } else if (refusedFunctions.has(name)) {
          report(token.offset, `${name}() refers to something outside the stylesheet`);
        }
        break;
      }
      default:
        break;
    }
  }
  return problems;
}

/** The tokens between a function token and its closing parenthesis. */
function argumentsOf(tokens: readonly { type: number; text: string; offset: number }[], at: number): { type: number; text: string; offset: number }[] {
  const inner = [];
  let depth = 1;
  for (let j = at + 1; j < tokens.length && depth > 0; j++) {
    const t = tokens[j]!;
    if (t.type === tokenTypes.Function || t.type === tokenTypes.LeftParenthesis) depth++;
    else if (t.type === tokenTypes.RightParenthesis) depth--;
    if (depth > 0) inner.push(t);
  }
  return inner;
}

export function position(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
