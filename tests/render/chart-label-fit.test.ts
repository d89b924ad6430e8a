import { describe, expect, it } from 'vitest';
import { shortenToWidth, wrapToWidth } from '../../src/render/chart-label-fit.js';

/** Ten pixels a letter, twenty a Han letter; isolates take no room. */
const measure = (text: string): number =>
  [...text.replace(/[\u2066-\u2069]/g, '')].reduce((w, c) => w + (/\p{Script=Han}/u.test(c) ? 20 : 10), 0);

describe('fitting chart labels to the room they have', () => {
  it('keeps a label that fits as it is', () => {
    expect(wrapToWidth('Donau Lab', 100, measure)).toBe('Donau Lab');
  });

  it('wraps at a space, and cuts only the second line, at a whole letter, with an ellipsis', () => {
    expect(wrapToWidth('Universität Wien Donau Institut', 120, measure)).toEqual(['Universität', 'Wien Donau…']);
    expect(measure('Wien Donau…')).toBeLessThanOrEqual(120);
  });

  it('breaks Han text between letters, by measured width, not by letter count', () => {
    const [first, second] = wrapToWidth('东京大学大学院情報理工学系研究科', 100, measure) as string[];
    expect(first).toBe('东京大学大');
    expect(second).toBe('学院情報…');
    expect(measure(second!)).toBeLessThanOrEqual(100);
  });

  it('keeps a right-to-left label isolated on each of its lines', () => {
    expect(wrapToWidth('\u2068نور الهدى الباحثة\u2069', 90, measure)).toEqual([
      '\u2068نور الهدى\u2069',
      '\u2068الباحثة\u2069',
    ]);
  });

  it('cuts a label to the width, closing any isolate it cuts open', () => {
    expect(shortenToWidth('a \u2068מדענית נתונים\u2069 b', 80, measure)).toBe('a \u2068מדעני…\u2069');
  });
});
