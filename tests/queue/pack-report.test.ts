import { mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError, ValidationError } from '../../src/errors.js';
import { limits } from '../../src/limits.js';
import { jobId, jobPayloadSchema } from '../../src/queue/job-payload.js';
import type { BuildSettings } from '../../src/queue/job-payload.js';
import { ValidationCache } from '../../src/load/validation-cache.js';
import { packReport } from '../../src/queue/pack-report.js';
import { unpackProject } from '../../src/queue/unpack-project.js';
import { drawnPortrait } from '../helpers/drawn-portrait.js';
import { namePortrait } from '../helpers/name-portrait.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

const settings: BuildSettings = { formats: ['html'], strict: false, timeoutMs: 60_000 };
const decode = (base64: string | undefined): string => Buffer.from(base64 ?? '', 'base64').toString('utf8');

async function withSpecLine(project: string, line: string): Promise<void> {
  const spec = path.join(project, 'data', 'report.yaml');
  await writeFile(spec, (await readFile(spec, 'utf8')).replace('output:', `${line}\noutput:`));
}

describe('packing a report into a job', () => {
  it('carries the spec and its profiles by their place in the project, byte for byte', async () => {
    const project = await tempProject();
    const packed = await packReport('data/report.yaml', settings, project, '0.1.0');
    expect(packed.label).toBe('data/report.yaml');
    expect(packed.payload.spec).toBe('data/report.yaml');
    expect(Object.keys(packed.payload.files)).toEqual([
      'data/profiles/luo-fuli.yaml',
      'data/profiles/zeng-yan.yaml',
      'data/report.yaml',
    ]);
    expect(decode(packed.payload.files['data/profiles/zeng-yan.yaml'])).toBe(
      await readFile(path.join(project, 'data', 'profiles', 'zeng-yan.yaml'), 'utf8'),
    );
    expect(packed.bytes).toBe(
      Object.values(packed.payload.files).reduce((sum, b64) => sum + Buffer.from(b64, 'base64').length, 0),
    );
    expect(jobPayloadSchema.parse(JSON.parse(JSON.stringify(packed.payload)))).toEqual(packed.payload);
  });

  it('names the job by the hash of every input and the version: equal inputs, equal ids; any change, another id', async () => {
    const project = await tempProject();
    const first = await packReport('data/report.yaml', settings, project, '0.1.0');
    const again = await packReport(path.join(project, 'data', 'report.yaml'), settings, project, '0.1.0');
    expect(again.id).toBe(first.id);
    expect(first.id).toBe(jobId(first.payload));
    expect(first.id).toMatch(/^[0-9a-f]{64}$/);
    // Another copy of the same project, elsewhere on disk, is the same job.
    expect((await packReport('data/report.yaml', settings, await tempProject(), '0.1.0')).id).toBe(first.id);
    const ids = new Set([first.id]);
    ids.add((await packReport('data/report.yaml', settings, project, '0.2.0')).id);
    ids.add((await packReport('data/report.yaml', { ...settings, formats: ['html', 'pdf'] }, project, '0.1.0')).id);
    ids.add((await packReport('data/report.yaml', { ...settings, page: 'Letter' }, project, '0.1.0')).id);
    ids.add((await packReport('data/report.yaml', { ...settings, strict: true }, project, '0.1.0')).id);
    const profile = path.join(project, 'data', 'profiles', 'luo-fuli.yaml');
    await writeFile(profile, `${await readFile(profile, 'utf8')}# one more byte\n`);
    ids.add((await packReport('data/report.yaml', settings, project, '0.1.0')).id);
    expect(ids.size).toBe(6);
  });

  it('checks each profile once across the reports of one `queue add`, and still carries every file, portraits included', async () => {
    const project = await tempProject();
    const spec = await readFile(path.join(project, 'data', 'report.yaml'), 'utf8');
    await writeFile(path.join(project, 'data', 'second.yaml'), spec.replace('name: report', 'name: second'));
    await mkdir(path.join(project, 'data', 'photos'));
    await writeFile(path.join(project, 'data', 'photos', 'luo.png'), await drawnPortrait(1, { format: 'png' }));
    await namePortrait(path.join(project, 'data', 'profiles', 'luo-fuli.yaml'), '../photos/luo.png');
    const validation = new ValidationCache();
    const first = await packReport('data/report.yaml', settings, project, '0.1.0', validation);
    const second = await packReport('data/second.yaml', settings, project, '0.1.0', validation);
    expect(validation.validatedCount).toBe(2);
    const shared = ['data/photos/luo.png', 'data/profiles/luo-fuli.yaml', 'data/profiles/zeng-yan.yaml'];
    expect(Object.keys(first.payload.files).sort()).toEqual([...shared, 'data/report.yaml']);
    expect(Object.keys(second.payload.files).sort()).toEqual([...shared, 'data/second.yaml']);
    // The same job as when each is packed alone.
    expect(second.id).toBe((await packReport('data/second.yaml', settings, project, '0.1.0')).id);
  });

  it("carries the spec's template folder, read as a build reads it, and its messages for the report's language", async () => {
    const project = await tempProject();
    await mkdir(path.join(project, 'look', 'partials'), { recursive: true });
    await mkdir(path.join(project, 'look', 'messages'));
    await writeFile(path.join(project, 'look', 'extra.css'), 'h1 { letter-spacing: 0.01em; }\n');
    await writeFile(
      path.join(project, 'look', 'partials', 'cover.hbs'),
      '<section class="cover"><h1>{{title}}</h1></section>\n',
    );
    await writeFile(path.join(project, 'look', 'messages', 'de.yaml'), 'contents: Inhalt\n');
    await writeFile(path.join(project, 'look', 'messages', 'fr.yaml'), 'contents: Sommaire\n');
    await withSpecLine(project, 'templates: ../look\nlanguage: de');
    const packed = await packReport('data/report.yaml', settings, project, '0.1.0');
    expect(Object.keys(packed.payload.files)).toEqual([
      'data/profiles/luo-fuli.yaml',
      'data/profiles/zeng-yan.yaml',
      'data/report.yaml',
      'look/extra.css',
      'look/messages/de.yaml',
      'look/partials/cover.hbs',
    ]);
    expect(decode(packed.payload.files['look/messages/de.yaml'])).toBe('contents: Inhalt\n');
  });

  it('refuses a template file linked out of the project, with the message a build gives', async () => {
    const project = await tempProject();
    const secret = `${project}-secret.txt`;
    await writeFile(secret, 'PRIVATE KEY');
    await mkdir(path.join(project, 'look', 'partials'), { recursive: true });
    await symlink(secret, path.join(project, 'look', 'partials', 'cite.hbs'));
    await withSpecLine(project, 'templates: ../look');
    const error = await packReport('data/report.yaml', settings, project, '0.1.0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /cite\.hbs leads outside the project folder .*the symbolic link .*cite\.hbs points to .*-secret\.txt/,
    );
    await rm(secret);
  });

  it('refuses a spec whose profile cannot be read, with every problem a build would list', async () => {
    const project = await tempProject();
    await rm(path.join(project, 'data', 'profiles', 'luo-fuli.yaml'));
    const error = await packReport('data/report.yaml', settings, project, '0.1.0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([
      expect.objectContaining({
        file: 'data/report.yaml',
        path: 'profiles[1]',
        message:
          'the profile `profiles/luo-fuli.yaml` does not exist (looked for data/profiles/luo-fuli.yaml); the folder holds zeng-yan.yaml',
        severity: 'error',
      }),
    ]);
  });

  it('packs a profile with problems as it is: the job fails with them, as build would print them', async () => {
    const project = await tempProject();
    const profile = path.join(project, 'data', 'profiles', 'zeng-yan.yaml');
    await writeFile(profile, (await readFile(profile, 'utf8')).replace('birthYear: 1997', 'birthYear: soon'));
    const packed = await packReport('data/report.yaml', settings, project, '0.1.0');
    expect(decode(packed.payload.files['data/profiles/zeng-yan.yaml'])).toContain('birthYear: soon');
  });

  it('refuses a spec outside the folder it runs in', async () => {
    const project = await tempProject();
    const error = await packReport('../elsewhere/report.yaml', settings, path.join(project, 'data'), '0.1.0').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      `${path.join(project, 'elsewhere', 'report.yaml')} is outside this folder; run \`queue add\` from the project folder that holds the spec, since a job carries the project's files by their place in it`,
    );
  });

  it(`refuses a report whose files come to more than ${limits.jobInputBytes / 2 ** 20} MiB, naming the largest`, async () => {
    const project = await tempProject();
    const people: string[] = [];
    const profile = await readFile(path.join(project, 'data', 'profiles', 'zeng-yan.yaml'), 'utf8');
    // Eight profiles, each within the 1 MiB a profile may have, together past the job's bound.
    const room = limits.fileBytes - Buffer.byteLength(profile);
    const padding = `# ${'x'.repeat(1000)}\n`.repeat(Math.floor(room / 1003)) + `#${'x'.repeat((room % 1003) - 2)}\n`;
    for (let i = 1; i <= 8; i++) {
      await writeFile(path.join(project, 'data', 'profiles', `p${i}.yaml`), `${profile}${padding}`);
      expect(Buffer.byteLength(`${profile}${padding}`)).toBe(limits.fileBytes);
      people.push(`profiles/p${i}.yaml`);
    }
    const spec = path.join(project, 'data', 'report.yaml');
    await writeFile(
      spec,
      (await readFile(spec, 'utf8')).replace(
        /profiles:\n(  - .*\n)+/,
        `profiles:\n${people.map((p) => `  - ${p}\n`).join('')}`,
      ),
    );
    const error = await packReport('data/report.yaml', settings, project, '0.1.0').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /^data\/report\.yaml: the report's files come to 8\.0 MiB \(9 files; the largest data\/profiles\/p\d\.yaml, 1 MiB; .*\); a queued report may carry at most 8 MiB$/,
    );
  }, 60_000);
});

