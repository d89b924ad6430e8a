import { execFileSync } from 'node:child_process';
import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { animatedPng, animatedWebp, drawnPortrait, pngBomb } from '../helpers/drawn-portrait.js';
import { namePortrait } from '../helpers/name-portrait.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/**
 * Portraits from strangers: a profile's `person.photo` names a file, and whatever that file is,
 * the build either embeds a freshly encoded still photo or stops with exit 1 at the line of
 * the profile that names it, having written nothing.
 */

/** A copy of the sample whose first profile names `file` as its portrait (what `prepare` puts there). */
async function projectWithPhoto(
  file: string,
  prepare: (project: string, photo: string) => Promise<void>,
): Promise<{ project: string; line: number }> {
  const project = await tempProject();
  await mkdir(path.join(project, 'data', 'photos'), { recursive: true });
  await prepare(project, path.resolve(project, 'data', 'profiles', file));
  const { fileLine } = await namePortrait(path.join(project, 'data', 'profiles', 'zeng-yan.yaml'), file);
  return { project, line: fileLine };
}

/** For a portrait path that is refused before anything is read: nothing to put there. */
const nothing = (): Promise<void> => Promise.resolve();

const cases: [string, string, (project: string, photo: string) => Promise<void>, RegExp][] = [
  [
    'a text file named .jpg',
    '../photos/zeng-yan.jpg',
    (_, photo) => writeFile(photo, 'not a picture at all\n'),
    /is not an image, whatever its name says; a portrait must be a JPEG, PNG or WebP photo/,
  ],
  [
    'SVG named .png',
    '../photos/zeng-yan.png',
    (_, photo) =>
      writeFile(
        photo,
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><image href="https://canary.example/x.png"/><script>alert(1)</script></svg>',
      ),
    /is an SVG drawing \(markup that can carry scripts and links\), whatever its name says/,
  ],
  [
    'an SVG named .svg',
    '../photos/zeng-yan.svg',
    (_, photo) => writeFile(photo, '<svg xmlns="http://www.w3.org/2000/svg"/>'),
    /is an SVG drawing/,
  ],
  [
    'a GIF',
    '../photos/zeng-yan.gif',
    async (_, photo) =>
      writeFile(
        photo,
        await (
          await import('sharp')
        )
          .default(await drawnPortrait(1, { format: 'png', width: 40, height: 50 }))
          .gif()
          .toBuffer(),
      ),
    /is a GIF image, whatever its name says/,
  ],
  [
    'a link to a photo outside the project',
    '../photos/zeng-yan.jpg',
    async (project, photo) => {
      const outside = `${project}-outside.jpg`;
      await writeFile(outside, await drawnPortrait(1));
      await symlink(outside, photo);
    },
    /the portrait data\/photos\/zeng-yan\.jpg: .*zeng-yan\.jpg leads outside the project folder .*points to .*-outside\.jpg/,
  ],
  [
    'a path out of the project',
    '../../../elsewhere.jpg',
    nothing,
    /the portrait `\.\.\/\.\.\/\.\.\/elsewhere\.jpg` leads outside the project folder/,
  ],
  [
    'an absolute path',
    '/etc/passwd',
    nothing,
    /the portrait `\/etc\/passwd` is an absolute path; write it relative to the profile/,
  ],
  [
    'a FIFO (which would block a plain read forever)',
    '../photos/zeng-yan.jpg',
    (_, photo) => {
      execFileSync('mkfifo', [photo]);
      return Promise.resolve();
    },
    /the portrait data\/photos\/zeng-yan\.jpg: this is a named pipe \(FIFO\), not a regular file/,
  ],
  [
    'a device',
    '../photos/zeng-yan.jpg',
    (_, photo) => symlink('/dev/zero', photo),
    /the portrait data\/photos\/zeng-yan\.jpg: this is a device or other special file, not a regular file/,
  ],
  ['a missing file', '../photos/nobody.jpg', nothing, /the portrait data\/photos\/nobody\.jpg: no such file/],
  [
    'a file over the size cap',
    '../photos/zeng-yan.jpg',
    async (_, photo) => writeFile(photo, Buffer.concat([await drawnPortrait(1), Buffer.alloc(17 * 1024 * 1024)])),
    /the portrait data\/photos\/zeng-yan\.jpg: the file is 17(\.\d)? MiB; the limit is 16 MiB/,
  ],
  [
    'a decompression bomb (545 bytes declaring 1.6 gigapixels)',
    '../photos/zeng-yan.png',
    async (_, photo) => writeFile(photo, await pngBomb()),
    /is 40000 x 40000 pixels \(1600 megapixels\); the limit is 60 megapixels/,
  ],
  [
    'an animated WebP',
    '../photos/zeng-yan.webp',
    async (_, photo) => writeFile(photo, await animatedWebp()),
    /is an animation of 2 frames; a portrait must be a still image/,
  ],
  [
    'an animated PNG',
    '../photos/zeng-yan.png',
    async (_, photo) => writeFile(photo, await animatedPng()),
    /is an animated PNG; a portrait must be a still image/,
  ],
  [
    'a truncated JPEG',
    '../photos/zeng-yan.jpg',
    async (_, photo) => {
      const jpeg = await drawnPortrait(1);
      await writeFile(photo, jpeg.subarray(0, Math.floor(jpeg.length / 3)));
    },
    /the portrait data\/photos\/zeng-yan\.jpg (cannot be decoded|cannot be read as a JPEG image)/,
  ],
];

describe('a portrait that is not a still photo inside the project is refused: exit 1, its profile line, nothing written', () => {
  it.each(cases)(
    '%s',
    async (_, file, prepare, message) => {
      const { project, line } = await projectWithPhoto(file, prepare);
      const before = await listFiles(project);
      const started = Date.now();
      const result = await runCli(['build'], { cwd: project });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(
        new RegExp(`data/profiles/zeng-yan\\.yaml:${line}:11 {2}person\\.photo\\.file {2}`),
      );
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain('internal error');
      expect(await listFiles(project)).toEqual(before);
      expect(Date.now() - started).toBeLessThan(30_000);
    },
    60_000,
  );

  it('validate says the same of the profile alone, without building', async () => {
    const { project, line } = await projectWithPhoto('../photos/zeng-yan.png', async (_, photo) =>
      writeFile(photo, await pngBomb()),
    );
    const result = await runCli(['validate', 'data/profiles/zeng-yan.yaml'], { cwd: project });
    expect(result.code, result.stderr).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toMatch(
      new RegExp(
        `data/profiles/zeng-yan\\.yaml:${line}:11 {2}person\\.photo\\.file {2}the portrait data/photos/zeng-yan\\.png is 40000 x 40000 pixels`,
      ),
    );
  }, 60_000);

  it('a portrait citing a source the profile does not have is a dangling source, like any fact', async () => {
    const { project } = await projectWithPhoto('../photos/zeng-yan.jpg', async (_, photo) =>
      writeFile(photo, await drawnPortrait(1)),
    );
    const profile = path.join(project, 'data', 'profiles', 'zeng-yan.yaml');
    await writeFile(
      profile,
      (await readFile(profile, 'utf8')).replace(
        'credit: "Drawn by the tests"\n    source: article',
        'credit: "Drawn by the tests"\n    source: nowhere',
      ),
    );
    const result = await runCli(['validate', 'data/profiles/zeng-yan.yaml'], { cwd: project });
    expect(result.code).toBe(1);
    expect(`${result.stdout}${result.stderr}`).toMatch(
      /person\.photo\.source {2}the source `nowhere` is not in this profile's sources/,
    );
  }, 60_000);
});
