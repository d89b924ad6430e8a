import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { parseYaml } from '../../src/load/parse-yaml.js';

const problems = (text: string): string[] => parseYaml('t.yaml', text).problems.map(formatProblem);

describe('parseYaml', () => {
  it('returns plain data and the position of every value', () => {
    const parsed = parseYaml('t.yaml', 'person:\n  name: Ada\nlist:\n  - one\n  - two\n');
    expect(parsed.value).toEqual({ person: { name: 'Ada' }, list: ['one', 'two'] });
    expect(parsed.positions.locate(['person', 'name'])).toEqual({ line: 2, column: 9 });
    expect(parsed.positions.locate(['list', 1])).toEqual({ line: 5, column: 5 });
    expect(parsed.positions.locateKey(['person'], 'name')).toEqual({ line: 2, column: 3 });
    // A missing field falls back to its nearest written ancestor.
    expect(parsed.positions.locate(['person', 'headline'])).toEqual({ line: 2, column: 3 });
  });

  it('keeps scalars as written for messages', () => {
    expect(parseYaml('t.yaml', 'v: 1.10\n').positions.raw(['v'])).toBe('1.10');
  });

  it.each([
    [
      '!!binary',
      'a: !!binary aGVsbG8=\n',
      't.yaml:1:13  a  the YAML tag !!binary is not allowed; write plain values (quote text that looks like a number)',
    ],
    [
      '!!set',
      'a: !!set {x, y}\n',
      't.yaml:1:10  a  the YAML tag !!set is not allowed; write plain values (quote text that looks like a number)',
    ],
    [
      'an unknown tag',
      'a: !foo bar\n',
      't.yaml:1:9  a  the YAML tag !foo is not allowed; write plain values (quote text that looks like a number)',
    ],
    [
      '__proto__',
      'a:\n  __proto__: {polluted: 1}\n',
      't.yaml:2:3  a.__proto__  the key `__proto__` is not allowed (it could alter built-in objects)',
    ],
    [
      'constructor',
      'constructor: 1\n',
      't.yaml:1:1  constructor  the key `constructor` is not allowed (it could alter built-in objects)',
    ],
    [
      'prototype',
      'x: [{prototype: 1}]\n',
      't.yaml:1:6  x[0].prototype  the key `prototype` is not allowed (it could alter built-in objects)',
    ],
    [
      'a leading zero',
      'a: 01234\n',
      't.yaml:1:4  a  01234 has a leading zero, which YAML reads as the number 1234; write 1234, or put it in quotes if it is text',
    ],
    [
      'a complex key',
      '? [a, b]\n: 1\n',
      't.yaml:1:3  (file)  a key must be a plain word, not a list, mapping or empty value',
    ],
    [
      'two documents',
      'a: 1\n---\nb: 2\n',
      't.yaml:2:1  (file)  the file holds more than one YAML document (a second `---`); a profile is one document',
    ],
    ['a tab indent', 'a:\n\t- 1\n', 't.yaml:2:1  (file)  a tab is used for indentation; YAML needs spaces'],
    [
      'an unknown alias',
      'a: *nowhere\n',
      't.yaml:1:4  a  the alias *nowhere names no anchor (&nowhere) defined before it',
    ],
  ])('refuses %s', (_, text, message) => {
    expect(problems(text)).toEqual([message]);
  });

  it("never lets a `__proto__` key change an object's prototype or reach Object.prototype", () => {
    // Assigning `__proto__` on a plain object replaces that object's prototype (it never touches
    // Object.prototype), so the check is on the parsed objects themselves: the key is refused,
    // not kept as data, and every mapping stays a plain object.
    const parsed = parseYaml('t.yaml', '__proto__:\n  polluted: yes\nnested:\n  __proto__: {polluted: yes}\n');
    const value = parsed.value as Record<string, unknown>;
    const nested = value['nested'] as Record<string, unknown>;
    for (const object of [value, nested]) {
      expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
      expect(Object.keys(object)).not.toContain('__proto__');
      expect('polluted' in object).toBe(false);
    }
    expect(parsed.problems.map((p) => `${p.line}:${p.column} ${p.path}`)).toEqual([
      '1:1 __proto__',
      '4:3 nested.__proto__',
    ]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses a `__proto__` key brought in by a merge key', () => {
    const parsed = parseYaml('t.yaml', 'base: &b\n  __proto__: {polluted: yes}\ncopy:\n  <<: *b\n');
    const copy = (parsed.value as Record<string, unknown>)['copy'] as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect('polluted' in copy).toBe(false);
    expect(parsed.problems.map((p) => p.path)).toContain('base.__proto__');
  });

  it('accepts an alias used a few times', () => {
    const parsed = parseYaml('t.yaml', 'a: &x [1, 2]\nb: *x\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.value).toEqual({ a: [1, 2], b: [1, 2] });
  });
});