describe('a job is laid out in a folder of its own', () => {
  it('writes each file at its place and removes the folder afterwards', async () => {
    const project = await tempProject();
    const packed = await packReport('data/report.yaml', settings, project, '0.1.0');
    const unpacked = await unpackProject(packed.payload);
    try {
      expect(await listFiles(unpacked.dir)).toEqual([
        'data/profiles/luo-fuli.yaml',
        'data/profiles/zeng-yan.yaml',
        'data/report.yaml',
      ]);
      expect(await readFile(path.join(unpacked.dir, 'data', 'report.yaml'), 'utf8')).toBe(
        await readFile(path.join(project, 'data', 'report.yaml'), 'utf8'),
      );
    } finally {
      await unpacked.dispose();
    }
    expect(await listFiles(unpacked.dir).catch(() => 'gone')).toBe('gone');
  });

  it('accepts no path that could leave the folder', () => {
    for (const name of ['../x.yaml', '/etc/passwd', 'a/../../x', 'a//b', './a', 'a\\..\\b', '', 'a/\0b']) {
      const payload = { format: 1, tool: '0.1.0', spec: 'a.yaml', settings, files: { [name]: 'eA==' } };
      expect(jobPayloadSchema.safeParse(payload).success, JSON.stringify(name)).toBe(false);
    }
    expect(
      jobPayloadSchema.safeParse({ format: 1, tool: '0.1.0', spec: '../a.yaml', settings, files: {} }).success,
    ).toBe(false);
  });
});
