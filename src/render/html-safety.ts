import { RenderError } from '../errors.js';

/**
 * The report's Content-Security-Policy: inline styles, and images and fonts from `data:` only.
 * Everything else (scripts, frames, objects, fetches, form posts, base URLs) is refused.
 */
export const contentSecurityPolicy =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Puts the CSP first in `<head>`, before anything it governs. Done in code, after rendering,
 * so an overridden layout cannot leave it out.
 */
export function insertCsp(html: string): string {
  const head = /<head(\s[^>]*)?>/i.exec(html);
  if (!head) throw new RenderError('the layout template has no <head> element, so the page cannot be protected; keep the <head> of the built-in layout.hbs');
  const at = head.index + head[0].length;
  return `${html.slice(0, at)}\n<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">${html.slice(at)}`;
}

const forbidden: readonly [RegExp, string][] = [
  [/<script[\s>/]/i, '<script>'],
  [/<(iframe|frame|object|embed|applet|portal)[\s>/]/i, 'an embedded frame or object'],
  [/<base[\s>/]/i, '<base>'],
  [/<meta\s[^>]*http-equiv\s*=\s*["']?refresh/i, 'a <meta> refresh'],
  [/<link[\s>/]/i, '<link> (styles must be inline)'],
  // Inside a tag only: escaped profile text never holds a raw `<` or `=`.
  [/<[^>]*\son[a-z]+\s*=/i, 'an event handler attribute (onload=, onclick=...)'],
  [/<[^>]*\s(href|src|action|formaction|xlink:href|data|poster|srcset)\s*=\s*["']?\s*(javascript|vbscript|file):/i, 'a javascript: or file: URL'],
  // Links may point anywhere (https); what the page loads must be inline.
  [/<[^>]*\s(src|data|poster|srcset|background|xlink:href)\s*=\s*["']?\s*(?!data:)[^\s"'>]/i, 'something loaded from outside the file'],
];

/**
 * Profile text is always escaped, so none of these can come from a profile; they can only come
 * from a template folder. The report is meant to be mailed and opened anywhere, so a template
 * that adds code or outside requests is refused rather than trusted.
 */
export function checkHtmlIsInert(html: string): void {
  const found = forbidden.filter(([pattern]) => pattern.test(html)).map(([, what]) => what);
  if (found.length > 0) {
    throw new RenderError(`the templates produce ${found.join(', ')}; reports carry no scripts, frames or outside requests, so this template folder cannot be used`);
  }
}

/** The stylesheet of a template folder: no way out of the <style> element, nothing fetched. */
export function checkCssIsInert(css: string, file: string): void {
  const problems: string[] = [];
  if (/<\/style/i.test(css)) problems.push('`</style`, which would end the stylesheet early');
  if (/@import\b/i.test(css)) problems.push('an @import');
  if (/url\(\s*(?!["']?\s*data:)/i.test(css)) problems.push('a url() that is not a data: URL');
  if (problems.length > 0) {
    throw new RenderError(`${file} holds ${problems.join(', ')}; a report is one self-contained file, so styles must be inline and fetch nothing`);
  }
}
