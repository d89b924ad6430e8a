import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { parseLanguage } from '../../src/cli/build-flags.js';
import { validateReportSpec } from '../../src/validate/validate-document.js';

const spec = (language: string): Uint8Array =>
  new TextEncoder().encode(`title: T\nauthor: A\nlanguage: ${language}\nprofiles: [a.yaml]\nbuildDate: 2026-11-23\n`);

describe('a language the report cannot be written in', () => {
  it('in the spec: an error at file:line:col that lists the shipped languages', () => {
    const problems = validateReportSpec('report.yaml', spec('pt-BR')).problems.map(formatProblem);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toBe(
      `report.yaml:3:11  language  expected one of en, zh-CN, zh-TW, ja, ko, de, fr, es, ar, found the text "pt-BR"`,
    );
  });

  it('on the command line: a usage error that lists them, and any case is accepted', () => {
    expect(() => parseLanguage('klingon')).toThrow(
      /--lang takes a language the report can be written in \(en, zh-CN, zh-TW, ja, ko, de, fr, es, ar\), not klingon/,
    );
    expect(parseLanguage('zh-cn')).toBe('zh-CN');
  });
});
