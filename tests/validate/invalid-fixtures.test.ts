import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { limits } from '../../src/limits.js';
import { memoryReader, readInputFile } from '../../src/load/read-input-file.js';
import { validateProfiles } from '../../src/validate/validate-files.js';
import { fixtures } from '../helpers/paths.js';

const today = '2026-11-23';

async function problemsOf(file: string): Promise<string[]> {
  const report = await validateProfiles([file], { cwd: fixtures, today, read: readInputFile });
  return report.problems.map(formatProblem);
}

/** One fixture per kind of problem, with the exact lines a user sees. */
const expected: Record<string, string[]> = {
  'typo-key': [
    'invalid/typo-key.yaml:5:1  educaton  unknown field `educaton`; did you mean `education`?',
    'invalid/typo-key.yaml:12:5  sources[0].publsher  unknown field `publsher`; did you mean `publisher`?',
  ],
  'wrong-type': [
    'invalid/wrong-type.yaml:2:9  person.name  expected text, found the number 42 (put it in quotes to make it text)',
    'invalid/wrong-type.yaml:3:14  person.birthYear  expected a number, found the text "nineteen ninety"',
    'invalid/wrong-type.yaml:4:13  person.headline  expected text or translations by language (`en: ...`, `zh-CN: ...`), found a list of 3',
  ],
  'missing-field': [
    'invalid/missing-field.yaml:2:3  person.headline  missing required field `headline` (text)',
    'invalid/missing-field.yaml:5:5  papers[0].authorship  expected one of first, co-first, last, corresponding, co-author, found nothing',
  ],
  'dangling-source': [
    "invalid/dangling-source.yaml:4:11  person.source  the source `note` is not in this profile's sources; did you mean `notes`?",
    "invalid/dangling-source.yaml:7:21  career[0].source[1]  the source `blog` is not in this profile's sources; known ids: notes",
  ],
  'bad-date': [
    'invalid/bad-date.yaml:7:12  career[0].start  expected a date written as YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date), found the text "2021-13"',
    'invalid/bad-date.yaml:8:10  career[0].end  expected a date written as YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date), or the word present, found the text "June 2022"',
    'invalid/bad-date.yaml:11:12  career[1].start  expected a date written as YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date), found the text "2023-02-30"',
  ],
  'end-before-start': [
    'invalid/end-before-start.yaml:9:10  education[0].end  the end (2019-03) is before the start (2019-09)',
    'invalid/end-before-start.yaml:14:10  career[0].end  the end (2020-12-31) is before the start (2021)',
  ],
  'duplicate-id': [
    'invalid/duplicate-id.yaml:13:9  papers[1].id  the id `p1` is already used by papers[0]; ids must be unique',
    'invalid/duplicate-id.yaml:23:9  sources[1].id  the id `notes` is already used by sources[0]; ids must be unique',
  ],
  'duplicate-key': [
    'invalid/duplicate-key.yaml:4:3  person.name  the key `name` appears twice in the same mapping; keep only one',
  ],
  'syntax-error': [
    'invalid/syntax-error.yaml:3:13  (file)  the list opened with `[` here is never closed with `]`; close it, or put the value in quotes if the `[` is part of the text',
  ],
  'invalid-utf8': [
    'invalid/invalid-utf8.yaml:2:11  (file)  the file is not valid UTF-8: byte 0xe9 at byte offset 18 cannot start or continue a character; save the file as UTF-8',
  ],
  'alias-bomb': [
    'invalid/alias-bomb.yaml:5:8  e[0]  aliases (*name) expand this file to more than 10000 values; this looks like an alias bomb, so the file is refused',
  ],
};

describe('invalid fixtures', () => {
  for (const [name, lines] of Object.entries(expected)) {
    it(`${name}: reports exactly where and what`, async () => {
      expect(await problemsOf(`invalid/${name}.yaml`)).toEqual(lines);
    });
  }

  it('has an expectation for every fixture in the folder', async () => {
    const { readdir } = await import('node:fs/promises');
    const files = (await readdir(path.join(fixtures, 'invalid'))).map((f) => f.replace(/\.yaml$/, '')).sort();
    expect(files).toEqual(Object.keys(expected).sort());
  });
});

describe('generated hostile files', () => {
  const run = async (name: string, content: string | Uint8Array): Promise<string[]> => {
    const report = await validateProfiles([name], {
      cwd: '/virtual',
      today,
      read: memoryReader(new Map([[`/virtual/${name}`, content]])),
    });
    return report.problems.map(formatProblem);
  };

  it('deep nesting: 20,000 levels end in one clean error', async () => {
    const lines = await run('deep.yaml', `person: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^deep\.yaml:1:\d+ {2}\(file\) {2}values are nested more than 32 levels deep; a profile needs far fewer$/,
    );
  });

  it('nesting past the limit but within the parser stack is refused by the walk', async () => {
    const lines = await run('deep.yaml', `person: ${'['.repeat(40)}${']'.repeat(40)}\n`);
    expect(lines).toEqual([
      `deep.yaml:1:${9 + limits.depth}  person${'[0]'.repeat(limits.depth)}  values are nested more than ${limits.depth} levels deep; a profile needs far fewer`,
    ]);
  });

  it('an oversized file is refused with the limit named, before parsing', async () => {
    const big = 'x'.repeat(limits.fileBytes + 1);
    expect(await run('big.yaml', big)).toEqual(['big.yaml  (file)  the file is 1.0 MiB; the limit is 1 MiB']);
  });

  it('a BOM and CRLF line ends are accepted', async () => {
    const bytes = await readFile(path.join(fixtures, 'valid', 'bom-crlf.yaml'));
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(bytes.includes('\r\n')).toBe(true);
    expect(await run('bom-crlf.yaml', bytes)).toEqual([]);
  });
});
