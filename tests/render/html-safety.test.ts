import { describe, expect, it } from 'vitest';
import { cssProblems } from '../../src/render/css-safety.js';
import {
  UnsafeHtmlError,
  assembleDocument,
  contentSecurityPolicy,
  htmlProblems,
  linkProblem,
  parseHtml,
} from '../../src/render/html-safety.js';
import { cssString } from '../../src/render/page-css.js';
import { normaliseSvg } from '../../src/render/chart-renderer.js';

const page = (body: string, head = ''): string =>
  `<!doctype html><html><head><title>t</title>${head}</head><body>${body}</body></html>`;
const problemsOf = (body: string, head = ''): string[] =>
  htmlProblems(parseHtml(page(body, head), true), {
    images: new Map([['chart:a', 'data:image/svg+xml;base64,AAAA']]),
  }).map((p) => p.message);

describe('the HTML allowlist, judged on the parsed page', () => {
  it.each([
    ['<script>alert(1)</script>', /<script> is not allowed/],
    ['<SCRIPT src=x></SCRIPT>', /<script> is not allowed/],
    ['<iframe src="file:///etc/passwd"></iframe>', /<iframe> is not allowed.*frames/],
    ['<object data="x"></object>', /<object> is not allowed/],
    ['<img alt=">" src=x onerror=alert(1)>', /onerror=\.\.\.>: event handler attributes run script/],
    [
      '<img/src="https://canary.example/x.png">',
      /<img src="https:\/\/canary\.example\/x\.png">: a report shows only the images the tool drew/,
    ],
    ['<img src="chart:a" srcset="https://canary.example/x 2x">', /the attribute srcset is not allowed/],
    ['<svg><image href="https://canary.example/x"/></svg>', /inline SVG and MathML are not allowed/],
    ['<svg><use href="https://canary.example/x#a"/></svg>', /inline SVG/],
    ['<svg><filter><feImage href="https://canary.example/x"/></filter></svg>', /inline SVG/],
    [
      '<p style="background:url(https://canary.example/x)">x</p>',
      /style="\.\.\.": url\(https:\/\/canary\.example\/x\) loads something/,
    ],
    ['<style>@import "https://canary.example/x.css";</style>', /<style>: @import loads another stylesheet/],
    ['<a/href="javascript:alert(1)">x</a>', /javascript: links are not allowed/],
    ['<a href="&#106;avascript:alert(1)">x</a>', /javascript: links are not allowed/],
    ['<a href="java\tscript:alert(1)">x</a>', /javascript: links are not allowed/],
    ['<a href="file:///etc/passwd">x</a>', /file: links are not allowed/],
    ['<a href="http://example.com/">x</a>', /http: links are not allowed/],
    ['<a href="/relative">x</a>', /absolute https: URL or a #place/],
    ['<form action="https://x"><button>go</button></form>', /<form> is not allowed/],
    ['<base href="https://evil.example/">', /<base> is not allowed/],
    ['<link rel="stylesheet" href="https://evil.example/x.css">', /<link> is not allowed/],
    ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>', /inline SVG and MathML/],
  ])('refuses %s', (html, message) => {
    expect(problemsOf(html).join('\n')).toMatch(message);
  });

  it.each([
    [
      '<meta/http-equiv=refresh content="0;url=https://evil.example">',
      /http-equiv=\.\.\.>: the attribute http-equiv is not allowed/,
    ],
    ['<meta http-equiv="Content-Security-Policy" content="default-src *">', /http-equiv/],
    ['<meta name="referrer" content="unsafe-url">', /<meta name="referrer"> is not one a report may carry/],
  ])('refuses %s in <head>', (html, message) => {
    expect(problemsOf('', html).join('\n')).toMatch(message);
  });

  it('lets escaped profile text that merely mentions these things through', () => {
    const text = 'A summary about javascript: URLs, @import rules, onload&#x3D;x and &lt;script&gt; tags';
    expect(
      problemsOf(
        `<p>${text}</p><a href="https://arxiv.org/abs/1">x</a><a href="#sources">y</a><img src="chart:a" alt="x" width="10" height="5"><bdi dir="auto">نور</bdi>`,
      ),
    ).toEqual([]);
  });

  it('gives the line and column of each problem in the template', () => {
    const problems = htmlProblems(parseHtml('<section>\n  <p>ok</p>\n  <img src="x" onerror="y">\n</section>', false), {
      templated: true,
    });
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual(['3:8', '3:16']);
  });

  it('judges a templated attribute only once it is rendered', () => {
    expect(
      htmlProblems(
        parseHtml('<a href="{{url}}">x</a><img src="{{src}}" alt=""><bdi {{#if l}}lang="{{l}}"{{/if}}>x</bdi>', false),
        { templated: true },
      ),
    ).toEqual([]);
    expect(
      htmlProblems(parseHtml('<bdi {{#if l}} onclick="x"{{/if}}>x</bdi>', false), { templated: true }).map(
        (p) => p.message,
      ),
    ).toEqual(['<bdi onclick=...>: event handler attributes run script']);
    // Glued to the Handlebars (`l}}onclick`), it is seen once rendered: the page check refuses it.
    expect(() => assembleDocument({ page: '<bdi onclick="x">x</bdi>', styles: [], images: new Map() })).toThrow(
      UnsafeHtmlError,
    );
  });

  it('says where in the rendered page each problem is, though a safe page is checked without positions', () => {
    const error = (() => {
      try {
        assembleDocument({
          page: '<p>a</p>\n<p>b <bdi onclick="x">x</bdi></p>\n<img src="https://canary.example/x" alt="">',
          styles: [],
          images: new Map(),
        });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UnsafeHtmlError);
    expect((error as UnsafeHtmlError).problems.map((p) => `${p.line}:${p.column}`)).toEqual(['2:11', '3:6']);
  });
});

describe('CSS, parsed and unescaped as a browser does', () => {
  it.each([
    ['@import "https://x/y.css";', /@import/],
    ['@\\69mport "https://x/y.css";', /@import/],
    ['@IMPORT url(https://x/y.css);', /@import/],
    ['@namespace svg url(https://x);', /@namespace is not one a report may use/],
    ['p { background: url(https://canary/x) }', /url\(https:\/\/canary\/x\) loads/],
    ['p { background: url( "https://canary/x" ) }', /url\(https:\/\/canary\/x\) loads/],
    ['p { background: u\\rl(https://canary/x) }', /url\(.*\) loads/],
    ['p { background: \\75rl(https://canary/x) }', /url\(.*\) loads/],
    ['p { background: image-set("https://canary/x" 1x) }', /image-set\(\) names an image outside/],
    ['p { background: -webkit-image-set("https://canary/x" 1x) }', /-webkit-image-set\(\) names an image outside/],
    ['@font-face { font-family: x; src: \\75rl(file:///etc/passwd) }', /url\(.*\) loads/],
    ['@font-face { font-family: x; src: url(/x.woff2) }', /url\(\/x\.woff2\) loads/],
    ['p { --bg: url(https://canary/x); background: var(--bg) }', /url\(https:\/\/canary\/x\) loads/],
    ['p { background: element(#x) }', /element\(\) refers/],
    ['</style><script>x</script>', /<\/style.*would end the stylesheet early/],
    ['p { content: "<!--" }', /<!--/],
    // A var() inside an image function brings in a string the check would not otherwise judge as a URL.
    [
      ':root{--u:"http://canary/beacon"} body{background-image:image-set(var(--u) 1x)}',
      /var\(\) inside image-set\(\) could bring in an image from outside the file/,
    ],
    ['body{background-image:image-set(var(--u) 1x)}', /var\(\) inside image-set\(\)/],
    ['body{background-image:-webkit-image-set(var(--u) 1x)}', /var\(\) inside -webkit-image-set\(\)/],
    ['body{background-image:image(var(--u))}', /var\(\) inside image\(\)/],
    ['body{background-image:cross-fade(var(--u), url(data:image/png;base64,AA) 50%)}', /var\(\) inside cross-fade\(\)/],
    [
      'body{background-image:-webkit-cross-fade(url(data:image/png,a), url(https://canary/x), 50%)}',
      /-webkit-cross-fade\(\) names an image outside the file \("https:\/\/canary\/x"\)/,
    ],
    ['body{background-image:image-set(attr(data-u) 1x)}', /attr\(\) inside image-set\(\)/],
    ['body{background-image:image-set(env(x) 1x)}', /env\(\) inside image-set\(\)/],
    ['body{background-image:image-set(linear-gradient(red, var(--c)) 1x)}', /var\(\) inside image-set\(\)/],
    ['body{background-image:image-set(type(var(--t)) 1x)}', /var\(\) inside image-set\(\)/],
    ['body{background-image:\\69mage-set("https://canary/x" 1x)}', /image-set\(\) names an image outside the file/],
    ['body{background-image:image-set(image-set("https://canary/x" 1x) 1x)}', /image-set\(\) names an image outside/],
    ['body{background-image:src(var(--u))}', /var\(\) inside src\(\)/],
    ['body{background-image:src("https://canary/x")}', /src\(\) names an image outside the file/],
    [
      'body{background-image:paint(beacon)}',
      /paint\(\) refers to something outside the stylesheet \(it runs a paint worklet/,
    ],
    ['body{width:frobnicate(1px)}', /frobnicate\(\) is not a CSS function a report may use/],
    // Custom properties and @property initial values are where a URL waits for a var().
    [':root{--u:"http://canary/beacon"}', /--u holds the URL "http:\/\/canary\/beacon", which a var\(\) could load/],
    [':root{--u:"//canary/beacon"}', /--u holds the URL/],
    [':root{--u:"\\\\\\\\canary\\\\beacon"}', /--u holds the URL "\\\\canary\\beacon"/],
    [':root{--u:"file:///etc/passwd"}', /--u holds the URL "file:\/\/\/etc\/passwd"/],
    [':root{\\2d\\2d u:"https://canary/x"}', /--u holds the URL/],
    [':root{--u:url(https://canary/x)}', /url\(https:\/\/canary\/x\) loads something/],
    [
      ':root{--u:{image-set("https://canary/x" 1x)}}',
      /image-set\(\) in CSS that cannot be parsed|names an image outside/,
    ],
    [
      '@property --u { syntax: \'<string>\'; inherits: false; initial-value: "https://canary/x" }',
      /initial-value holds the URL "https:\/\/canary\/x"/,
    ],
    [
      "@property --u { syntax: '<url>'; inherits: false; initial-value: url(https://canary/x) }",
      /url\(https:\/\/canary\/x\) loads something/,
    ],
    [
      '@property --u { syntax: \'<image>\'; inherits: false; initial-value: image-set("https://canary/x" 1x) }',
      /image-set\(\) names an image outside/,
    ],
    // What the parser cannot structure is read token by token.
    ['p { color: red; } } { background: url(https://canary/x) }', /url\(https:\/\/canary\/x\) loads something/],
    ['p { background: url("data:image/png,a" format("x")) }', /url\(.*\) loads something/],
    ['p { background: image-set("data:image/png,a" 1x }', /image-set\(\) in CSS that cannot be parsed/],
    ['p { content: "https://canary/x\n }', /a malformed url\(\) or string/],
  ])('refuses %s', (css, message) => {
    expect(
      cssProblems(css)
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(message);
  });

  it.each([
    [
      '--u:"http://canary/x"; background-image:image-set(var(--u) 1x)',
      /--u holds the URL[\s\S]*var\(\) inside image-set\(\)/,
    ],
    ['background-image:image-set(var(--u) 1x)', /var\(\) inside image-set\(\)/],
    ['} body { background: url(https://canary/x)', /url\(https:\/\/canary\/x\) loads/],
  ])('reads a style="" attribute as declarations: refuses %s', (css, message) => {
    expect(
      cssProblems(css, 'declarationList')
        .map((p) => p.message)
        .join('\n'),
    ).toMatch(message);
    expect(problemsOf(`<p style='${css}'>x</p>`).join('\n')).toMatch(message);
  });

  it('refuses var() in an image function in a <style> of the page, at its line', () => {
    const problems = htmlProblems(
      parseHtml(
        page('', '<style>\n:root{--u:"http://canary/b"}\nbody{background-image:image-set(var(--u) 1x)}</style>'),
        true,
      ),
    );
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '2:11 <style>: --u holds the URL "http://canary/b", which a var() could load; only data: URLs are allowed',
      '3:33 <style>: var() inside image-set() could bring in an image from outside the file; write the image itself, as a data: URL',
    ]);
  });

  it('allows custom properties, @property and image functions that hold no URL', () => {
    const css = [
      ':root { --ink: #1d2433; --sans: "Source Sans 3", sans-serif; --label: "Note: see"; --gap: calc(1rem + 2px); --name: "Figure" }',
      "@property --angle { syntax: '<angle>'; inherits: false; initial-value: 0deg }",
      '@property --word { syntax: \'<string>\'; inherits: true; initial-value: "Chapter" }',
      'p { color: var(--ink); font-family: var(--sans); background-image: image-set("data:image/png;base64,AA" type("image/png") 1x, url(data:image/png;base64,AB) 2x) }',
      'q { background-image: cross-fade(url(data:image/png;base64,AA) 30%, linear-gradient(to right, red, blue)); mask-image: image(ltr "data:image/png;base64,AA", red) }',
      'p { & a { color: rgb(1 2 3) } .x & { color: rgb(1, 2, 3); background: url(data:image/png;base64,AA) } }',
      '@font-face { font-family: x; src: local("X"), url(data:font/woff2;base64,AA) format("woff2") }',
      'p { transform: translateX(2px) rotate(3deg); grid-template-columns: repeat(2, minmax(0, 1fr)); width: clamp(1rem, 50%, 30rem) }',
    ].join('\n');
    expect(cssProblems(css)).toEqual([]);
  });

  it('allows the built-in stylesheet as it stands', async () => {
    const { readFile } = await import('node:fs/promises');
    expect(cssProblems(await readFile(new URL('../../templates/styles.css', import.meta.url), 'utf8'))).toEqual([]);
  });

  it('allows what only styles, data: URLs included', () => {
    expect(
      cssProblems(
        '@media print { p { color: red } } @page { @top-left { content: "x" } } p { background: url("data:image/png;base64,AA"); background-image: url(data:image/png;base64,AA) } /* url(https://in-a-comment) */',
      ),
    ).toEqual([]);
  });

  it('gives line and column', () => {
    expect(cssProblems('p {}\n  a { background: url(https://x) }')[0]).toMatchObject({ line: 2, column: 19 });
  });
});

describe("the document skeleton is the tool's", () => {
  const images = new Map([['chart:a', 'data:image/svg+xml;base64,QUJD']]);

  it('puts the charset, then the CSP, first in the real <head>, whatever comments say', () => {
    const html = assembleDocument({
      page: '<!--<head>--><!doctype html><html><head><title>x</title></head><body><!-- <head> --><img src="chart:a" alt="a"></body></html>',
      styles: ['p{color:red}'],
      images,
    });
    const head = html.slice(html.indexOf('<head>'));
    expect(
      head.startsWith(
        `<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy}">`,
      ),
    ).toBe(true);
    expect(html).not.toContain('<!--');
    expect(html).toContain('<img src="data:image/svg+xml;base64,QUJD" alt="a">');
    expect(html).toContain('<style>\np{color:red}\n</style>');
  });

  it("adds a <head> when the layout has none, and drops the layout's own charset", () => {
    const html = assembleDocument({ page: '<meta charset="latin1"><p>x</p>', styles: [], images });
    expect(html).toMatch(/^<html><head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"/);
    expect(html).not.toContain('latin1');
  });

  it('refuses an unsafe page with every problem', () => {
    expect(() => assembleDocument({ page: '<script>1</script><img src=x>', styles: [], images })).toThrow(
      UnsafeHtmlError,
    );
    try {
      assembleDocument({ page: '<script>1</script><img src=x>', styles: [], images });
    } catch (error) {
      expect((error as UnsafeHtmlError).problems).toHaveLength(2);
    }
  });

  it('judges links as the URL parser reads them', () => {
    expect(linkProblem('https://arxiv.org/abs/2111.08276')).toBeUndefined();
    expect(linkProblem('#section-papers')).toBeUndefined();
    expect(linkProblem(' JAVASCRIPT:alert(1)')).toMatch(/javascript:/);
    expect(linkProblem('data:text/html,<script>1</script>')).toMatch(/data:/);
  });
});

describe('CSS strings and chart SVG', () => {
  it('escapes text for CSS strings so it cannot end the string or the stylesheet, and keeps spaces after escapes', () => {
    expect(cssString('Plain title')).toBe('"Plain title"');
    expect(cssString('a"b\\c\n</style>曾')).toBe('"a\\22 b\\5c c\\a \\3c \\2f style\\3e \\66fe "');
    // The space after an escape ends it; the name's own space survives.
    expect(cssString('山田 花子')).toBe('"\\5c71 \\7530  \\82b1 \\5b50 "');
  });

  it('normalises chart SVG so the same chart gives the same bytes', () => {
    const svg =
      '<g id="surface42"><path style="fill:rgb(100%,0%,50%);fill-opacity:0.0980392;" d="M 1.123456 2.5 L 3.0 4.04"/></g>';
    expect(normaliseSvg(svg)).toBe(
      '<g id="surface"><path style="fill:#ff0080;fill-opacity:0.0980392;" d="M 1.1 2.5 L 3 4"/></g>',
    );
  });
});
