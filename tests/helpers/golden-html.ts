import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths.js';

const builtInStylesheet = 'templates/styles.css';

/**
 * A built page as its golden file holds it: inline fonts and chart images become short markers,
 * and the built-in stylesheet, copied verbatim into every page, becomes one line with its hash.
 * A CSS edit then changes one line per golden instead of hundreds, while the page's own styles
 * (the fonts it embeds, the page size and the person colours) stay readable in the diff. A
 * stylesheet that is not exactly the built-in one is kept whole, so a change to how the page
 * carries it shows.
 */
export function goldenHtml(html: string): string {
  const stylesheet = readFileSync(path.join(repoRoot, builtInStylesheet), 'utf8');
  return html
    .replace(/data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+(&#x3D;)*/g, 'data:image/svg+xml;base64,(chart)')
    .replace(/data:font\/woff2;base64,[A-Za-z0-9+/=]+/g, 'data:font/woff2;base64,(font)')
    .replace(/<style>([\s\S]*?)<\/style>/g, (element, css: string) =>
      css.trim() === stylesheet.trim()
        ? `<style>/* sha256:${sha256(css.trim())} (${builtInStylesheet}, ${lineCount(css.trim())} lines) */</style>`
        : element,
    );
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function lineCount(text: string): number {
  return text.split('\n').length;
}
