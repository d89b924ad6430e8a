import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveReport } from '../../src/derive/derive-report.js';
import { builtInLocale } from '../../src/i18n/locale.js';
import { shippedLanguages } from '../../src/i18n/languages.js';
import { profileSchema } from '../../src/schema/profile-schema.js';
import { reportSchema } from '../../src/schema/report-schema.js';
import { drawnPortrait, leakyJpeg } from '../helpers/drawn-portrait.js';
import { namePortrait } from '../helpers/name-portrait.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';
import { readerHtml, readerPdfText } from '../helpers/reader-view.js';

/**
 * A portrait goes from a photo as phones write it (GPS position, owner, a text comment, a wide
 * colour profile) to a 480 x 600 JPEG holding nothing but pixels, on the cover and beside the
 * name at a glance, in the HTML and in the PDF; its credit is printed with the sources.
 */
const comment = 'SECRET-COMMENT-taken-at-home';
const owner = 'SECRET-OWNER-jane';
let project: string;
let html: string;
let pdf: Buffer;

beforeAll(async () => {
  project = await tempProject();
  await mkdir(path.join(project, 'data', 'photos'), { recursive: true });
  await writeFile(path.join(project, 'data', 'photos', 'zeng-yan.jpg'), await leakyJpeg(1, comment, owner));
  // A landscape PNG with a text chunk: cropped to 4:5 all the same.
  const png = await sharp(await drawnPortrait(2, { format: 'png', width: 1200, height: 800 }))
    .png()
    .withMetadata({})
    .toBuffer();
  await writeFile(path.join(project, 'data', 'photos', 'luo-fuli.png'), png);
  for (const [name, file] of [
    ['zeng-yan', 'zeng-yan.jpg'],
    ['luo-fuli', 'luo-fuli.png'],
  ] as const) {
    await namePortrait(
      path.join(project, 'data', 'profiles', `${name}.yaml`),
      `../photos/${file}`,
      'Drawn avatar made by the tests, not a photograph',
    );
  }
  const result = await runCli(['build', '--quiet'], { cwd: project });
  expect(result.code, result.stderr).toBe(0);
  html = await readFile(path.join(project, 'out', 'report.html'), 'utf8');
  pdf = await readFile(path.join(project, 'out', 'report.pdf'));
}, 120_000);

/** Every portrait image the page embeds, decoded from its data: URI. */
function embeddedPortraits(page: string): Buffer[] {
  return [...page.matchAll(/<img class="portrait(?:-small)?" src="data:image\/jpeg;base64,([^"]+)"/g)].map((m) =>
    Buffer.from(m[1]!, 'base64'),
  );
}

