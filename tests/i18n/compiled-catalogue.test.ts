import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtInMessagesDir } from '../../src/i18n/catalogue.js';
import { catalogueFromYaml, readBuiltInCatalogue, writeCompiledCatalogues } from '../../src/i18n/compiled-catalogue.js';
import { shippedLanguages } from '../../src/i18n/languages.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'compiled-catalogues-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const yamlOf = (language: string): string => readFileSync(path.join(builtInMessagesDir, `${language}.yaml`), 'utf8');
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('compiled built-in catalogues', () => {
  it('hold exactly the messages of their YAML, in its order, for every shipped language', () => {
    const out = path.join(dir, 'all');
    writeCompiledCatalogues(builtInMessagesDir, out, shippedLanguages);
    for (const language of shippedLanguages) {
      const text = yamlOf(language);
      const compiled = readBuiltInCatalogue(text, path.join(out, `${language}.json`));
      expect([...compiled], language).toEqual([...catalogueFromYaml(text)]);
      expect(compiled.size, language).toBeGreaterThan(100);
    }
  });

  it('are read instead of the YAML when made from exactly that text', () => {
    const text = 'section:\n  papers: Papers\n';
    const file = path.join(dir, 'forged.json');
    // Messages the YAML does not hold: only the compiled file can have given them.
    writeFileSync(file, JSON.stringify({ source: sha256(text), messages: [['section.papers', 'from JSON']] }));
    expect([...readBuiltInCatalogue(text, file)]).toEqual([['section.papers', 'from JSON']]);
  });

  it('are ignored once the YAML changed: the edited YAML is what a build reads', () => {
    const file = path.join(dir, 'stale', 'en.json');
    const before = 'section:\n  papers: Papers\n';
    const after = 'section:\n  papers: Articles\n  models: Models\n';
    writeFileSync(path.join(dir, 'en.yaml'), before);
    writeCompiledCatalogues(dir, path.dirname(file), ['en']);
    expect([...readBuiltInCatalogue(before, file)]).toEqual([['section.papers', 'Papers']]);
    expect([...readBuiltInCatalogue(after, file)]).toEqual([
      ['section.papers', 'Articles'],
      ['section.models', 'Models'],
    ]);
  });

  it('fall back to the YAML when there is no compiled file, or it is not JSON', () => {
    const text = 'list:\n  two: "{first} and {second}"\n';
    expect([...readBuiltInCatalogue(text, path.join(dir, 'absent.json'))]).toEqual([
      ['list.two', '{first} and {second}'],
    ]);
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"source": ');
    expect([...readBuiltInCatalogue(text, broken)]).toEqual([['list.two', '{first} and {second}']]);
  });
});
