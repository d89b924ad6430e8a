import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { parseYaml } from '../../src/load/parse-yaml.js';
import { repoRoot } from '../helpers/paths.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/**
 * The mistakes people make in YAML by hand, each reported once, in plain words, at the line to
 * change (the parser's own report is up to several errors of its wording, often on the line above).
 */
const problems = (text: string): string[] => parseYaml('t.yaml', text).problems.map(formatProblem);
const tail = 'sources:\n  - id: a\n    title: A\n';

describe('YAML syntax mistakes: one message each, in plain words, where to fix them', () => {
  it.each([
    [
      'a colon inside a value',
      `person:\n  name: Ada Lovelace: Countess\n  source: a\n${tail}`,
      't.yaml:2:9  (file)  this value contains `: `, which YAML reads as the start of another key; put the whole value in quotes: name: "Ada Lovelace: Countess"',
    ],
    [
      "a colon inside a list item's value",
      `person:\n  name: Ada\n  source: a\n${tail}    publisher: Note: this\n`,
      't.yaml:7:16  (file)  this value contains `: `, which YAML reads as the start of another key; put the whole value in quotes: publisher: "Note: this"',
    ],
    [
      'a key indented more than the one above',
      `person:\n  name: Ada\n    headline: X\n  source: a\n${tail}`,
      't.yaml:3:5  (file)  `headline:` is indented more than `name:` above it, so YAML reads it as the rest of that value; indent it 2 spaces, like `name:`',
    ],
    [
      'a key indented less than the others of its list item',
      `person:\n  name: Ada\n  source: a\n${tail}   publisher: B\n`,
      't.yaml:7:4  (file)  `publisher:` is indented 3 spaces, but `title:` above starts at 4 spaces; keys of one mapping line up (in a list item, with the first key after its `- `)',
    ],
    [
      'a key of a list item at the dash',
      `person:\n  name: Ada\n  source: a\n${tail}  publisher: B\n  - id: b\n    title: B\n`,
      't.yaml:7:3  (file)  `publisher:` is indented 2 spaces, but `title:` above starts at 4 spaces; keys of one mapping line up (in a list item, with the first key after its `- `)',
    ],
    [
      'list dashes out of line',
      `person:\n  name: Ada\n  source: a\n${tail}   - id: b\n     title: B\n`,
      "t.yaml:7:4  (file)  this list item's `-` is indented 3 spaces, the one above 4 spaces: the dashes of one list line up",
    ],
    [
      'a dash without its space',
      `person:\n  name: Ada\n  source: a\nsources:\n  -id: a\n    title: A\n`,
      't.yaml:5:3  (file)  a list item needs a space after its dash: write `- ` then the value',
    ],
    [
      'a line without a colon',
      `person:\n  name Ada\n  source: a\n${tail}`,
      't.yaml:2:3  (file)  `name Ada` is not a `key: value` line (it has no `: `); add the colon, or indent it further if it continues the text above',
    ],
    [
      'an unclosed quote',
      `person:\n  name: "Ada\n  source: a\n${tail}`,
      't.yaml:2:9  (file)  the quote " opened here is never closed; end the value with " on this line (a " inside it is written \\")',
    ],
    [
      'an unclosed bracket',
      `person:\n  name: Ada\n  source: [a, b\n${tail}`,
      't.yaml:3:11  (file)  the list opened with `[` here is never closed with `]`; close it, or put the value in quotes if the `[` is part of the text',
    ],
    [
      'a value starting with @',
      `person:\n  name: @ada\n  source: a\n${tail}`,
      't.yaml:2:9  (file)  a value cannot start with @ unless it is in quotes; write "@ada"',
    ],
    [
      "a list on its key's line",
      `person:\n  name: Ada\n  source: - a\n${tail}`,
      't.yaml:3:11  (file)  a list cannot start on the same line as its key: put each `- item` on its own line under `source:`, indented, or write the list as [a, b]',
    ],
    [
      'text after a closing quote',
      `person:\n  name: "Ada" Lovelace\n  source: a\n${tail}`,
      't.yaml:2:15  (file)  text follows the closing quote; put the whole value in quotes, or none of it',
    ],
  ])('%s', (_, text, message) => {
    expect(problems(text)).toEqual([message]);
  });

  it('a mistake that derails every line after it is still one message', () => {
    // The parser reports six errors for this one over-indented line.
    expect(
      problems('person:\n  name: Ada\n  headline: one\n    two: three\n    four: five\n    six: seven\n  source: a\n'),
    ).toEqual([
      't.yaml:4:5  (file)  `two:` is indented more than `headline:` above it, so YAML reads it as the rest of that value; indent it 2 spaces, like `headline:`',
    ]);
  });

  it('two mistakes far apart are two messages', () => {
    expect(
      problems(`person:\n  name: Ada: Countess\n  source: a\n  headline: x\n\n${tail}    publisher: "Unclosed\n`),
    ).toEqual([
      't.yaml:2:9  (file)  this value contains `: `, which YAML reads as the start of another key; put the whole value in quotes: name: "Ada: Countess"',
      't.yaml:9:16  (file)  the quote " opened here is never closed; end the value with " on this line (a " inside it is written \\")',
    ]);
  });
});

describe('through the CLI, in a real profile', () => {
  it('validate: `name: Ada Lovelace: Countess` gets one line with the quoting fix', async () => {
    const project = await tempProject();
    const file = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    await writeFile(
      file,
      (await readFile(path.join(repoRoot, 'data', 'profiles', 'luo-fuli.yaml'), 'utf8')).replace(
        '  name: Luo Fuli',
        '  name: Luo Fuli: Genius Girl',
      ),
    );
    const result = await runCli(['validate'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'data/profiles/luo-fuli.yaml:8:9  (file)  this value contains `: `, which YAML reads as the start of another key; put the whole value in quotes: name: "Luo Fuli: Genius Girl"\n3 files checked: 1 error.\n',
    );
  }, 30_000);

  it("validate: a paper's key over-indented by two is one message at its own line", async () => {
    const project = await tempProject();
    const file = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    await writeFile(
      file,
      (await readFile(path.join(repoRoot, 'data', 'profiles', 'luo-fuli.yaml'), 'utf8')).replace(
        '    venue: ACL 2021',
        '      venue: ACL 2021',
      ),
    );
    const result = await runCli(['validate'], { cwd: project });
    expect(result.stderr).toBe(
      'data/profiles/luo-fuli.yaml:50:7  (file)  `venue:` is indented more than `date:` above it, so YAML reads it as the rest of that value; indent it 4 spaces, like `date:`\n3 files checked: 1 error.\n',
    );
  }, 30_000);
});

describe('a field indented under a field of translations', () => {
  it('is one message at its line, not a bad language tag and a missing field', async () => {
    const { validateProfile } = await import('../../src/validate/validate-document.js');
    const text =
      'person:\n  name: Ada Lovelace\n  headline:\n    en: Mathematician\n    source: a\nsources:\n  - id: a\n    title: A source\n';
    const errors = validateProfile('p.yaml', new TextEncoder().encode(text), '2100-12-31')
      .problems.filter((p) => p.severity === 'error')
      .map(formatProblem);
    expect(errors).toEqual([
      'p.yaml:5:5  person.headline.source  `source` is indented under `headline:`, so YAML reads it as one of its translations; indent it 2 spaces, like `headline:`',
    ]);
  });
});
