import { describe, expect, it } from 'vitest';
import { deriveReport } from '../../src/derive/derive-report.js';
import { profileSchema } from '../../src/schema/profile-schema.js';
import { reportSchema } from '../../src/schema/report-schema.js';

const source = [{ id: 's', title: 'Fictional, for tests' }];
const evidence = [{ text: 'Fictional.', source: 's' }];
const profile = (name: string, balance: Record<string, unknown>) =>
  profileSchema.parse({
    person: { name, headline: 'Fictional', source: 's' },
    balance: [{ ...balance, evidence }],
    sources: source,
  });

describe('balance themes across translations', () => {
  it('draws one picture for a trade-off one profile translates and the other does not, poles in either order', () => {
    const translated = profile('Aiko', {
      tradeoff: { en: 'Speed vs quality', ja: '速度と品質' },
      poles: [
        { en: 'Speed', ja: '速度' },
        { en: 'Quality', ja: '品質' },
      ],
      position: 20,
    });
    const english = profile('Ben', { tradeoff: 'Speed vs quality', poles: ['Quality', 'Speed'], position: 30 });
    const spec = reportSchema.parse({
      title: 'T',
      author: 'A',
      profiles: ['a.yaml', 'b.yaml'],
      buildDate: '2026-11-23',
      language: 'ja',
    });
    const charts = deriveReport(spec, [translated, english]).charts.filter((c) => c.id.startsWith('balance-'));
    expect(charts).toHaveLength(1);
    // Ben's 30 toward Quality is 70 toward Speed, the first profile's left pole.
    expect(charts[0]!.table.rows.map((r) => r[1])).toEqual(['20', '70']);
  });

  it('keeps different trade-offs apart, and poles that do not match apart', () => {
    const a = profile('Aiko', { tradeoff: 'Speed vs quality', poles: ['Speed', 'Quality'], position: 20 });
    const b = profile('Ben', { tradeoff: 'Speed vs quality', poles: ['Speed', 'Cost'], position: 30 });
    const c = profile('Cy', { tradeoff: 'Cost vs reach', poles: ['Cost', 'Reach'], position: 40 });
    const spec = reportSchema.parse({
      title: 'T',
      author: 'A',
      profiles: ['a.yaml', 'b.yaml', 'c.yaml'],
      buildDate: '2026-11-23',
    });
    expect(deriveReport(spec, [a, b, c]).charts.filter((x) => x.id.startsWith('balance-'))).toHaveLength(3);
  });
});
