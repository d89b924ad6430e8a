import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineMarkup, parseMarkup } from '../../src/derive/inline-markup.js';
import { htmlProblems, parseHtml } from '../../src/render/html-safety.js';

/** The problems the page check would find in `html`, put where a summary goes. */
const pageProblems = (html: string): string[] =>
  htmlProblems(
    parseHtml(`<!doctype html><html><head><title>t</title></head><body><p>${html}</p></body></html>`, true),
  ).map((p) => p.message);

describe('inline markup in long texts', () => {
  it.each([
    ['a **strong** word', 'a <strong>strong</strong> word', 'a strong word'],
    ['an *emphasised* word', 'an <em>emphasised</em> word', 'an emphasised word'],
    ['a `code` span', 'a <code>code</code> span', 'a code span'],
    [
      'see [the paper](https://arxiv.org/abs/2111.08276)',
      'see <a href="https://arxiv.org/abs/2111.08276">the paper</a>',
      'see the paper',
    ],
    ['**[bold link](https://a.org/)**', '<strong><a href="https://a.org/">bold link</a></strong>', 'bold link'],
    ['an \\*escaped\\* star', 'an *escaped* star', 'an *escaped* star'],
    ['snake_case stays, R&D too', 'snake_case stays, R&amp;D too', 'snake_case stays, R&D too'],
    ['line one\nline two', 'line one\nline two', 'line one\nline two'],
  ])('%j', (text, html, plain) => {
    const read = inlineMarkup(text);
    expect(read.html).toBe(html);
    expect(read.plain).toBe(plain);
    expect(read.refusedLinks).toEqual([]);
  });

  it.each([
    ['[x](javascript:alert(1))', 'javascript:alert(1)'],
    ['[x](JAVASCRIPT:alert(1))', 'JAVASCRIPT:alert(1)'],
    ['[x](http://example.org/)', 'http://example.org/'],
    ['[x](file:///etc/passwd)', 'file:///etc/passwd'],
    ['[x](data:text/html,<script>alert(1)</script>)', 'data:text/html,%3Cscript%3Ealert(1)%3C/script%3E'],
    ['[x](/relative/path)', '/relative/path'],
    ['[x](&#106;avascript:alert(1))', 'javascript:alert(1)'],
  ])('a link that is not https: stays plain text and is reported: %s', (text, url) => {
    const read = inlineMarkup(text);
    expect(read.html).not.toContain('<a');
    expect(read.html).toContain('[x](');
    expect(read.refusedLinks).toEqual([url]);
    expect(pageProblems(read.html)).toEqual([]);
  });

  it.each([
    ['<script>alert(1)</script>'],
    ['<img src=x onerror=alert(1)>'],
    ['![a picture](https://canary.example/x.png)'],
    ['<https://canary.example/autolink>'],
    ['https://canary.example/bare'],
    ['<a href="javascript:alert(1)">x</a>'],
    ['[x](https://canary.example/ "title\\" onmouseover=\\"alert(1)")'],
    ['<style>@import url(https://canary.example/x.css)</style>'],
  ])(
    'raw HTML, images and autolinks are text, and the page check (which refuses event handlers) finds nothing: %s',
    (text) => {
      const { html } = inlineMarkup(text);
      expect(html).not.toMatch(/<(script|img|style|svg|iframe)\b/i);
      expect(pageProblems(html)).toEqual([]);
    },
  );

  it.each([
    ['[]()', '[]()'],
    ['see [the paper]() and [this](https://a.org/)', 'see [the paper]() and this'],
    ['[x](<>)', '[x](<>)'],
  ])('a link with no address is not made: its brackets stay text and it is reported (%s)', (text, reads) => {
    const { html, plain, refusedLinks } = inlineMarkup(text);
    expect(html).not.toContain('href=""');
    expect(pageProblems(html)).toEqual([]);
    expect(plain).toBe(reads);
    expect(refusedLinks).toEqual(['']);
  });

  it('a link to a host that imitates another is followed in punycode', () => {
    expect(inlineMarkup('[Apple](https://аpple.com/)').html).toBe('<a href="https://xn--pple-43d.com/">Apple</a>');
  });

  it('whatever the text, the HTML passes the page check and links only to https:', () => {
    const pieces = fc.constantFrom(
      '**',
      '*',
      '_',
      '`',
      '[',
      ']',
      '(',
      ')',
      '<',
      '>',
      '"',
      "'",
      '&',
      '\\',
      '!',
      'https://a.org/',
      'javascript:',
      'http://x/',
      ' onerror=',
      '<script>',
      'text',
      ' ',
      '\n',
      '#',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        const { html } = inlineMarkup(parts.join(''));
        expect(pageProblems(html)).toEqual([]);
        for (const m of html.matchAll(/<a href="([^"]*)"/g)) expect(m[1]).toMatch(/^https:\/\//);
      }),
      { numRuns: 400 },
    );
  });

  it('a text with no character that starts markup reads exactly as the parser would read it, unparsed', () => {
    const chars = fc.constantFrom(
      'a',
      'Z',
      '9',
      ' ',
      '  ',
      '\n',
      '.',
      ',',
      ':',
      ';',
      '!',
      '?',
      '(',
      ')',
      '{',
      '}',
      '#',
      '-',
      '+',
      '=',
      '~',
      '|',
      '/',
      "'",
      '%',
      '$',
      '@',
      '^',
      '曾',
      'é',
      'ن',
      '😀',
      '\t',
    );
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        expect(inlineMarkup(text)).toEqual(parseMarkup(text));
      }),
      { numRuns: 500 },
    );
  });
});
