import { mkdir, readFile, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UserError, localToday, resolveBuild, validateProfiles } from '../../src/index.js';
import { loadInputs } from '../../src/load/load-inputs.js';
import { memoryReader } from '../../src/load/read-input-file.js';
import { inputRequest } from '../../src/resolve-build.js';
import { repoRoot } from '../helpers/paths.js';
import { tempProject } from '../helpers/temp-project.js';

const spec = (extra = ''): string =>
  `title: T\nauthor: A\nprofiles: [p.yaml]\nbuildDate: 2026-11-23\npage: Letter\nlanguage: de\n${extra}`;
const profile = await readFile(path.join(repoRoot, 'data', 'profiles', 'zeng-yan.yaml'), 'utf8');

async function loaded(cwd: string, specText = spec()): Promise<Awaited<ReturnType<typeof loadInputs>>> {
  const files = new Map([
    [path.join(cwd, 'data', 'report.yaml'), specText],
    [path.join(cwd, 'data', 'p.yaml'), profile],
  ]);
  return loadInputs(inputRequest({ cwd }), memoryReader(files));
}

describe('resolveBuild: flags, then the spec, then the defaults, once', () => {
  it('gives every setting, and the effective spec carries the page and language the flags chose', async () => {
    const cwd = '/virtual';
    const inputs = await loaded(cwd);
    const spec = await resolveBuild({ cwd }, inputs);
    expect([spec.page, spec.language, spec.spec.page, spec.spec.language]).toEqual(['Letter', 'de', 'Letter', 'de']);
    const flags = await resolveBuild({ cwd, page: 'A4', language: 'fr', formats: ['html'], strict: true }, inputs);
    expect(flags).toMatchObject({
      cwd,
      strict: true,
      since: undefined,
      page: 'A4',
      language: 'fr',
      timeoutMs: 60_000,
      specLabel: 'data/report.yaml',
      outDir: path.join(cwd, 'data', 'out'),
      outName: 'report',
      writeWithin: cwd,
    });
    // One source of truth: the spec the later stages read says what the flags said.
    expect([flags.spec.page, flags.spec.language]).toEqual(['A4', 'fr']);
    expect([...flags.formats]).toEqual(['html']);
    expect(flags.outputs).toEqual([{ format: 'html', path: path.join(cwd, 'data', 'out', 'report.html') }]);
    // The spec as loaded is left as it was.
    expect([inputs.spec.page, inputs.spec.language]).toEqual(['Letter', 'de']);
  });

  it('puts an output folder given as a flag where the user asked, unconfined', async () => {
    const resolved = await resolveBuild({ cwd: '/virtual', outDir: '../elsewhere' }, await loaded('/virtual'));
    expect([resolved.outDir, resolved.writeWithin]).toEqual(['/elsewhere', undefined]);
  });

  it("refuses a spec's template folder that a symbolic link leads out of the project", async () => {
    const cwd = await tempProject({ withSample: false });
    await mkdir(path.join(cwd, 'data'), { recursive: true });
    await symlink(tmpdir(), path.join(cwd, 'data', 'look'));
    const error = await resolveBuild({ cwd }, await loaded(cwd, spec('templates: look\n'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /^data\/report\.yaml: templates: .*data\/look leads outside the project folder .*: the symbolic link .* points to /,
    );
  });
});

describe('today', () => {
  const zone = process.env['TZ'];
  afterEach(() => {
    vi.useRealTimers();
    if (zone === undefined) delete process.env['TZ'];
    else process.env['TZ'] = zone;
  });

  it("is the user's local date, for the library as for the CLI, not UTC's", async () => {
    // 12:00 UTC on 1 June is already 2 June on Kiritimati (UTC+14).
    process.env['TZ'] = 'Pacific/Kiritimati';
    vi.useFakeTimers({ now: new Date('2027-06-01T12:00:00Z'), toFake: ['Date'] });
    expect(new Date().toISOString().slice(0, 10)).toBe('2027-06-01');
    expect(localToday()).toBe('2027-06-02');
    expect(inputRequest({}).today).toBe('2027-06-02');
    // A role that starts today is not "after the build date" for the library either.
    const files = new Map([
      ['/virtual/p.yaml', profile.replace('start: 2024\n    end: present', 'start: 2027-06-02\n    end: present')],
    ]);
    const late = async (): Promise<string[]> =>
      (await validateProfiles(['p.yaml'], { cwd: '/virtual', read: memoryReader(files) })).problems.map(
        (p) => p.message,
      );
    expect(await late()).toEqual([]);
    // In UTC, the same instant is still the 1st, and the date is after it.
    process.env['TZ'] = 'UTC';
    expect(await late()).toEqual(['the date 2027-06-02 is after the build date 2027-06-01; is it a typo?']);
  });
});
