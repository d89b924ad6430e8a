import { describe, expect, it } from 'vitest';
import { hyphenateHtml } from '../../src/render/hyphenate-html.js';

/** The body's inner HTML with soft hyphens shown as "|". */
const shown = (html: string, names: string[] = []): string =>
  /<body>([\s\S]*)<\/body>/
    .exec(hyphenateHtml(`<html lang="en"><body>${html}</body></html>`, { names }))![1]!
    .replace(/\u00AD/g, '|');

describe('hyphenateHtml', () => {
  it('puts soft hyphens at the hyphenation points of running text, by the language of the element', () => {
    expect(shown('<p>Models and characterisations</p>')).toBe('<p>Models and char|ac|ter|i|sa|tions</p>');
    expect(shown('<p lang="de">Donaudampfschifffahrt</p>')).toBe('<p lang="de">Do|nau|dampf|schifffahrt</p>');
    expect(shown('<p>Исследователь</p>')).toBe('<p>Ис|сле|до|ва|тель</p>');
  });

  it('puts no break point inside an f-ligature, which the PDF could then not read back', () => {
    expect(shown('<p>Efficient, affluent, shiftless</p>')).not.toMatch(/f\|[fijlt]/i);
  });

  it('keeps at least two letters before a break and three after it', () => {
    for (const piece of shown('<p>characterisation unbelievably</p>')
      .replace(/<\/?p>/g, '')
      .split(' ')) {
      const parts = piece.split('|');
      expect(parts[0]!.length).toBeGreaterThanOrEqual(2);
      expect(parts.at(-1)!.length).toBeGreaterThanOrEqual(3);
    }
  });

  it("leaves a heading's words as written (they are the bookmarks), unless a word is too long for any column", () => {
    expect(shown('<h1>Characterisation</h1>')).toBe('<h1>Characterisation</h1>');
    expect(shown('<h2>Pneumonoultramicroscopicsilicovolcanoconiosis</h2>')).toMatch(/^<h2>Pneu\|mo/);
  });

  it('never breaks a name, in a name element or inside a sentence', () => {
    expect(shown('<h2><bdi class="name">Papadimitriou</bdi></h2>')).toBe(
      '<h2><bdi class="name">Papadimitriou</bdi></h2>',
    );
    expect(shown('<p>Cited for Chattopadhyay.</p>', ['Arnab Chattopadhyay'])).toBe('<p>Cited for Chattopadhyay.</p>');
  });

  it('breaks addresses and identifiers at their punctuation with <wbr>, never with a hyphen', () => {
    expect(shown('<a href="https://example.org/a">example.org/some_path</a>')).toBe(
      '<a href="https://example.org/a">example<wbr>.org/<wbr>some<wbr>_path</a>',
    );
    expect(shown('<p>see https://example.org/x</p>')).toBe('<p>see https://<wbr>example<wbr>.org/<wbr>x</p>');
    expect(shown('<p>OpenAI-style H100s arXiv</p>')).toBe('<p>OpenAI-style H100s arXiv</p>');
    expect(shown('<p>Seedance 2.0 saves 42.5%, e.g. here</p>')).toBe('<p>Seedance 2.0 saves 42.5%, e.g. here</p>');
  });

  it('leaves code, numbers and citations alone', () => {
    expect(shown('<code>hyphenation</code>')).toBe('<code>hyphenation</code>');
    expect(shown('<span class="value">30 microseconds</span>')).toContain('30 microseconds');
  });
});
