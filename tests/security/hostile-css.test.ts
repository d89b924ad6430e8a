import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Canary } from '../helpers/canary.js';
import { openWithoutMetaCsp } from '../helpers/open-without-csp.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/**
 * CSS that smuggles a URL past the check through a value from elsewhere: a custom property
 * read by var() inside an image function, an `@property` initial value, a `style=""`
 * attribute or a `<style>` in a template. The `<meta>` CSP stops these in Chromium, but many
 * mail clients and previewers ignore a meta CSP, so the check itself must refuse them: the
 * viewer tests below open the page with its policy taken out.
 */
const canary = new Canary();
beforeAll(async () => {
  await canary.start();
});
afterAll(async () => {
  await canary.stop();
});

const beacon = (name: string): string => `"http://${canary.origin}/${name}"`;

async function projectWith(files: Record<string, string>): Promise<string> {
  const project = await tempProject();
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(project, 'look', name)), { recursive: true });
    await writeFile(path.join(project, 'look', name), text);
  }
  return project;
}

const layout = (head: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{title}}</title>${head}</head><body><main>{{#each sections}}{{> (lookup . "partial")}}{{/each}}</main></body></html>`;

describe('a URL carried by var() into an image function is refused at its file:line:col, and nothing is written', () => {
  const cases: [string, () => Record<string, string>, RegExp][] = [
    [
      'image-set(var()) in extra.css (the report of the attack)',
      () => ({ 'extra.css': `:root{--u:${beacon('image-set')}} body{background-image:image-set(var(--u) 1x)}` }),
      /look\/extra\.css:1:11 {2}--u holds the URL "http:\/\/127\.0\.0\.1:\d+\/image-set", which a var\(\) could load; only data: URLs are allowed\n {2}.*look\/extra\.css:1:\d+ {2}var\(\) inside image-set\(\) could bring in an image from outside the file/,
    ],
    [
      '-webkit-image-set(var())',
      () => ({ 'extra.css': 'body {\n  background-image: -webkit-image-set(var(--u) 1x);\n}' }),
      /look\/extra\.css:2:39 {2}var\(\) inside -webkit-image-set\(\)/,
    ],
    [
      'cross-fade(var())',
      () => ({ 'extra.css': 'body { background-image: cross-fade(var(--u) 50%, linear-gradient(red, red)) }' }),
      /look\/extra\.css:1:37 {2}var\(\) inside cross-fade\(\)/,
    ],
    [
      '-webkit-cross-fade(var())',
      () => ({
        'extra.css': 'body { background-image: -webkit-cross-fade(var(--u), linear-gradient(red, red), 50%) }',
      }),
      /look\/extra\.css:1:45 {2}var\(\) inside -webkit-cross-fade\(\)/,
    ],
    [
      'image(var())',
      () => ({ 'styles.css': 'body { background-image: image(var(--u)) }' }),
      /look\/styles\.css:1:32 {2}var\(\) inside image\(\)/,
    ],
    [
      'a custom property alone, waiting for a var()',
      () => ({ 'extra.css': `p {\n  --later: ${beacon('later')};\n}` }),
      /look\/extra\.css:2:12 {2}--later holds the URL/,
    ],
    [
      '@property with a URL string as its initial value',
      () => ({
        'extra.css': `@property --p {\n  syntax: '<string>';\n  inherits: true;\n  initial-value: ${beacon('property')};\n}\nbody { background-image: image-set(var(--p) 1x) }`,
      }),
      /look\/extra\.css:4:18 {2}initial-value holds the URL[\s\S]*look\/extra\.css:6:36 {2}var\(\) inside image-set\(\)/,
    ],
    [
      '@property with a url() as its initial value',
      () => ({
        'extra.css': `@property --q { syntax: '<url>'; inherits: true; initial-value: url(http://${canary.origin}/property-url) }\nbody { background-image: var(--q) }`,
      }),
      /look\/extra\.css:1:65 {2}url\(http:\/\/127\.0\.0\.1:\d+\/property-url\) loads something from outside the file/,
    ],
    [
      'style="" in a partial',
      () => ({
        'partials/cover.hbs': `<section id="cover"><div style='--u:${beacon('style-attr')}; background-image: image-set(var(--u) 1x)'>{{title}}</div></section>`,
      }),
      /look\/partials\/cover\.hbs:1:26 {2}style="\.\.\.": --u holds the URL[\s\S]*look\/partials\/cover\.hbs:1:26 {2}style="\.\.\.": var\(\) inside image-set\(\)/,
    ],
    [
      '<style> in a partial',
      () => ({
        'partials/sources.hbs': `<section>\n<style>\n:root { --u: ${beacon('style-element')} }\nbody { background-image: image-set(var(--u) 1x) }\n</style></section>`,
      }),
      /look\/partials\/sources\.hbs:3:14 {2}<style>: --u holds the URL[\s\S]*look\/partials\/sources\.hbs:4:36 {2}<style>: var\(\) inside image-set\(\)/,
    ],
    [
      "<style> in the layout's head",
      () => ({ 'layout.hbs': layout(`<style>body{background-image:-webkit-image-set(var(--u) 1x)}</style>`) }),
      /look\/layout\.hbs:1:\d+ {2}<style>: var\(\) inside -webkit-image-set\(\)/,
    ],
  ];

  it.each(cases)(
    '%s',
    async (_, files, message) => {
      const project = await projectWith(files());
      const before = await listFiles(project);
      const result = await runCli(['build', '--templates', 'look'], { cwd: project });
      // The exit of every refused template folder: the report cannot be made safely (see hostile-templates).
      expect(result.code, result.stderr).toBe(3);
      expect(result.stderr).toMatch(/the template folder makes reports that could run script, fetch or navigate/);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain('internal error');
      expect(await listFiles(project)).toEqual(before);
      expect(canary.hits).toEqual([]);
    },
    60_000,
  );

  it('a spec value that breaks out of a template\'s style="" string is refused once rendered', async () => {
    // Handlebars escapes `"` as &quot;, which the HTML parser turns back into `"` inside the attribute.
    const project = await projectWith({
      'partials/cover.hbs': `<section id="cover"><div style='--label:"{{title}}"'>x</div></section>`,
    });
    const spec = path.join(project, 'data', 'report.yaml');
    await writeFile(
      spec,
      (await readFile(spec, 'utf8')).replace(
        /^title: .*$/m,
        `title: 'x"; background-image: image-set("http://${canary.origin}/title" 1x); --v: "'`,
      ),
    );
    const before = await listFiles(project);
    const result = await runCli(['build', '--templates', 'look'], { cwd: project });
    expect(result.code, result.stderr).toBe(3);
    expect(result.stderr).toMatch(
      /the templates in .*look, rendered page line \d+: style="\.\.\.": image-set\(\) names an image outside the file \("http:\/\/127\.0\.0\.1:\d+\/title"\)/,
    );
    expect(await listFiles(project)).toEqual(before);
    expect(canary.hits).toEqual([]);
  }, 60_000);
});

describe("opened by a viewer that ignores the page's <meta> CSP, with JavaScript on", () => {
  // The forms this Chromium fetches (it has no unprefixed cross-fade() or image() yet).
  // Built when a test runs: the canary's port is known only after beforeAll.
  const attack = (): string =>
    [
      `:root { --a: ${beacon('image-set')}; --b: ${beacon('webkit-image-set')}; --c: ${beacon('webkit-cross-fade')} }`,
      `@property --d { syntax: '<string>'; inherits: true; initial-value: ${beacon('property')} }`,
      // One element each: a layer that fails to load would take the others down with it.
      'html { background-image: image-set(var(--a) 1x) }',
      'body { background-image: -webkit-image-set(var(--b) 1x) }',
      'body::before { content: ""; display: block; width: 8px; height: 8px; background-image: -webkit-cross-fade(image-set(var(--c) 1x), linear-gradient(red, red), 50%) }',
      'body::after { content: ""; display: block; width: 8px; height: 8px; background-image: image-set(var(--d) 1x) }',
    ].join('\n');

  it("the attack is real: the same CSS, put into a built report behind the check's back, fetches every beacon", async () => {
    const project = await tempProject();
    const built = await runCli(['build', '--format', 'html', '--quiet'], { cwd: project });
    expect(built.code, built.stderr).toBe(0);
    const opened = await openWithoutMetaCsp(path.join(project, 'out', 'report.html'), attack());
    expect(opened.policies).toBe(1);
    await canary.hit(4);
    expect(
      canary.hits
        .splice(0)
        .map((h) => h.split(' ')[1])
        .sort(),
    ).toEqual(['/image-set', '/property', '/webkit-cross-fade', '/webkit-image-set']);
  }, 90_000);

  it('a template folder using custom properties, @property, style="" and data: images that builds, fetches nothing', async () => {
    const dataImage =
      '"data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="';
    const project = await projectWith({
      'extra.css': [
        ':root { --label: "Note: see"; --accent: #1b5e9a; --gap: calc(1rem + 2px) }',
        '@property --word { syntax: \'<string>\'; inherits: true; initial-value: "Chapter" }',
        `body { background-image: image-set(${dataImage} type("image/png") 1x), -webkit-image-set(${dataImage} 1x) }`,
        `.cover::after { content: var(--label); color: var(--accent); margin: var(--gap) }`,
      ].join('\n'),
      'partials/cover.hbs': `<section class="cover" id="cover"><style>h1 { border-image: -webkit-cross-fade(url(${dataImage}), linear-gradient(red, red), 50%) 1 }</style><h1 style='--title-note: "{{title}}"; color: var(--accent)'>{{title}}</h1></section>`,
    });
    const result = await runCli(['build', '--templates', 'look', '--format', 'html', '--quiet'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const opened = await openWithoutMetaCsp(path.join(project, 'out', 'report.html'));
    expect(opened.policies).toBe(1);
    // Nothing to wait for when nothing comes: half a second for a late fetch, as the test above
    // sees every beacon of the same kinds arrive.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(canary.hits).toEqual([]);
  }, 90_000);
});
