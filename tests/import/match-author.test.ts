import { describe, expect, it } from 'vitest';
import { matchAuthor } from '../../src/import/match-author.js';

const zeng = { name: 'Zeng Yan', nativeName: '曾妍' };

describe('matching the person in an author list', () => {
  it.each([
    ['Yan Zeng', { given: 'Yan', family: 'Zeng' }],
    ['Zeng Yan (family first)', { given: 'Zeng', family: 'Yan' }],
    ['one literal, family first', { literal: 'Zeng Yan' }],
    ['native name with a space', { literal: '曾 妍' }],
    ['native name without', { literal: '曾妍' }],
    ['accents and case', { literal: 'ZÉNG yan' }],
  ])('finds %s', (_, author) => {
    expect(matchAuthor(zeng, [{ literal: 'Someone Else' }, author])).toEqual({
      kind: 'found',
      index: 1,
      how: 'full name',
    });
  });

  it('treats hyphens and spaces in a given name alike', () => {
    expect(matchAuthor({ name: 'Xiao-Ming Li' }, [{ given: 'Xiaoming', family: 'Li' }])).toMatchObject({
      kind: 'found',
      index: 0,
    });
    expect(matchAuthor({ name: 'Xiaoming Li' }, [{ literal: 'Xiao Ming Li' }])).toMatchObject({
      kind: 'found',
      index: 0,
    });
  });

  it('matches initials only when no full name matches', () => {
    expect(matchAuthor(zeng, [{ given: 'Y.', family: 'Zeng' }, { literal: 'Other Person' }])).toEqual({
      kind: 'found',
      index: 0,
      how: 'initials',
    });
    expect(
      matchAuthor(zeng, [
        { given: 'Y.', family: 'Zeng' },
        { given: 'Yan', family: 'Zeng' },
      ]),
    ).toEqual({ kind: 'found', index: 1, how: 'full name' });
  });

  it('says when two authors could be the person, instead of guessing', () => {
    expect(matchAuthor(zeng, [{ given: 'Y.', family: 'Zeng' }, { literal: 'Zeng Y' }])).toEqual({
      kind: 'ambiguous',
      candidates: [0, 1],
    });
    expect(matchAuthor(zeng, [{ literal: 'Yan Zeng' }, { literal: 'Zeng Yan' }])).toEqual({
      kind: 'ambiguous',
      candidates: [0, 1],
    });
  });

  it('says when the person is not there', () => {
    expect(matchAuthor(zeng, [{ literal: 'Yu Zeng' }, { literal: 'Yan Zhang' }])).toEqual({ kind: 'absent' });
  });
});
