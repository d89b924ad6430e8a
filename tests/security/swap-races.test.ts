import { mkdir, mkdtemp, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/**
 * The attack: a project whose report specs name their template folder and output folder
 * through symbolic links, and a loop that keeps swapping each link between a folder inside the
 * project and one outside it while the reports build. Whatever the timing, a build must read
 * templates only from inside and write only inside: the check of a folder and its later use
 * must be about the same folder.
 */
const outsides: string[] = [];
afterAll(async () => {
  await Promise.all(outsides.map((dir) => rm(dir, { recursive: true, force: true })));
});

const canary = 'OUTSIDE-CANARY-5e1f';
const reports = 6;

/** Makes `link` point at `target`, atomically (a new link renamed over the old one). */
async function repoint(link: string, target: string, n: number): Promise<void> {
  const temp = `${link}.swap${n}`;
  await symlink(target, temp);
  await rename(temp, link);
}

/** Swaps each link between its two targets as fast as the file system allows (inside two times in three), until stopped. */
function swapLoop(links: readonly { link: string; inside: string; outside: string }[]): {
  stop: () => Promise<number>;
} {
  const stopped = new AbortController();
  let swaps = 0;
  const done = (async () => {
    while (!stopped.signal.aborted) {
      for (const { link, inside, outside } of links) await repoint(link, swaps % 3 === 2 ? outside : inside, swaps);
      swaps++;
      // Let the test process breathe: the builds run in other processes.
      if (swaps % 50 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    }
  })();
  return {
    stop: async () => {
      stopped.abort();
      await done;
      return swaps;
    },
  };
}

describe('a template or output folder swapped between inside and outside the project during builds', () => {
  it('reads no template from outside and writes nothing outside, build after build', async () => {
    const project = await tempProject();
    const outside = await mkdtemp(path.join(os.tmpdir(), 'profile-report-outside-'));
    outsides.push(outside);
    const outsideTemplates = path.join(outside, 'templates');
    const outsideOut = path.join(outside, 'out');
    await mkdir(path.join(outsideTemplates, 'partials'), { recursive: true });
    await mkdir(outsideOut);
    await writeFile(path.join(outsideTemplates, 'extra.css'), `.${canary} { color: red }\n`);
    await writeFile(
      path.join(outsideTemplates, 'partials', 'cover.hbs'),
      `<section id="{{id}}"><h1>${canary}</h1></section>\n`,
    );
    const insideTemplates = path.join(project, 'look-inside');
    await mkdir(insideTemplates);
    await writeFile(path.join(insideTemplates, 'extra.css'), '.inside-look { color: navy }\n');
    const insideOut = path.join(project, 'out-inside');
    await mkdir(insideOut);
    await symlink(insideTemplates, path.join(project, 'look'));
    await symlink(insideOut, path.join(project, 'out'));

    const base = await readFile(path.join(project, 'data', 'report.yaml'), 'utf8');
    const specs: string[] = [];
    for (let i = 1; i <= reports; i++) {
      const spec = path.join('data', `r${i}.yaml`);
      await writeFile(
        path.join(project, spec),
        base.replace(/^output:[\s\S]*$/m, `templates: ../look\noutput:\n  dir: ../out\n  name: r${i}\n`),
      );
      specs.push(spec);
    }

    const swapper = swapLoop([
      { link: path.join(project, 'look'), inside: insideTemplates, outside: outsideTemplates },
      { link: path.join(project, 'out'), inside: insideOut, outside: outsideOut },
    ]);
    const results = [];
    try {
      for (let round = 0; round < 2; round++)
        results.push(await runCli(['build', '--format', 'html', '--json', ...specs], { cwd: project }));
    } finally {
      expect(await swapper.stop()).toBeGreaterThan(100);
    }

    // Nothing was created outside: no report, no temporary, no folder.
    expect(await listFiles(outside)).toEqual(['templates/extra.css', 'templates/partials/cover.hbs']);
    // Every report written is inside and was built from the inside templates only.
    const written = (await listFiles(project)).filter((f) => f.endsWith('.html'));
    expect(written.every((f) => f.startsWith('out-inside/'))).toBe(true);
    for (const file of written) {
      const html = await readFile(path.join(project, file), 'utf8');
      expect(html).not.toContain(canary);
      expect(html).toContain('inside-look');
    }
    // The attack was real: some builds ran to the end, reading and writing while links moved.
    expect(written.length).toBeGreaterThan(0);
    for (const result of results) {
      expect(result.stdout + result.stderr).not.toContain(canary);
      // Each report either built or was refused as leading outside; nothing else went wrong.
      const summary = JSON.parse(result.stdout) as { reports: { ok: boolean; error: string | null }[] };
      for (const report of summary.reports) {
        if (!report.ok)
          expect(report.error).toMatch(
            /leads outside the project folder|changed while it was being (read|opened|written)/,
          );
      }
    }
  }, 300_000);
});
