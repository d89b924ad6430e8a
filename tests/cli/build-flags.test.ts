import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { buildOptionsOf, parseFormats, parsePage, parseTimeout } from '../../src/cli/build-flags.js';
import { main } from '../../src/cli/main.js';
import { pageSizes } from '../../src/schema/report-schema.js';
import { fixtures } from '../helpers/paths.js';

/** Runs the CLI in this process; what it printed, and its exit code. */
async function cli(args: string[], cwd = process.cwd()): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const term = { out: (t: string) => void (out += `${t}\n`), err: (t: string) => void (err += `${t}\n`) };
  const code = await main(args, { term, cwd, today: '2026-11-23' });
  return { code, out, err };
}

/** The help of each flag (its lines joined, as commander wraps them), by flag name. */
async function flagHelp(args: string[]): Promise<Map<string, string>> {
  const { out } = await cli([...args, '--help']);
  const flags = new Map<string, string>();
  let current: string | undefined;
  for (const line of out.split('\n')) {
    if (/^ {2}--/.test(line)) flags.set((current = line.trim().split(/[\s,]/)[0]!), line.trim());
    else if (current && /^ {3,}\S/.test(line)) flags.set(current, `${flags.get(current)!} ${line.trim()}`);
    else current = undefined;
  }
  return flags;
}

describe('one definition of the build flags', () => {
  it('build, watch and queue add list the same flags in the same words', async () => {
    const build = await flagHelp(['build']);
    const watch = await flagHelp(['watch']);
    const add = await flagHelp(['queue', 'add']);
    for (const flag of ['--out', '--format', '--page', '--templates', '--lang', '--timeout', '--since'])
      expect([flag, watch.get(flag)]).toEqual([flag, build.get(flag)]);
    for (const flag of ['--format', '--page', '--lang', '--timeout'])
      expect([flag, add.get(flag)]).toEqual([flag, build.get(flag)]);
    expect([...add.keys()].filter((f) => ['--out', '--templates', '--since'].includes(f))).toEqual([]);
    expect(build.get('--page')).toMatch(/\(choices: "A4", "Letter"\)/);
    expect(build.get('--lang')).toMatch(/\(choices: "en", "zh-CN", .*"ar"\)/);
  });

  it("offers the report spec's page sizes, in any case", () => {
    for (const size of pageSizes) {
      expect(parsePage(size)).toBe(size);
      expect(parsePage(size.toLowerCase())).toBe(size);
    }
  });

  it('turns the parsed flags into the library options, with nothing defaulted here', () => {
    expect(buildOptionsOf({})).toEqual({});
    expect(
      buildOptionsOf({ out: 'o', format: parseFormats('PDF, html'), lang: 'de', timeout: parseTimeout('1.5') }),
    ).toEqual({ outDir: 'o', formats: ['pdf', 'html'], language: 'de', timeoutMs: 1500 });
  });
});

describe('a bad flag', () => {
  it('is a usage error in plain words, exit code 2', async () => {
    for (const [args, message] of [
      [['build', '--page', 'A3'], '--page takes A4 or Letter, not A3'],
      [['build', '--format', 'docx'], '--format takes html, pdf or html,pdf, not docx'],
      [['build', '--format', ''], '--format takes html, pdf or html,pdf, not '],
      [['watch', '--timeout', 'soon'], '--timeout takes a number of seconds, not soon'],
      [['build', '--since', ''], '--since takes an earlier edition: a PDF or HTML report, or git:REV'],
      [['watch', '--debounce', '-1'], '--debounce takes milliseconds, not -1'],
      [['watch', '--serve', '--port', '70000'], '--port takes a port number (0 to 65535), not 70000'],
      [['queue', 'add', 'x.yaml', '--lang', 'tlh'], '--lang takes a language the report can be written in'],
      [['build', '--colour'], "unknown option '--colour'"],
    ] as const) {
      const result = await cli([...args]);
      expect([args.join(' '), result.code]).toEqual([args.join(' '), 2]);
      expect(result.err).toContain(`usage error: ${message}`);
    }
    expect(() => parseFormats('html,')).toThrow(UsageError);
  });

  it('never starts Chromium: it is started from the parsed options, after they were checked', async () => {
    const mark = path.join(await mkdtemp(path.join(tmpdir(), 'flags-')), 'chromium-started');
    const saved = { ...process.env };
    process.env['PUPPETEER_EXECUTABLE_PATH'] = path.join(fixtures, 'bin', 'recording-chromium.sh');
    process.env['CHROMIUM_STARTED_MARK'] = mark;
    try {
      for (const args of [
        ['build', '--page', 'A3'],
        ['build', '--help'],
        ['watch', '--format', 'html', '--timeout', '0'],
      ]) {
        await cli(args, await mkdtemp(path.join(tmpdir(), 'flags-')));
        expect([args.join(' '), existsSync(mark)]).toEqual([args.join(' '), false]);
      }
    } finally {
      process.env = saved;
    }
  });
});
