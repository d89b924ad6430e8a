import { mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Canary } from '../helpers/canary.js';
import { openWithJavaScript } from '../helpers/open-with-javascript.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/**
 * Template folders from strangers, written as an attacker would. Each template either is
 * refused (exit 3, the file and line named, nothing written) or builds a report that, opened
 * in an ordinary browser with JavaScript on, runs nothing and contacts nobody.
 */
const canary = new Canary();
beforeAll(async () => {
  await canary.start();
});
afterAll(async () => {
  await canary.stop();
});

async function projectWith(files: Record<string, string>): Promise<string> {
  const project = await tempProject();
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(project, 'look', name)), { recursive: true });
    await writeFile(path.join(project, 'look', name), text);
  }
  return project;
}

const layout = (head: string, body = ''): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{title}}</title>${head}</head><body>${body}<main>{{#each sections}}{{> (lookup . "partial")}}{{/each}}</main></body></html>`;

describe('hostile template folders are refused with the file and line, and nothing is written', () => {
  const c = (): string => `http://${canary.origin}`;
  const cases: [string, () => Record<string, string>, RegExp][] = [
    [
      'an event handler hidden behind a quoted ">"',
      () => ({ 'partials/cite.hbs': `<img alt=">" src=x onerror="fetch('${c()}/onerror')">` }),
      /partials\/cite\.hbs:1:\d+ {2}<img onerror=\.\.\.>: event handler attributes run script/,
    ],
    [
      '<meta/http-equiv=refresh>',
      () => ({ 'layout.hbs': layout(`<meta/http-equiv=refresh content="0;url=${c()}/refresh">`) }),
      /layout\.hbs:1:\d+ {2}<meta http-equiv=\.\.\.>: the attribute http-equiv is not allowed/,
    ],
    [
      '<img/src=>',
      () => ({ 'partials/cover.hbs': `<section><h1>x</h1><img/src=${c()}/img></section>` }),
      /partials\/cover\.hbs:1:\d+ {2}<img src=".*\/img">: a report shows only the images the tool drew/,
    ],
    [
      'srcset',
      () => ({ 'partials/chart.hbs': `<img src="{{src}}" srcset="${c()}/srcset 2x" alt="">` }),
      /partials\/chart\.hbs:1:\d+ {2}<img srcset=\.\.\.>: the attribute srcset is not allowed/,
    ],
    [
      '<svg><image href>',
      () => ({ 'partials/cover.hbs': `<svg><image href="${c()}/svg-image"/></svg>` }),
      /partials\/cover\.hbs:1:1 {2}<svg>: inline SVG and MathML are not allowed/,
    ],
    ['<svg><use href>', () => ({ 'partials/cover.hbs': `<svg><use href="${c()}/use#a"/></svg>` }), /inline SVG/],
    [
      'feImage',
      () => ({ 'partials/cover.hbs': `<svg><filter id="f"><feImage href="${c()}/feimage"/></filter></svg>` }),
      /inline SVG/,
    ],
    [
      'style="background:url()"',
      () => ({ 'partials/cover.hbs': `<div style="background:url(${c()}/style-attr)">x</div>` }),
      /partials\/cover\.hbs:1:6 {2}style="\.\.\.": url\(.*\/style-attr\) loads something from outside the file/,
    ],
    [
      '<style>@import in a partial',
      () => ({ 'partials/sources.hbs': `<section>\n<style>\n@import url(${c()}/import.css);\n</style></section>` }),
      /partials\/sources\.hbs:3:1 {2}<style>: @import loads another stylesheet/,
    ],
    [
      '<a/href="javascript:">',
      () => ({ 'partials/cover.hbs': `<a/href="javascript:fetch('${c()}/js')">x</a>` }),
      /partials\/cover\.hbs:1:4 {2}<a href="javascript:.*">: javascript: links are not allowed/,
    ],
    [
      'href="&#106;avascript:"',
      () => ({ 'partials/cover.hbs': `<a href="&#106;avascript:fetch('${c()}/entity')">x</a>` }),
      /javascript: links are not allowed/,
    ],
    [
      'a file: link',
      () => ({ 'partials/cover.hbs': '<a href="file:///etc/passwd">x</a>' }),
      /file: links are not allowed/,
    ],
    [
      '@\\69mport in extra.css',
      () => ({ 'extra.css': `@\\69mport "${c()}/escaped-import.css";` }),
      /look\/extra\.css:1:1 {2}@import loads another stylesheet/,
    ],
    [
      'u\\rl( in extra.css',
      () => ({ 'extra.css': `p { background: u\\rl(${c()}/escaped-url) }` }),
      /look\/extra\.css:1:17 {2}url\(.*\) loads something/,
    ],
    [
      '\\75rl( in styles.css',
      () => ({ 'styles.css': `p { background: \\75rl(${c()}/hex-url) }` }),
      /look\/styles\.css:1:17 {2}url\(.*\) loads something/,
    ],
    [
      'image-set("http...")',
      () => ({ 'extra.css': `p { background: image-set("${c()}/image-set" 1x) }` }),
      /image-set\(\) names an image outside the file/,
    ],
    [
      '-webkit-image-set',
      () => ({ 'extra.css': `p { background: -webkit-image-set("${c()}/webkit" 1x) }` }),
      /-webkit-image-set\(\) names an image outside the file/,
    ],
    [
      '@font-face src: \\75rl(file:)',
      () => ({ 'extra.css': '@font-face { font-family: x; src: \\75rl(file:///etc/passwd) }' }),
      /url\(.*\) loads something/,
    ],
    [
      'a profile value poured in raw with {{{ }}}',
      () => ({ 'partials/cover.hbs': '<section id="cover"><h1>{{{title}}}</h1></section>' }),
      /the templates in .*look, rendered page line \d+: <img src=".*\/title-img">: a report shows only the images the tool drew/,
    ],
  ];

  it.each(cases)(
    '%s',
    async (_, files, message) => {
      const project = await projectWith(files());
      const spec = path.join(project, 'data', 'report.yaml');
      await writeFile(
        spec,
        (await readFile(spec, 'utf8')).replace(/^title: .*$/m, `title: '<img src="${c()}/title-img">'`),
      );
      const before = await listFiles(project);
      const result = await runCli(['build', '--templates', 'look', '--format', 'html'], { cwd: project });
      expect(result.code, result.stderr).toBe(3);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain('internal error');
      expect(await listFiles(project)).toEqual(before);
      expect(canary.hits).toEqual([]);
    },
    60_000,
  );
});

describe('templates that build are safe to open with JavaScript on', () => {
  it('a layout that starts with <!--<head>--> still gets the CSP first in the real <head>; the mailed page fetches nothing', async () => {
    const project = await projectWith({
      'layout.hbs': `<!--<head>-->${layout('', '<!-- <img src="http://CANARY/in-comment"> -->')}`.replace(
        'CANARY',
        canary.origin,
      ),
      'partials/cover.hbs': `<section class="cover" id="cover"><h1>{{title}}</h1><a href="https://${canary.origin}/a-link-is-not-a-fetch">link</a></section>`,
    });
    const result = await runCli(['build', '--templates', 'look', '--format', 'html', '--quiet'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(path.join(project, 'out', 'report.html'), 'utf8');
    expect(html).toMatch(/<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy"/);
    expect(html).not.toContain('<!--');
    const opened = await openWithJavaScript(path.join(project, 'out', 'report.html'));
    expect(opened.consoleErrors.filter((e) => !/Content Security Policy/.test(e))).toEqual([]);
    expect(canary.hits).toEqual([]);
  }, 60_000);

  it('the font marker written into the spec stays text: fonts stay in their own <style>', async () => {
    const project = await tempProject();
    const spec = path.join(project, 'data', 'report.yaml');
    const marker = '/*profile-report:font-faces*/';
    let text = await readFile(spec, 'utf8');
    text = text
      .replace(/^title: .*$/m, `title: "Fonts ${marker} here"`)
      .replace(/^author: .*$/m, `author: "${marker}"`);
    await writeFile(spec, text);
    const result = await runCli(['build', '--format', 'html', '--quiet'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(path.join(project, 'out', 'report.html'), 'utf8');
    expect(html).toContain(`<meta name="author" content="${marker}">`);
    expect(html).toMatch(/<style>\n@font-face\{font-family:'Source Sans 3'/);
    expect(html.match(/@font-face/g)!.length).toBeGreaterThan(3);
  }, 60_000);
});

describe('template mistakes are the author\'s to fix: exit 1 with the file, never "a bug"', () => {
  it('a partial that includes itself', async () => {
    const project = await projectWith({ 'partials/cite.hbs': '<sup>{{> cite}}</sup>' });
    const result = await runCli(['build', '--templates', 'look', '--format', 'html'], { cwd: project });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toMatch(
      /template partials\/cite\.hbs includes itself \(partials\/cite\.hbs → partials\/cite\.hbs/,
    );
    expect(result.stderr).not.toContain('internal error');
  }, 60_000);

  it('a syntax error names the file and line', async () => {
    const project = await projectWith({ 'partials/cover.hbs': '<section>\n{{#each sources}}\n</section>' });
    const result = await runCli(['build', '--templates', 'look', '--format', 'html'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/template partials\/cover\.hbs cannot be compiled: Parse error on line 3/);
  }, 60_000);

  it('a character reference beyond Unicode (&#x110000;) builds, shown as U+FFFD, as browsers do', async () => {
    const project = await projectWith({
      'partials/cover.hbs': '<section class="cover" id="cover"><h1>{{title}} &#x110000;</h1></section>',
    });
    const result = await runCli(['build', '--templates', 'look', '--quiet'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(path.join(project, 'out', 'report.html'), 'utf8')).toContain(
      'two balance points \uFFFD</h1>',
    );
  }, 60_000);
});

describe('templates cannot run away with the CPU or memory', () => {
  it('eleven nested {{#each}} are stopped at the deadline: exit 3, nothing written', async () => {
    const bomb = `${'{{#each @root.sources}}'.repeat(11)}x${'{{/each}}'.repeat(11)}`;
    const project = await projectWith({ 'partials/cite.hbs': bomb });
    const before = await listFiles(project);
    const started = Date.now();
    const result = await runCli(['build', '--templates', 'look', '--timeout', '4', '--format', 'html'], {
      cwd: project,
    });
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(/the templates took longer than 4 s to render and were stopped/);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await listFiles(project)).toEqual(before);
  }, 60_000);

  it('the same bomb ends on SIGTERM, promptly', async () => {
    const bomb = `${'{{#each @root.sources}}'.repeat(11)}x${'{{/each}}'.repeat(11)}`;
    const project = await projectWith({ 'partials/cite.hbs': bomb });
    const { spawn } = await import('node:child_process');
    const { cliPath } = await import('../helpers/paths.js');
    const child = spawn(process.execPath, [cliPath, 'build', '--templates', 'look', '--format', 'html'], {
      cwd: project,
    });
    // Wait until the templates are running (the stage before them has reported), then a moment.
    let stderr = '';
    await new Promise<void>((resolve) => {
      child.stderr.on('data', (d: Buffer) => {
        stderr += d.toString();
        if (/templates\s/.test(stderr)) resolve();
      });
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const killedAt = Date.now();
    child.kill('SIGTERM');
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(143);
    expect(Date.now() - killedAt).toBeLessThan(10_000);
  }, 60_000);

  it('a folder of too many files is refused, naming the limit', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 70; i++) files[`partials/p${i}.hbs`] = 'x';
    const project = await projectWith(files);
    const result = await runCli(['build', '--templates', 'look', '--format', 'html'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/holds 70 template, CSS and message files; the limit is 64/);
  }, 60_000);

  it('a folder of too many bytes is refused, naming the limit', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 6; i++) files[`partials/p${i}.hbs`] = 'x'.repeat(400 * 1024);
    const project = await projectWith(files);
    const result = await runCli(['build', '--templates', 'look', '--format', 'html'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /holds more than 2 MiB of templates, CSS and messages, the limit for a template folder/,
    );
  }, 60_000);
});

describe('symbolic links cannot carry files in or outputs out', () => {
  it('a partial linked to a file outside the template folder is refused, naming the link', async () => {
    const project = await projectWith({});
    const secret = path.join(project, '..', `${path.basename(project)}-secret.txt`);
    await writeFile(secret, 'PRIVATE KEY');
    await mkdir(path.join(project, 'look', 'partials'), { recursive: true });
    await symlink(secret, path.join(project, 'look', 'partials', 'cite.hbs'));
    const before = await listFiles(project);
    const result = await runCli(['build', '--templates', 'look', '--format', 'html'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /cite\.hbs: .*cite\.hbs leads outside the project folder .*the symbolic link .*cite\.hbs points to .*-secret\.txt/,
    );
    expect(await listFiles(project)).toEqual(before);
  }, 60_000);

  it('an extra.css linked to /etc/passwd is refused', async () => {
    const project = await projectWith({});
    await mkdir(path.join(project, 'look'), { recursive: true });
    await symlink('/etc/passwd', path.join(project, 'look', 'extra.css'));
    const result = await runCli(['build', '--templates', 'look', '--format', 'html'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/extra\.css leads outside .*points to \/etc\/passwd/);
  }, 60_000);

  it('a profile named by the spec that links outside the project is refused', async () => {
    const project = await tempProject();
    const outside = `${project}-outside.yaml`;
    await writeFile(outside, await readFile(path.join(project, 'data', 'profiles', 'luo-fuli.yaml')));
    const link = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    await (await import('node:fs/promises')).rm(link);
    await symlink(outside, link);
    const result = await runCli(['build', '--format', 'html'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /luo-fuli\.yaml {2}\(file\) {2}.*luo-fuli\.yaml leads outside the project folder .*points to .*-outside\.yaml/,
    );
  }, 60_000);

  it('an output folder that is a link out of the project is refused, and nothing is written there', async () => {
    const project = await tempProject();
    const elsewhere = `${project}-elsewhere`;
    await mkdir(elsewhere);
    await symlink(elsewhere, path.join(project, 'out'));
    const result = await runCli(['build', '--format', 'html'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /data\/report\.yaml: output\.dir: .*out leads outside the project folder .*points to .*-elsewhere/,
    );
    expect(await listFiles(elsewhere)).toEqual([]);
  }, 60_000);

  it('a template folder named by the spec that links outside is refused', async () => {
    const project = await tempProject();
    const elsewhere = `${project}-look`;
    await mkdir(path.join(elsewhere, 'partials'), { recursive: true });
    await writeFile(path.join(elsewhere, 'partials', 'cover.hbs'), '<p>x</p>');
    await symlink(elsewhere, path.join(project, 'look'));
    const spec = path.join(project, 'data', 'report.yaml');
    await writeFile(spec, (await readFile(spec, 'utf8')).replace('output:', 'templates: ../look\noutput:'));
    const result = await runCli(['build', '--format', 'html'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/data\/report\.yaml: templates: .*look leads outside the project folder/);
  }, 60_000);
});
