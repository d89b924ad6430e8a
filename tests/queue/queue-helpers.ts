import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../helpers/run-cli.js';
import type { CliResult } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';

/**
 * A copy of the sample with one report spec per name (`data/<name>.yaml`), each its own report:
 * its own title and output name, the sample's two people. Small reports, so a test can send a
 * dozen through the queue without keeping the machine's two cores busy for long.
 */
export async function projectWithReports(names: readonly string[]): Promise<string> {
  const project = await tempProject();
  const spec = await readFile(path.join(project, 'data', 'report.yaml'), 'utf8');
  for (const name of names) {
    await writeFile(
      path.join(project, 'data', `${name}.yaml`),
      spec
        .replace('name: report', `name: ${name}`)
        .replace(/^title: .*$/m, `title: "Report ${name}: two balance points"`),
    );
  }
  return project;
}

/** Makes `data/<name>.yaml` a report of one person whose profile has a wrong birth year (line 8, column 14). */
export async function addBadReport(project: string, name: string): Promise<void> {
  const profile = await readFile(path.join(project, 'data', 'profiles', 'zeng-yan.yaml'), 'utf8');
  await writeFile(
    path.join(project, 'data', 'profiles', 'bad.yaml'),
    profile.replace('birthYear: 1997', 'birthYear: soon'),
  );
  const spec = await readFile(path.join(project, 'data', 'report.yaml'), 'utf8');
  await writeFile(
    path.join(project, 'data', `${name}.yaml`),
    spec
      .replace('name: report', `name: ${name}`)
      .replace(/profiles:\n(  - .*\n)+/, 'profiles:\n  - profiles/bad.yaml\n'),
  );
}

/** `profile-report queue ...` run to its end. */
export function queue(args: readonly string[], cwd: string): Promise<CliResult> {
  return runCli(['queue', ...args], { cwd });
}

/** The stdout of a `--json` run, parsed (tests check its shape with the summary schemas). */
export function json(result: CliResult): unknown {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`not JSON (exit ${result.code}):\n${result.stdout}\nstderr:\n${result.stderr}`);
  }
}
