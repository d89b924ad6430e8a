import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError, UserError, exitCodes } from '../errors.js';
import { profileFileName } from '../init/profile-file-name.js';
import { realFolderInside } from '../load/real-path.js';
import { starterProfile } from '../init/starter-profile.js';
import { starterProject } from '../init/starter-project.js';
import { formatJsonSchema, profileJsonSchema } from '../schema/json-schema.js';
import type { CommandContext } from './build-command.js';
import { commandName } from './command-name.js';

const projectSpec = path.join('data', 'report.yaml');

/**
 * `profile-report init`: a whole project in an empty folder (a report spec, two starter
 * profiles, the JSON Schemas), ready for `build`. `profile-report init NAME`: one more profile,
 * in data/profiles/ (or --dir). Never overwrites; every `$schema` line is relative, to a copy
 * of the schema inside the project, so it survives moving or sharing the folder.
 */
export async function runInit(name: string | undefined, flags: { dir?: string }, ctx: CommandContext): Promise<number> {
  return name === undefined ? initProject(flags, ctx) : initProfile(name, flags, ctx);
}

async function initProject(flags: { dir?: string }, ctx: CommandContext): Promise<number> {
  const root = path.resolve(ctx.cwd, flags.dir ?? '.');
  const shown = (file: string): string => path.relative(ctx.cwd, path.join(root, file)) || '.';
  if (existsSync(path.join(root, projectSpec))) {
    throw new UserError(
      `${shown(projectSpec)} already exists, so this is a project already; add a person with: profile-report init "Their Name"`,
    );
  }
  const files = starterProject(ctx.today, commandName());
  const taken = files.filter((f) => existsSync(path.join(root, f.path)));
  if (taken.length > 0)
    throw new UserError(
      `init never overwrites, and these exist: ${taken.map((f) => shown(f.path)).join(', ')}; run it in an empty folder (or --dir NEW-FOLDER)`,
    );
  const written: string[] = [];
  try {
    for (const file of files) {
      const target = path.join(root, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.text, { flag: 'wx' });
      written.push(target);
    }
  } catch (error) {
    // All or nothing: a half-made project would only confuse the next `init`.
    await Promise.all(written.map((f) => rm(f, { force: true })));
    throw new UserError(`cannot write ${shown(files[written.length]?.path ?? '.')}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const profiles = files.filter((f) => f.path.startsWith('data/profiles/')).map((f) => shown(f.path));
  const build = flags.dir
    ? `cd ${path.relative(ctx.cwd, root) || '.'} && profile-report build`
    : 'profile-report build';
  ctx.term.err(
    [
      `wrote a new project: ${shown(projectSpec)} (what to compare), ${profiles.join(' and ')} (two starter profiles), and the JSON Schemas editors use.`,
      `next: ${build}   (writes out/report.html and out/report.pdf)`,
      'then replace the starter profiles with real people: profile-report init "Their Name" adds one more.',
    ].join('\n'),
  );
  return exitCodes.ok;
}

async function initProfile(name: string, flags: { dir?: string }, ctx: CommandContext): Promise<number> {
  const trimmed = name.trim();
  if (!trimmed)
    throw new UsageError(
      'init needs a name, for example: profile-report init "Ada Lovelace" (or no name at all, for a new project)',
    );
  const inProject = existsSync(path.join(ctx.cwd, 'data', 'profiles'));
  const dir = path.resolve(ctx.cwd, flags.dir ?? (inProject ? path.join('data', 'profiles') : '.'));
  const file = path.join(dir, profileFileName(trimmed));
  const shown = path.relative(ctx.cwd, file);
  // The project's copy of the schema when the profile goes into the project, else a copy
  // beside the profile: never the package's own, nor a path from outside back into the
  // project, which breaks as soon as either is moved or the profile is shared.
  const projectSchema = path.join(ctx.cwd, 'data', 'profile.schema.json');
  const intoProject = (await realFolderInside(dir, ctx.cwd)).ok;
  const schemaFile = intoProject && existsSync(projectSchema) ? projectSchema : path.join(dir, 'profile.schema.json');
  const schemaLine = path.relative(dir, schemaFile).split(path.sep).join('/');
  await mkdir(dir, { recursive: true });
  try {
    // 'wx': fails if the file exists, with no window between checking and writing.
    await writeFile(
      file,
      starterProfile(trimmed, schemaLine.startsWith('.') ? schemaLine : `./${schemaLine}`, commandName()),
      { flag: 'wx' },
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError(`${shown} already exists; init never overwrites a profile (choose another name or --dir)`);
    }
    throw new UserError(`cannot write ${shown}: ${(error as Error).message}`, { cause: error });
  }
  if (!existsSync(schemaFile))
    await writeFile(schemaFile, formatJsonSchema(profileJsonSchema()), { flag: 'wx' }).catch(() => undefined);
  const spec = path.join(ctx.cwd, projectSpec);
  // A spec may only name profiles inside its project.
  const next =
    existsSync(spec) && intoProject
      ? `add it to \`profiles:\` in ${path.relative(ctx.cwd, spec)} to put it in the report`
      : `compare it with others: profile-report build ${shown} OTHER.yaml`;
  ctx.term.err(
    `wrote ${shown}: a starter profile with every section. Fill it in, check it with: profile-report validate ${shown}\nthen ${next}.`,
  );
  return exitCodes.ok;
}
