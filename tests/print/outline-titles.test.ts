import { describe, expect, it } from 'vitest';
import { correctedTitles, decodePdfString, headingTexts } from '../../src/print/outline-titles.js';

const item = (object: number, title: string) => ({ object, title, dict: '' });

describe('bookmark titles', () => {
  it('reads headings as a reader sees them', () => {
    expect(headingTexts('<h1 id="a">Two\n balance points</h1><h2 class="x"><span aria-hidden="true"></span>Luo Fuli <span>罗福莉</span></h2><h3>Xiaomi&#x27;s &amp; more</h3>')).toEqual(['Two balance points', 'Luo Fuli 罗福莉', "Xiaomi's & more"]);
  });

  it('repairs lost spaces and repeated starts, and only those', () => {
    const fixes = correctedTitles([item(1, 'Two balancepoints'), item(2, 'TimelineTimeline'), item(3, 'Luo FuliLuo Fuli罗福莉'), item(4, 'Sources')], ['Two balance points', 'Timeline', 'Luo Fuli 罗福莉', 'Sources']);
    expect(fixes).toEqual(new Map([[1, 'Two balance points'], [2, 'Timeline'], [3, 'Luo Fuli 罗福莉']]));
  });

  it('gives up rather than guess when the lists differ', () => {
    expect(correctedTitles([item(1, 'A')], ['A', 'B'])).toBeUndefined();
    expect(correctedTitles([item(1, 'Something else')], ['Timeline'])).toBeUndefined();
  });

  it('decodes PDF strings', () => {
    expect(decodePdfString('(a\\(b\\) \\\\ \\101)')).toBe('a(b) \\ A');
    expect(decodePdfString('<FEFF004166FE>')).toBe('A曾');
  });
});
