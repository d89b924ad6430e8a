import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { memoryReader } from '../../src/load/read-input-file.js';
import { validateProfiles } from '../../src/validate/validate-files.js';

/** A profile whose one career note is `note`, validated in memory. */
async function warningsFor(note: string): Promise<string[]> {
  const yaml = [
    'person:',
    '  name: Ada Example',
    '  headline: A fictional researcher',
    '  source: notes',
    'career:',
    '  - title: Researcher',
    '    organisation: Example Lab',
    '    start: 2017-09',
    `    note: ${JSON.stringify(note)}`,
    '    source: notes',
    'sources:',
    '  - id: notes',
    '    title: Test notes',
    '',
  ].join('\n');
  const cwd = '/project';
  const report = await validateProfiles(['ada.yaml'], {
    cwd,
    today: '2026-11-23',
    read: memoryReader(new Map([['/project/ada.yaml', yaml]])),
  });
  return report.problems.map(formatProblem);
}

describe('links in long texts', () => {
  it('a link with no address is a warning at its line, in plain words', async () => {
    expect(await warningsFor('see [the slides]() for more')).toEqual([
      'ada.yaml:9:11  career[0].note  warning: a link here has no address, so it is shown as plain text, brackets and all; write [text](https://…)',
    ]);
  });

  it('a link that is not https: names its address', async () => {
    expect(await warningsFor('see [the slides](http://example.org/s)')).toEqual([
      'ada.yaml:9:11  career[0].note  warning: the link to `http://example.org/s` is not an https: address, so it is shown as plain text, brackets and all; links may go to https:// pages only',
    ]);
  });

  it('an https: link is no warning', async () => {
    expect(await warningsFor('see [the slides](https://example.org/s)')).toEqual([]);
  });
});
