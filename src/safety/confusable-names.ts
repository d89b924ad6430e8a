import type { Problem } from '../errors.js';
import { confusable } from './skeleton.js';

export interface NamedPerson {
  /** As shown in messages. */
  readonly file: string;
  readonly name: string;
  readonly nativeName?: string | undefined;
}

/**
 * Warnings for people a reader could mix up: two names (or a name and another person's native
 * name) that differ but look alike, such as "Zeng Yan" and "Zеng Yаn" written with Cyrillic
 * letters. A report that compares people must not let one pass for another.
 */
export function confusableNames(people: readonly NamedPerson[]): Problem[] {
  const problems: Problem[] = [];
  const fields = (p: NamedPerson): [string, string][] => [
    ['person.name', p.name],
    ...(p.nativeName ? [['person.nativeName', p.nativeName] as [string, string]] : []),
  ];
  for (let i = 0; i < people.length; i++) {
    for (let j = i + 1; j < people.length; j++) {
      const a = people[i]!;
      const b = people[j]!;
      for (const [fieldA, textA] of fields(a)) {
        for (const [fieldB, textB] of fields(b)) {
          if (!confusable(textA, textB)) continue;
          problems.push({
            file: b.file,
            path: fieldB,
            message: `"${textB}" looks like "${textA}" (${fieldA} in ${a.file}) but is written with different characters; readers could take one person for the other`,
            severity: 'warning',
          });
        }
      }
    }
  }
  return problems;
}
