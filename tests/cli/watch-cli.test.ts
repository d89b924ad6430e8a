import { createHash } from 'node:crypto';
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumProcesses, chromiumProfileDirs, privateTmp } from '../helpers/leftovers.js';
import { readPdf } from '../helpers/read-pdf.js';
import { LiveCli, sleep } from '../helpers/spawn-cli.js';
import { drawnPortrait } from '../helpers/drawn-portrait.js';
import { namePortrait } from '../helpers/name-portrait.js';
import { tempProject } from '../helpers/temp-project.js';

interface BuildLine {
  event: 'build';
  build: number;
  ok: boolean;
  changed: string[];
  redone: { charts: number; profiles: number };
  artifacts: { path: string; sha256: string }[];
  problems: { file: string; line: number; column: number; path: string; message: string }[];
}

const sha = async (file: string): Promise<string> =>
  createHash('sha256')
    .update(await readFile(file))
    .digest('hex');

/** The watch's wait for a burst of saves to end. */
const debounceMs = 150;

describe('profile-report watch (real process)', () => {
  let project: string;
  let watch: LiveCli;
  let profile: string;
  let tmp: string;
  /** The number of the last build read. */
  let last = 0;

  /** The next build reported. */
  async function nextBuild(): Promise<BuildLine> {
    const line = await watch.next<BuildLine>();
    last = line.build;
    return line;
  }

  /**
   * Checks that nothing is left to build and no build went unreported, without waiting on the
   * clock: a save to another profile is built next, alone, with the next number. A build still
   * to come would be reported first or would list its own file too.
   */
  async function expectNothingElseBuilt(): Promise<void> {
    const before = last;
    await appendFile(path.join(project, 'data', 'profiles', 'zeng-yan.yaml'), `# after build ${before}\n`);
    const line = await nextBuild();
    expect({ build: line.build, ok: line.ok, changed: line.changed }).toEqual({
      build: before + 1,
      ok: true,
      changed: ['data/profiles/zeng-yan.yaml'],
    });
  }

  /**
   * Reads builds until the one that took in a save to another profile, made now: every build
   * before it is then read (a build still waiting for its quiet time takes that save in too).
   */
  async function settle(): Promise<void> {
    await appendFile(path.join(project, 'data', 'profiles', 'zeng-yan.yaml'), `# settled after build ${last}\n`);
    for (;;) {
      const line = await nextBuild();
      if (line.changed.includes('data/profiles/zeng-yan.yaml')) return;
    }
  }

  beforeAll(async () => {
    project = await tempProject();
    tmp = await privateTmp(project);
    profile = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    watch = new LiveCli(['watch', '--json', '--debounce', String(debounceMs)], project, { TMPDIR: tmp });
  });

  afterAll(async () => {
    await watch.stop('SIGKILL');
  });

  it('builds at once', async () => {
    const first = await nextBuild();
    expect(first).toMatchObject({ event: 'build', build: 1, ok: true, changed: [] });
    expect(first.artifacts.map((a) => a.path)).toEqual(['out/report.html', 'out/report.pdf']);
  }, 60_000);

  it('rebuilds after an edit, recomputing only the edited profile', async () => {
    await writeFile(profile, (await readFile(profile, 'utf8')).replace('Called the', 'Often called the'));
    const line = await nextBuild();
    expect(line).toMatchObject({
      build: 2,
      ok: true,
      changed: ['data/profiles/luo-fuli.yaml'],
      redone: { profiles: 1, charts: 0 },
    });
    expect((await readPdf(path.join(project, 'out', 'report.pdf'))).text).toContain('Often called the "Genius Girl"');
  }, 60_000);

  it('follows an editor that saves by writing a temporary file and renaming it', async () => {
    const temp = `${profile}.tmp-save`;
    await writeFile(temp, (await readFile(profile, 'utf8')).replace('Often called', 'Widely called'));
    await rename(temp, profile);
    const line = await nextBuild();
    expect(line.ok).toBe(true);
    expect(line.changed).toContain('data/profiles/luo-fuli.yaml');
    expect((await readPdf(path.join(project, 'out', 'report.pdf'))).text).toContain('Widely called');
  }, 60_000);

  it('turns a burst of saves into one build', async () => {
    const text = await readFile(profile, 'utf8');
    // Saves 15 ms apart, a tenth of the debounce: the pace of an editor's burst, not a wait. On a
    // machine so busy (the whole suite running on two cores) that two of them end up further
    // apart than the debounce, that was two bursts, rightly built twice: they are tried again.
    for (let attempt = 1; ; attempt++) {
      const before = last;
      let widest = 0;
      let previous = performance.now();
      for (let i = 0; i < 8; i++) {
        await writeFile(profile, `${text}# try ${attempt}, save ${i}\n`);
        const now = performance.now();
        if (i > 0) widest = Math.max(widest, now - previous);
        previous = now;
        await sleep(15);
      }
      if (widest >= debounceMs) {
        expect(attempt, `saves ${Math.round(widest)} ms apart in every try: the machine is too busy`).toBeLessThan(3);
        await settle();
        continue;
      }
      const line = await nextBuild();
      expect(line).toMatchObject({ build: before + 1, ok: true, changed: ['data/profiles/luo-fuli.yaml'] });
      await expectNothingElseBuilt();
      return;
    }
  }, 60_000);

  it('waits for an editor that empties the file before writing it, instead of reporting the empty file', async () => {
    const text = await readFile(profile, 'utf8');
    const before = last;
    await writeFile(profile, '');
    // The editor's pause between emptying and writing, three debounce periods: a build would have
    // started. The input's own timing, so a wait on the clock.
    await sleep(450);
    await writeFile(profile, text.replace('Widely called', 'Commonly called'));
    const line = await nextBuild();
    expect(line.ok, JSON.stringify(line.problems)).toBe(true);
    // The next number: the emptied file was not even built, let alone reported.
    expect(line.build).toBe(before + 1);
    expect((await readPdf(path.join(project, 'out', 'report.pdf'))).text).toContain('Commonly called');
    await expectNothingElseBuilt();
  }, 60_000);

  it('does not build for a save that leaves a file as the last build read it', async () => {
    await appendFile(profile, '# saved once more\n');
    const line = await nextBuild();
    expect({ ok: line.ok, changed: line.changed }).toEqual({ ok: true, changed: ['data/profiles/luo-fuli.yaml'] });
    // The same bytes written again, with a new time: an editor's save with nothing changed, or
    // a file event the watcher reports late, after the build that read the save began.
    await writeFile(profile, await readFile(profile));
    await expectNothingElseBuilt();
  }, 60_000);

  it('builds again when a save lands in two writes and the second comes while the first is being built', async () => {
    const text = await readFile(profile, 'utf8');
    const edited = Buffer.from(text.replace('Commonly called', 'Often named'));
    // The first half ends at a line break, so it is well-formed YAML, if not a whole profile.
    const cut = edited.lastIndexOf('\n', Math.floor(edited.length / 2)) + 1;
    const { open } = await import('node:fs/promises');
    const handle = await open(profile, 'w');
    try {
      await handle.write(edited.subarray(0, cut), 0, cut, 0);
      // The pause of a slow writer, past the debounce, so a build reads the half-written file.
      await sleep(250);
      await handle.write(edited.subarray(cut), 0, edited.length - cut, cut);
    } finally {
      await handle.close();
    }
    const shown = async (): Promise<boolean> =>
      (await readPdf(path.join(project, 'out', 'report.pdf'))).text.replace(/\s+/g, ' ').includes('Often named');
    // Whatever the build of the half-written file said, a build of the whole save follows.
    let line = await nextBuild();
    while (!(line.ok && (await shown()))) line = await nextBuild();
    expect(line.ok).toBe(true);
    await expectNothingElseBuilt();
  }, 90_000);

  it('reports an invalid edit with file:line:col and keeps the last good outputs', async () => {
    const pdf = path.join(project, 'out', 'report.pdf');
    const before = await sha(pdf);
    await writeFile(profile, (await readFile(profile, 'utf8')).replace('  headline:', '  headlin:'));
    const line = await nextBuild();
    expect(line.ok).toBe(false);
    expect(line.problems).toContainEqual(
      expect.objectContaining({
        file: 'data/profiles/luo-fuli.yaml',
        line: 10,
        column: 3,
        path: 'person.headlin',
        message: 'unknown field `headlin`; did you mean `headline`?',
      }),
    );
    expect(line.problems).toContainEqual(
      expect.objectContaining({ path: 'person.headline', message: 'missing required field `headline` (text)' }),
    );
    expect(await sha(pdf)).toBe(before);
    // Saving the invalid file again, unchanged, tries the build again: a failed build is never
    // taken as having read the file for good.
    await writeFile(profile, await readFile(profile));
    const again = await nextBuild();
    expect({ build: again.build, ok: again.ok }).toEqual({ build: line.build + 1, ok: false });
    // The next valid edit builds again.
    await writeFile(profile, (await readFile(profile, 'utf8')).replace('  headlin:', '  headline:'));
    expect((await nextBuild()).ok).toBe(true);
  }, 60_000);

  it('rebuilds when a template or the CSS changes', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(project, 'look'));
    await writeFile(path.join(project, 'look', 'extra.css'), 'h1 { color: #333333; }\n');
    const spec = path.join(project, 'data', 'report.yaml');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('output:', 'templates: ../look\noutput:'));
    const afterSpec = await nextBuild();
    expect(afterSpec.ok).toBe(true);
    // The template folder the spec now names is watched from here on. Saved at once, before the
    // file watcher can have begun on it (it gives no signal when it has): the save is still built.
    await writeFile(path.join(project, 'look', 'extra.css'), 'h1 { color: #444444; }\n');
    const afterCss = await nextBuild();
    expect({ ok: afterCss.ok, changed: afterCss.changed }).toEqual({ ok: true, changed: ['look/extra.css'] });
    expect(await readFile(path.join(project, 'out', 'report.html'), 'utf8')).toContain('h1 { color: #444444; }');
    await expectNothingElseBuilt();
  }, 60_000);

  it('rebuilds when only a portrait changes, whatever its file is called', async () => {
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(project, 'data', 'photos'));
    const photo = path.join(project, 'data', 'photos', 'luo-fuli.png');
    await writeFile(photo, await drawnPortrait(1, { format: 'png' }));
    await namePortrait(profile, '../photos/luo-fuli.png');
    const withPhoto = await nextBuild();
    expect(withPhoto.ok, JSON.stringify(withPhoto.problems)).toBe(true);
    const html = path.join(project, 'out', 'report.html');
    const before = await sha(html);
    await writeFile(photo, await drawnPortrait(2, { format: 'png' }));
    const line = await nextBuild();
    expect({ ok: line.ok, changed: line.changed }).toEqual({ ok: true, changed: ['data/photos/luo-fuli.png'] });
    expect(await sha(html)).not.toBe(before);
  }, 60_000);

  it('exits cleanly on SIGINT: code 130, no Chromium, no profile folder', async () => {
    const { code } = await watch.stop('SIGINT');
    expect(code).toBe(130);
    expect(await chromiumProcesses(tmp)).toEqual([]);
    expect(await chromiumProfileDirs(tmp)).toEqual([]);
  }, 30_000);
});
