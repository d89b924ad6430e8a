import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import Handlebars from 'handlebars';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserError } from '../../src/errors.js';
import { compileTemplates, precompiledTemplatesModule } from '../../src/render/compile-templates.js';
import { loadPrecompiledTemplates } from '../../src/render/precompiled-templates.js';
import { renderWithin } from '../../src/render/template-layout.js';
import { readTemplateSet } from '../../src/render/template-set.js';
import type { TemplateSources } from '../../src/render/template-set.js';
import { templateSourcesHash } from '../../src/render/template-sources-hash.js';
import { sampleView } from '../helpers/sample-view.js';

const sources = (layout: string, partials: Record<string, string> = {}): TemplateSources => ({
  layout,
  partials: new Map(Object.entries(partials)),
});

describe('compiling a template set', () => {
  it('parses each template once, however often it is rendered', () => {
    const parsed: string[] = [];
    const create = Handlebars.create.bind(Handlebars);
    const spy = vi.spyOn(Handlebars, 'create').mockImplementation(() => {
      const env = create();
      const parse = env.parse.bind(env);
      env.parse = (input, options) => {
        parsed.push(input);
        return parse(input, options);
      };
      return env;
    });
    try {
      const layout = compileTemplates(sources('<p>{{> name}} {{> age}}</p>', { name: '{{name}}', age: '{{age}}' }));
      expect(layout({ name: 'Ada', age: 36 })).toBe('<p>Ada 36</p>');
      expect(layout({ name: 'Grace', age: 85 })).toBe('<p>Grace 85</p>');
      expect(parsed.sort()).toEqual(['<p>{{> name}} {{> age}}</p>', '{{age}}', '{{name}}']);
    } finally {
      spy.mockRestore();
    }
  });

  it.each([
    [
      'a syntax error',
      '<section>\n{{#each sources}}\n</section>',
      /^template partials\/unused\.hbs cannot be compiled: Parse error on line 3: /,
    ],
    [
      'an unknown helper',
      '{{shout title}}',
      /^template partials\/unused\.hbs cannot be compiled: You specified knownHelpersOnly, but used the unknown helper shout/,
    ],
    [
      '{{log}}',
      '{{log title}}',
      /^template partials\/unused\.hbs cannot be compiled: You specified knownHelpersOnly, but used the unknown helper log/,
    ],
  ])('%s in a partial the layout never includes is reported before anything renders', (_, partial, message) => {
    const compile = (): unknown => compileTemplates(sources('<p>{{title}}</p>', { unused: partial }));
    expect(compile).toThrow(UserError);
    expect(compile).toThrow(message);
  });

  it('a partial that includes itself, and a page over the limit, are the author’s to fix', () => {
    const looping = compileTemplates(sources('<p>{{> cite}}</p>', { cite: '<sup>{{> cite}}</sup>' }));
    expect(() => looping({})).toThrow(
      /^template partials\/cite\.hbs includes itself \(partials\/cite\.hbs → partials\/cite\.hbs → .*\); partials may nest at most 32 deep$/,
    );
    const layout = compileTemplates(sources('{{#each rows}}<p>{{this}}</p>{{/each}}'));
    expect(() => renderWithin(layout, { rows: ['a', 'b', 'c'] }, 23)).toThrow(
      'the templates produced 24 characters of HTML; the limit is 23',
    );
    expect(renderWithin(layout, { rows: ['a', 'b', 'c'] }, 24)).toBe('<p>a</p><p>b</p><p>c</p>');
  });

  it('reads nothing through a prototype', () => {
    const layout = compileTemplates(sources('[{{constructor.name}}][{{constructor.constructor}}][{{own}}]'));
    expect(layout({ own: 'yes' })).toBe('[][][yes]');
  });
});

describe('the built-in templates, precompiled as `npm run build` does', () => {
  let dir: string;
  let builtIn: TemplateSources;
  let view: object;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'precompiled-templates-'));
    builtIn = await readTemplateSet();
    view = await sampleView();
  }, 60_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function loadModule(name: string, text: string) {
    const file = path.join(dir, name);
    await writeFile(file, text);
    return loadPrecompiledTemplates(pathToFileURL(file));
  }

  it('render the sample exactly as the templates compiled in process do', async () => {
    const precompiled = await loadModule('built-in.js', precompiledTemplatesModule(builtIn));
    expect(precompiled?.sourcesHash).toBe(templateSourcesHash(builtIn));
    const html = precompiled!.layout(view);
    expect(html).toContain('<section class="cover"');
    expect(html).toBe(compileTemplates(builtIn)(view));
  });

  it('carry the hash of the text they were made from, not of the templates beside them', async () => {
    const edited = { ...builtIn, layout: builtIn.layout.replace('<main', '<main data-edited') };
    const precompiled = await loadModule('edited.js', precompiledTemplatesModule(edited));
    expect(precompiled?.sourcesHash).toBe(templateSourcesHash(edited));
    expect(precompiled?.sourcesHash).not.toBe(templateSourcesHash(builtIn));
  });

  it('a missing module is none; a module of something else is refused, loudly', async () => {
    expect(await loadPrecompiledTemplates(pathToFileURL(path.join(dir, 'absent.js')))).toBeUndefined();
    await expect(loadModule('other.js', 'export const layout = "<p></p>";\n')).rejects.toThrow(
      /other\.js is not a module of precompiled templates$/,
    );
  });
});

describe('the hash of a set', () => {
  it('does not depend on the order the partials were read in, and changes with any of them', () => {
    const a = sources('L', { one: '1', two: '2' });
    expect(templateSourcesHash(sources('L', { two: '2', one: '1' }))).toBe(templateSourcesHash(a));
    expect(templateSourcesHash(sources('L', { one: '1', two: '2 ' }))).not.toBe(templateSourcesHash(a));
    expect(templateSourcesHash(sources('L ', { one: '1', two: '2' }))).not.toBe(templateSourcesHash(a));
    expect(templateSourcesHash(sources('L', { one: '1', three: '2' }))).not.toBe(templateSourcesHash(a));
  });
});
