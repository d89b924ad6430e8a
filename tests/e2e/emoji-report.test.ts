import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { emojiClusters, findColourEmoji } from '../../src/render/colour-emoji.js';
import { loadShaper } from '../../src/render/font-shaper.js';
import { emojiPeople, emojiTitle } from '../helpers/emoji-people.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';
import { writeWorldProject } from '../helpers/world-people.js';

const run = promisify(execFile);
const flags = ['🇳🇬', '🇲🇽', '🇯🇵', '🇹🇼'];

describe.runIf(findColourEmoji())('a report with flags, families, keycaps and skin tones', () => {
  let project = '';
  let html = '';
  let stderr = '';
  let code: number | null = null;

  beforeAll(async () => {
    project = await tempProject({ withSample: false });
    const spec = await writeWorldProject(project, emojiPeople, { title: emojiTitle, name: 'emoji' });
    const result = await runCli(['build', path.relative(project, spec), '--timeout', '300'], { cwd: project });
    ({ code, stderr } = result);
    html = await readFile(path.join(project, 'out', 'emoji.html'), 'utf8');
  }, 300_000);

  it('builds with no warning about glyphs: the fonts draw every sequence, in the page and the charts', () => {
    expect(code, stderr).toBe(0);
    // Other checks (page breaks) judge this report's layout; these are the ones about its glyphs.
    expect(stderr).not.toMatch(/no glyph|not one symbol|\.notdef|past the edge/i);
  });

  it('carries a colour emoji font in the page that draws each emoji of the page as one glyph', async () => {
    const faces = [
      ...html.matchAll(
        /@font-face\{font-family:'[^']+';font-style:normal;font-weight:100 900;font-display:block;src:url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\)/g,
      ),
    ];
    expect(faces.length).toBeGreaterThan(0);
    const font = (await loadShaper())(Buffer.from(faces[0]![1]!, 'base64'));
    const shown = emojiClusters(html.replace(/<style[\s\S]*?<\/style>/g, ''));
    expect(shown).toEqual(expect.arrayContaining([...flags, '👨‍👩‍👧‍👦', '1️⃣', '👍🏽', '🧑🏿‍🚀']));
    for (const emoji of shown) {
      const glyphs = font.shape(emoji).filter((g) => g.advance > 0);
      expect(
        glyphs.map((g) => g.id > 0),
        emoji,
      ).toEqual([true]);
    }
  });

  it('prints the flags in the title, the running header and the text, from the colour font (Type 3 glyphs in the PDF)', async () => {
    const pdf = path.join(project, 'out', 'emoji.pdf');
    const { stdout: fonts } = await run('pdffonts', [pdf]);
    expect(fonts).toMatch(/Type 3/);
    // Every other font is one the report ships: nothing fell back to a system font.
    const names = fonts
      .split('\n')
      .slice(2)
      .filter((l) => l.trim() && !/Type 3/.test(l))
      .map((l) => l.split(/\s+/)[0]!.replace(/^[A-Z]{6}\+/, ''));
    expect(names.filter((n) => !/^(SourceSans3|SourceSerif4|NotoSans(SC|TC|JP|KR))/.test(n))).toEqual([]);
    const { stdout: text } = await run('pdftotext', ['-layout', pdf, '-']);
    const pages = text.split('\f');
    for (const flag of flags) expect(pages[0], flag).toContain(flag);
    // The running header of page 2 carries the title with its flags.
    expect(pages[1]!.split('\n').find((l) => l.trim())).toContain(flags.join(''));
    expect(text).toContain('👨‍👩‍👧‍👦');
  });
});
