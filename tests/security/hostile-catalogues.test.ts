import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { limits } from '../../src/limits.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/**
 * A template folder's message catalogue (`messages/<language>.yaml`) is a file of the folder
 * like any template: a stranger's folder can link it to a private file, swell it past the
 * folder's caps, or break a placeholder. Each attack ends in exit 1 with the file named and
 * nothing written; the secret never reaches an output.
 */
async function projectWith(files: Record<string, string>): Promise<string> {
  const project = await tempProject();
  await mkdir(path.join(project, 'look', 'messages'), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(project, 'look', name)), { recursive: true });
    await writeFile(path.join(project, 'look', name), text);
  }
  return project;
}

const build = (project: string, extra: readonly string[] = []): ReturnType<typeof runCli> =>
  runCli(['build', '--templates', 'look', '--format', 'html', ...extra], { cwd: project });

/** A private file beside the project, gone when the project is. */
async function secretBeside(project: string): Promise<string> {
  const secret = `${project}-secret.yaml`;
  await writeFile(secret, 'section:\n  papers: "SECRET-3f9a TOKEN"\n');
  return secret;
}

function expectRefused(result: Awaited<ReturnType<typeof runCli>>, message: RegExp): void {
  expect(result.code, result.stderr).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).not.toMatch(/\n\s+at [\w.<]/); // no stack trace
  expect(result.stderr).not.toContain('internal error');
}

describe('a message catalogue is confined to its template folder', () => {
  it('a catalogue linked to a file outside the folder is refused, naming the link, and its text goes nowhere', async () => {
    const project = await projectWith({});
    const secret = await secretBeside(project);
    try {
      await symlink(secret, path.join(project, 'look', 'messages', 'en.yaml'));
      const before = await listFiles(project);
      const result = await build(project);
      expectRefused(
        result,
        /look\/messages\/en\.yaml leads outside the project folder \(.*look\): the symbolic link .*look\/messages\/en\.yaml points to .*-secret\.yaml/,
      );
      expect(result.stderr + result.stdout).not.toContain('SECRET-3f9a');
      expect(await listFiles(project)).toEqual(before);
    } finally {
      await rm(secret, { force: true });
    }
  }, 60_000);

  it('a messages folder linked out of the template folder is refused the same way', async () => {
    const project = await projectWith({});
    const secret = await secretBeside(project);
    const outside = `${project}-messages`;
    try {
      await mkdir(outside);
      await symlink(secret, path.join(outside, 'en.yaml'));
      await rm(path.join(project, 'look', 'messages'), { recursive: true });
      await symlink(outside, path.join(project, 'look', 'messages'));
      const before = await listFiles(project);
      const result = await build(project);
      expectRefused(result, /look\/messages\/en\.yaml leads outside the project folder/);
      expect(result.stderr + result.stdout).not.toContain('SECRET-3f9a');
      expect(await listFiles(project)).toEqual(before);
    } finally {
      await rm(secret, { force: true });
      await rm(outside, { recursive: true, force: true });
    }
  }, 60_000);

  it('the catalogue of another language, linked out, is refused too: every file of the folder is confined', async () => {
    const project = await projectWith({});
    const secret = await secretBeside(project);
    try {
      await symlink(secret, path.join(project, 'look', 'messages', 'de.yaml'));
      expectRefused(await build(project), /look\/messages\/de\.yaml leads outside the project folder/);
    } finally {
      await rm(secret, { force: true });
    }
  }, 60_000);

  it("catalogues count towards the folder's file cap", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < limits.templateFiles; i++) files[`partials/p${i}.hbs`] = 'x';
    files['messages/en.yaml'] = 'section:\n  papers: Articles\n';
    const project = await projectWith(files);
    expectRefused(
      await build(project),
      new RegExp(
        `holds ${limits.templateFiles + 1} template, CSS and message files; the limit is ${limits.templateFiles}`,
      ),
    );
  }, 60_000);

  it('a catalogue larger than a template may be is refused, naming the limit', async () => {
    const project = await projectWith({
      'messages/en.yaml': `# ${'x'.repeat(limits.templateBytes)}\nsection:\n  papers: Articles\n`,
    });
    expectRefused(await build(project), /look\/messages\/en\.yaml: the file is 512\.\d KiB; the limit is 512 KiB/);
  }, 60_000);

  it("catalogues count towards the folder's byte cap", async () => {
    const files: Record<string, string> = {};
    const filler = `# ${'x'.repeat(400 * 1024)}\n`;
    for (const language of ['en', 'de', 'fr', 'es', 'ja', 'ko'])
      files[`messages/${language}.yaml`] = `${filler}section:\n  papers: Articles\n`;
    const project = await projectWith(files);
    expectRefused(
      await build(project),
      /holds more than 2 MiB of templates, CSS and messages, the limit for a template folder/,
    );
  }, 60_000);

  it('a catalogue inside the folder is still used (the confinement refuses only what leaves it)', async () => {
    const project = await projectWith({ 'messages/en.yaml': 'section:\n  papers: "Articles and preprints"\n' });
    const result = await build(project);
    expect(result.code, result.stderr).toBe(0);
    expect((await readFile(path.join(project, 'out', 'report.html'), 'utf8')).includes('Articles and preprints')).toBe(
      true,
    );
  }, 60_000);
});