describe('portraits in the built report', () => {
  it('are on each cover card and beside each name at a glance, their alt text naming the person', () => {
    expect(
      html.match(/<img class="portrait" src="data:image\/jpeg;base64,[^"]+" alt="Portrait of Zeng Yan">/g),
    ).toHaveLength(1);
    expect(
      html.match(/<img class="portrait" src="data:image\/jpeg;base64,[^"]+" alt="Portrait of Luo Fuli">/g),
    ).toHaveLength(1);
    // Beside each name in the at-a-glance table, and in the one block per person that phones show instead.
    expect(
      html.match(
        /<img class="portrait-small" src="data:image\/jpeg;base64,[^"]+" alt="Portrait of (Zeng Yan|Luo Fuli)">/g,
      ),
    ).toHaveLength(4);
  });

  it('are 480 x 600 JPEGs in sRGB holding no EXIF, GPS, ICC profile, XMP or comment', async () => {
    const images = embeddedPortraits(html);
    expect(images).toHaveLength(6);
    for (const image of images) {
      const meta = await sharp(image).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height, space: meta.space }).toEqual({
        format: 'jpeg',
        width: 480,
        height: 600,
        space: 'srgb',
      });
      expect([meta.exif, meta.icc, meta.xmp, meta.iptc, meta.comments]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
      expect(image.includes(comment)).toBe(false);
      expect(image.includes(owner)).toBe(false);
    }
    expect(html.includes(comment)).toBe(false);
    expect(html.includes(owner)).toBe(false);
    // The input did carry them: the test would see them if they leaked.
    const input = await readFile(path.join(project, 'data', 'photos', 'zeng-yan.jpg'));
    const inputMeta = await sharp(input).metadata();
    expect(inputMeta.exif).toBeDefined();
    expect(inputMeta.icc).toBeDefined();
    expect(input.includes(comment)).toBe(true);
  });

  it('are in the PDF as 480 x 600 JPEG images, without the comment, owner or GPS of the file', async () => {
    const list = execFileSync('pdfimages', ['-list', path.join(project, 'out', 'report.pdf')], { encoding: 'utf8' });
    const portraits = list
      .split('\n')
      .filter((l) => /^\s*\d+\s+\d+\s+image\s+480\s+600\s+\S+\s+3\s+8\s+jpeg\b/.test(l));
    expect(portraits.length, list).toBe(4);
    expect(pdf.includes(comment)).toBe(false);
    expect(pdf.includes(owner)).toBe(false);
    const dir = await mkdtemp(path.join(os.tmpdir(), 'profile-report-pdfimages-'));
    execFileSync('pdfimages', [
      '-j',
      '-f',
      '1',
      '-l',
      '1',
      path.join(project, 'out', 'report.pdf'),
      path.join(dir, 'img'),
    ]);
    const extracted = (await readdir(dir)).filter((f) => f.endsWith('.jpg'));
    expect(extracted.length).toBeGreaterThanOrEqual(2);
    for (const file of extracted) {
      const bytes = await readFile(path.join(dir, file));
      const meta = await sharp(bytes).metadata();
      expect([meta.width, meta.height, meta.exif, meta.comments]).toEqual([480, 600, undefined, undefined]);
      expect(bytes.includes(comment)).toBe(false);
    }
  });

  it('credits each portrait with the sources, citing where it comes from', () => {
    const credits = /<ul class="portrait-credits">(.*?)<\/ul>/s.exec(readerHtml(html))?.[1] ?? '';
    expect(credits).toMatch(
      /<li>Portrait of Zeng Yan: Drawn avatar made by the tests, not a photograph<sup class="cite">/,
    );
    expect(credits).toMatch(
      /<li>Portrait of Luo Fuli: Drawn avatar made by the tests, not a photograph<sup class="cite">/,
    );
    const text = readerPdfText(
      execFileSync('pdftotext', ['-layout', path.join(project, 'out', 'report.pdf'), '-'], { encoding: 'utf8' }),
    ).replace(/\s+/g, ' ');
    expect(text).toMatch(/Portrait of Zeng Yan: Drawn avatar made by the tests, not a photograph/);
  });
});

describe('without a portrait', () => {
  it('the layout stays as it was: no image, no empty frame, no credits list', async () => {
    const plain = await tempProject();
    const result = await runCli(['build', '--format', 'html', '--quiet'], { cwd: plain });
    expect(result.code, result.stderr).toBe(0);
    const page = await readFile(path.join(plain, 'out', 'report.html'), 'utf8');
    // Checked as booleans: a failure would otherwise print the whole page.
    expect(/<img class="portrait/.test(page)).toBe(false);
    expect(page.includes('class="portrait-credits"')).toBe(false);
  }, 60_000);
});

describe('in every report language', () => {
  const profile = profileSchema.parse({
    person: {
      name: 'Ada Lovelace',
      headline: 'Mathematician',
      source: 's',
      photo: { file: 'ada.jpg', credit: 'Drawn by the tests', source: 's' },
    },
    sources: [{ id: 's', title: 'A source' }],
  });
  const other = profileSchema.parse({
    person: { name: 'Alan Turing', headline: 'Mathematician', source: 's' },
    sources: [{ id: 's', title: 'A source' }],
  });

  it.each([...shippedLanguages])(
    '%s: the alt text and the credit name the person; a profile without a photo gets neither',
    (language) => {
      const spec = reportSchema.parse({
        title: 'T',
        author: 'A',
        profiles: ['a', 'b'],
        buildDate: '2026-01-01',
        language,
      });
      const { view } = deriveReport(spec, [profile, other], builtInLocale(language));
      expect(view.people[0]!.portrait).toEqual({ src: 'portrait:0', alt: expect.stringContaining('Ada Lovelace') });
      expect(view.people[0]!.portrait!.alt).not.toBe('Ada Lovelace');
      expect(view.people[1]!.portrait).toBeUndefined();
      expect(view.portraitCredits).toHaveLength(1);
      expect(view.portraitCredits[0]!.text).toMatch(/Ada Lovelace.*Drawn by the tests/);
      expect(view.portraitCredits[0]!.sources.map((s) => s.number)).toEqual([1]);
    },
  );

  it('a given alt text is used as written', () => {
    const withAlt = profileSchema.parse({
      ...profile,
      person: { ...profile.person, photo: { ...profile.person.photo, alt: 'Ada Lovelace at her desk' } },
    });
    const spec = reportSchema.parse({ title: 'T', author: 'A', profiles: ['a'], buildDate: '2026-01-01' });
    expect(deriveReport(spec, [withAlt]).view.people[0]!.portrait!.alt).toBe('Ada Lovelace at her desk');
  });
});
