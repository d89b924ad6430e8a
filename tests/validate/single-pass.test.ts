import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { validateProfile } from '../../src/validate/validate-document.js';
import { repoRoot } from '../helpers/paths.js';

const sample = await readFile(path.join(repoRoot, 'data', 'profiles', 'luo-fuli.yaml'), 'utf8');
const errors = (text: string): string[] =>
  validateProfile('p.yaml', new TextEncoder().encode(text), '2026-11-23')
    .problems.filter((p) => p.severity === 'error')
    .map(formatProblem);

describe('every problem at once', () => {
  it('reports cross-reference problems beside schema problems, in one pass', () => {
    const text = sample
      .replace(/^  name: .*$/m, '  name: 42') // schema: wrong type
      .replace(/^(  - degree: .*\n(?:    .*\n)*?    source: )\S+/m, '$1articel') // cross-check: dangling source
      .replace(/^(career:\n  - [\s\S]*?\n    start: )\S+/m, '$1banana'); // schema: bad date
    const lines = errors(text);
    expect(lines.some((l) => /person\.name {2}expected text, found the number 42/.test(l))).toBe(true);
    expect(lines.some((l) => /career\[0\]\.start {2}expected a date/.test(l))).toBe(true);
    expect(
      lines.some((l) =>
        /education\[0\]\.source {2}the source `articel` is not in this profile's sources; did you mean `article`\?/.test(
          l,
        ),
      ),
    ).toBe(true);
  });

  it('checks an end against its start even when another entry is broken', () => {
    const text = `${sample}\n`.replace(
      /^career:\n/m,
      'career:\n  - organisation: Lab\n    start: 2021\n    end: 2020\n    source: article\n  - organisation: [not, text]\n    source: article\n',
    );
    const lines = errors(text);
    expect(lines.some((l) => /career\[0\]\.end {2}the end \(2020\) is before the start \(2021\)/.test(l))).toBe(true);
    expect(lines.some((l) => /career\[1\]\.organisation {2}expected text/.test(l))).toBe(true);
  });

  it('does not report a value twice: a malformed source id is a schema problem only', () => {
    const text = sample.replace(/^  source: .*$/m, '  source: "not an id!"');
    const lines = errors(text).filter((l) => l.includes('person.source'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/expected an id/);
  });

  it('lists problems top to bottom', () => {
    const text = sample.replace(/^  name: .*$/m, '  name: 42').replace(/^  source: .*$/m, '  source: nowhere');
    const at = errors(text).map((l) => Number(/^p\.yaml:(\d+):/.exec(l)?.[1]));
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(at.length).toBeGreaterThanOrEqual(2);
  });
});