describe('a broken message is exit 1 at its line and column, checked when the catalogue loads', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a typo in a placeholder',
      'section: {papers: "Papers {nosuch}"}\n',
      /look\/messages\/en\.yaml:1:19 {2}section\.papers {2}\{nosuch\} is not given to this message \(a typo\?\); this message has no placeholders$/m,
    ],
    [
      'a misspelled placeholder where others exist',
      'report:\n  comparedTitle: "{nmaes} compared"\n',
      /look\/messages\/en\.yaml:2:18 {2}report\.comparedTitle {2}\{nmaes\} is not given to this message \(a typo\?\); it can use \{names\}$/m,
    ],
    [
      'a typo inside a plural branch',
      'count.papers: "{count, plural, one {{n} paper} other {{num} papers}}"\n',
      /look\/messages\/en\.yaml:1:15 {2}count\.papers {2}\{num\} is not given to this message \(a typo\?\); it can use \{count\}, \{n\}$/m,
    ],
    [
      'a plural on a text placeholder',
      'report:\n  comparedTitle: "{names, plural, one {one} other {many}} compared"\n',
      /report\.comparedTitle {2}\{names, plural, …\} needs a number, and \{names\} is text; this message has no number to choose a plural form with$/m,
    ],
    [
      'a number format (runtime locale data)',
      'count:\n  papers: "{count, number} papers"\n',
      /count\.papers {2}\{count, …\} formats with the runtime's own locale data; values arrive already formatted, so write \{count\}$/m,
    ],
    [
      'a date format on text (a crash in the message library)',
      'report:\n  comparedTitle: "{names, date} compared"\n',
      /report\.comparedTitle {2}\{names, …\} formats with the runtime's own locale data/m,
    ],
    [
      'an unclosed brace',
      'section:\n  papers: "Papers {"\n',
      /look\/messages\/en\.yaml:2:11 {2}section\.papers {2}this is not a valid message \(ICU MessageFormat\): /m,
    ],
  ];

  it.each(cases)(
    '%s',
    async (_, catalogue, message) => {
      const project = await projectWith({ 'messages/en.yaml': catalogue });
      const before = await listFiles(project);
      const result = await build(project);
      expectRefused(result, message);
      expect(await listFiles(project)).toEqual(before);
    },
    60_000,
  );

  it('every broken message is reported at once', async () => {
    const project = await projectWith({
      'messages/en.yaml': 'section:\n  papers: "Papers {nosuch}"\n  models: "Models {either}"\n',
    });
    const result = await build(project);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/en\.yaml:2:11 {2}section\.papers {2}\{nosuch\}/);
    expect(result.stderr).toMatch(/en\.yaml:3:11 {2}section\.models {2}\{either\}/);
  }, 60_000);

  it('an override that uses the placeholders the message is given builds', async () => {
    const project = await projectWith({
      'messages/en.yaml': 'count:\n  papers: "{count, plural, one {a single paper} other {{n} papers in all}}"\n',
    });
    const result = await build(project);
    expect(result.code, result.stderr).toBe(0);
    const html = await readFile(path.join(project, 'out', 'report.html'), 'utf8');
    expect(/\d+ papers in all/.test(html)).toBe(true);
  }, 60_000);
});
