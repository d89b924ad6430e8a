import {
  chmod,
  chown,
  lstat,
  mkdir,
  mkdtemp,
  readFile,
  readlink,
  rename,
  rm,
  stat,
  symlink,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/**
 * Files a user made private stay private when the tool replaces them, and a profile reached
 * through a symbolic link is updated where it really is, or not at all.
 */
const outsides: string[] = [];
afterAll(async () => {
  await Promise.all(outsides.map((dir) => rm(dir, { recursive: true, force: true })));
});

const bib =
  '@article{seedance, title={Seedance 2.0 Pre-Training}, author={Zeng, Yan and Zhou, Chang}, journal={ByteDance Seed Technical Reports}, year=2026}\n';

async function projectWithBib(): Promise<string> {
  const project = await tempProject();
  await writeFile(path.join(project, 'new.bib'), bib);
  return project;
}

const modeOf = async (file: string): Promise<number> => (await stat(file)).mode & 0o777;

describe('replacing a file keeps its permissions', () => {
  it('a report made private (0600, 0640) is rebuilt private', async () => {
    const project = await tempProject();
    expect((await runCli(['build'], { cwd: project })).code).toBe(0);
    await chmod(path.join(project, 'out', 'report.html'), 0o600);
    await chmod(path.join(project, 'out', 'report.pdf'), 0o640);
    const rebuilt = await runCli(['build'], { cwd: project });
    expect(rebuilt.code, rebuilt.stderr).toBe(0);
    expect(await modeOf(path.join(project, 'out', 'report.html'))).toBe(0o600);
    expect(await modeOf(path.join(project, 'out', 'report.pdf'))).toBe(0o640);
  }, 120_000);

  it('a profile made private (0600) stays private after an import into it', async () => {
    const project = await projectWithBib();
    const profile = path.join(project, 'data', 'profiles', 'zeng-yan.yaml');
    await chmod(profile, 0o600);
    const result = await runCli(['import', 'new.bib', '--into', 'data/profiles/zeng-yan.yaml'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(await readFile(profile, 'utf8')).toContain('Seedance 2.0 Pre-Training');
    expect(await modeOf(profile)).toBe(0o600);
  });

  it.runIf(process.getuid?.() === 0)('run as root, a file keeps its owner and group', async () => {
    const project = await projectWithBib();
    const profile = path.join(project, 'data', 'profiles', 'zeng-yan.yaml');
    await chown(profile, 4321, 4322);
    await chmod(profile, 0o640);
    const result = await runCli(['import', 'new.bib', '--into', 'data/profiles/zeng-yan.yaml'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const info = await stat(profile);
    expect([info.uid, info.gid, info.mode & 0o777]).toEqual([4321, 4322, 0o640]);
  });
});

describe('importing into a profile that is a symbolic link', () => {
  it('a link to a file inside the project: the file gets the import, the link stays a link', async () => {
    const project = await projectWithBib();
    const shared = path.join(project, 'shared');
    await mkdir(shared);
    await rename(path.join(project, 'data', 'profiles', 'zeng-yan.yaml'), path.join(shared, 'zeng-yan.yaml'));
    await chmod(path.join(shared, 'zeng-yan.yaml'), 0o600);
    await symlink('../../shared/zeng-yan.yaml', path.join(project, 'data', 'profiles', 'zeng-yan.yaml'));
    const result = await runCli(['import', 'new.bib', '--into', 'data/profiles/zeng-yan.yaml'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const link = path.join(project, 'data', 'profiles', 'zeng-yan.yaml');
    expect((await lstat(link)).isSymbolicLink()).toBe(true);
    expect(await readlink(link)).toBe('../../shared/zeng-yan.yaml');
    expect(await readFile(path.join(shared, 'zeng-yan.yaml'), 'utf8')).toContain('Seedance 2.0 Pre-Training');
    expect(await modeOf(path.join(shared, 'zeng-yan.yaml'))).toBe(0o600);
    expect((await listFiles(project)).filter((f) => /\.(tmp|old|lock|journal)$/.test(f))).toEqual([]);
  });

  it('a link to a file outside the project: refused with exit 1, naming both; neither changes', async () => {
    const project = await projectWithBib();
    const outside = await mkdtemp(path.join(os.tmpdir(), 'profile-report-outside-'));
    outsides.push(outside);
    const target = path.join(outside, 'zeng-yan.yaml');
    const link = path.join(project, 'data', 'profiles', 'zeng-yan.yaml');
    await rename(link, target);
    await symlink(target, link);
    const before = await readFile(target, 'utf8');
    const result = await runCli(['import', 'new.bib', '--into', 'data/profiles/zeng-yan.yaml'], { cwd: project });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain(
      `data/profiles/zeng-yan.yaml is a symbolic link to ${target}, outside the project folder (${project}); a file is written through a link only inside the project: name that file itself to write to it; nothing was written`,
    );
    expect(result.stderr).not.toMatch(/\n\s+at [\w.<]/);
    expect(await readFile(target, 'utf8')).toBe(before);
    expect(await readlink(link)).toBe(target);
    expect(await listFiles(outside)).toEqual(['zeng-yan.yaml']);
  });
});
