import { describe, expect, it } from 'vitest';
import { RenderError } from '../../src/errors.js';
import { checkCssIsInert, checkHtmlIsInert, contentSecurityPolicy, insertCsp } from '../../src/render/html-safety.js';
import { cssString } from '../../src/render/page-css.js';
import { normaliseSvg } from '../../src/render/chart-renderer.js';

describe('html safety', () => {
  it('puts the CSP first in <head>', () => {
    const html = insertCsp('<!doctype html><html><head><title>x</title></head><body></body></html>');
    expect(html).toContain(`<head>\n<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}"><title>`);
    expect(() => insertCsp('<html><body></body></html>')).toThrow(/no <head>/);
  });

  it.each([
    ['<script>alert(1)</script>', '<script>'],
    ['<SCRIPT src=x></SCRIPT>', '<script>'],
    ['<iframe src="file:///etc/passwd"></iframe>', 'an embedded frame or object'],
    ['<object data="x"></object>', 'an embedded frame or object'],
    ['<base href="https://evil.example/">', '<base>'],
    ['<meta http-equiv="refresh" content="0;url=https://evil.example">', 'a <meta> refresh'],
    ['<link rel="stylesheet" href="https://evil.example/x.css">', '<link>'],
    ['<img src="x" onerror="alert(1)">', 'an event handler attribute'],
    ['<a href="javascript:alert(1)">x</a>', 'a javascript: or file: URL'],
    ['<img src="https://canary.example/x.png" alt="">', 'something loaded from outside the file'],
    ['<image href="x"><svg><image xlink:href="http://127.0.0.1/x"/></svg>', 'something loaded from outside the file'],
  ])('refuses templates that produce %s', (html, what) => {
    expect(() => checkHtmlIsInert(`<html><head></head><body>${html}</body></html>`)).toThrow(RenderError);
    expect(() => checkHtmlIsInert(`<html><head></head><body>${html}</body></html>`)).toThrow(what);
  });

  it('lets escaped profile text that merely mentions these things through', () => {
    const text = 'A summary about javascript: URLs, @import rules, onload&#x3D;x and &lt;script&gt; tags';
    expect(() => checkHtmlIsInert(`<html><head></head><body><p>${text}</p><a href="https://arxiv.org/abs/1">x</a><img src="data:image/svg+xml;base64,AAAA" alt="x"></body></html>`)).not.toThrow();
  });

  it('refuses stylesheets that could fetch or escape', () => {
    expect(() => checkCssIsInert('body { color: red }', 's.css')).not.toThrow();
    expect(() => checkCssIsInert('@import "https://x/y.css";', 's.css')).toThrow(/@import/);
    expect(() => checkCssIsInert('p { background: url(https://canary/x) }', 's.css')).toThrow(/url\(\)/);
    expect(() => checkCssIsInert('p { background: url("data:image/png;base64,AA") }', 's.css')).not.toThrow();
    expect(() => checkCssIsInert('</style><script>x</script>', 's.css')).toThrow(/<\/style/);
  });

  it('escapes text for CSS strings so it cannot end the string or the stylesheet', () => {
    expect(cssString('Plain title')).toBe('"Plain title"');
    expect(cssString('a"b\\c\n</style>曾')).toBe('"a\\000022b\\00005cc\\00000a\\00003c\\00002fstyle\\00003e\\0066fe"');
  });

  it('normalises chart SVG so the same chart gives the same bytes', () => {
    const svg = '<g id="surface42"><path style="fill:rgb(100%,0%,50%);fill-opacity:0.0980392;" d="M 1.123456 2.5 L 3.0 4.04"/></g>';
    expect(normaliseSvg(svg)).toBe('<g id="surface"><path style="fill:#ff0080;fill-opacity:0.0980392;" d="M 1.1 2.5 L 3 4"/></g>');
  });
});
