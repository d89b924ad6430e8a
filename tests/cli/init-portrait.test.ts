import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawnPortrait } from '../helpers/drawn-portrait.js';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

describe('init starter profiles and portraits', () => {
  it('show the photo field commented out; uncommented, with a picture in place, the project builds with it', async () => {
    const project = await tempProject({ withSample: false });
    expect((await runCli(['init'], { cwd: project })).code).toBe(0);
    const file = path.join(project, 'data', 'profiles', 'alex-example.yaml');
    const starter = await readFile(file, 'utf8');
    expect(starter).toMatch(
      /^ {2}# photo: .*\n {2}# {3}file: \.\.\/photos\/portrait\.jpg .*\n {2}# {3}credit: .*\n {2}# {3}source: starter/m,
    );
    expect(starter).toMatch(/light markup: \*\*strong\*\*/);
    const clean = await runCli(['validate'], { cwd: project });
    expect(`${clean.stdout}${clean.stderr}`).toMatch(/no problems/);
    await mkdir(path.join(project, 'data', 'photos'));
    await writeFile(path.join(project, 'data', 'photos', 'portrait.jpg'), await drawnPortrait(4));
    await writeFile(file, starter.replace(/^( {2})# (photo:| {2}file:| {2}credit:| {2}source: starter)/gm, '$1$2'));
    const result = await runCli(['build', '--format', 'html', '--quiet'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    // As a reader reads it: soft hyphens (where a word may break) are not letters.
    const html = (await readFile(path.join(project, 'out', 'report.html'), 'utf8')).replaceAll('\u00AD', '');
    expect(html).toMatch(/<img class="portrait" src="data:image\/jpeg;base64,[^"]+" alt="Portrait of Alex Example">/);
    expect(html).toContain('Portrait of Alex Example: Photo: Jane Doe, CC BY 4.0');
  }, 90_000);
});
