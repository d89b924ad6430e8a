import { describe, expect, it } from 'vitest';
import { builtInLocale } from '../../src/i18n/locale.js';
import { lowerFirst, stanceShort, stanceText } from '../../src/derive/stance.js';

describe('a pole inside a sentence', () => {
  const en = builtInLocale('en');

  it('lowers only the first letter of a plainly capitalised word', () => {
    expect(lowerFirst(en, 'Dynamism')).toBe('dynamism');
    expect(lowerFirst(en, 'Speed-first delivery')).toBe('speed-first delivery');
    expect(lowerFirst(en, 'Élan')).toBe('élan');
  });

  it('keeps acronyms, inner capitals and names as the writer spelt them', () => {
    expect(lowerFirst(en, 'GPU cost (NVIDIA H100s)')).toBe('GPU cost (NVIDIA H100s)');
    expect(lowerFirst(en, 'API latency on OpenAI-style endpoints')).toBe('API latency on OpenAI-style endpoints');
    expect(lowerFirst(en, 'Latency on OpenAI-style endpoints')).toBe('Latency on OpenAI-style endpoints');
    expect(lowerFirst(en, 'Google Search')).toBe('Google Search');
    expect(lowerFirst(en, 'iPhone sales')).toBe('iPhone sales');
  });

  it('leaves languages whose poles keep their case as written', () => {
    expect(lowerFirst(builtInLocale('de'), 'Dynamik')).toBe('Dynamik');
    expect(lowerFirst(builtInLocale('fr'), 'Dynamisme')).toBe('dynamisme');
  });

  it('in the stance sentences, the pole text is otherwise untouched', () => {
    expect(stanceText(en, 10, ['GPU cost (NVIDIA H100s)', 'Quality'])).toBe(
      'Strongly toward GPU cost (NVIDIA H100s): 10 on a scale from 0 (GPU cost (NVIDIA H100s)) to 100 (Quality)',
    );
    expect(stanceShort(en, 90, ['Speed', 'Quality'])).toContain('quality');
  });
});
