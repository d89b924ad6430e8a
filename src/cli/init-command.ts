import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError, UserError, exitCodes } from '../errors.js';
import { slug } from '../derive/format.js';
import { starterProfile } from '../init/starter-profile.js';
import { ensureDir } from '../write/ensure-dir.js';
import type { CommandContext } from './build-command.js';

const packageSchema = fileURLToPath(new URL('../../data/profile.schema.json', import.meta.url));

/**
 * `profile-report init NAME`: writes a starter profile to data/profiles/<name>.yaml (or
 * --dir), with the schema line pointing at the project's schema copy if it has one, else at
 * this package's. Never overwrites.
 */
export async function runInit(name: string, flags: { dir?: string }, ctx: CommandContext): Promise<number> {
  const trimmed = name.trim();
  if (!trimmed) throw new UsageError('init needs a name, for example: profile-report init "Ada Lovelace"');
  const fileName = `${slug(trimmed, 'person')}.yaml`;
  const dir = path.resolve(ctx.cwd, flags.dir ?? (existsSync(path.join(ctx.cwd, 'data', 'profiles')) ? path.join('data', 'profiles') : '.'));
  const file = path.join(dir, fileName);
  const projectSchema = path.join(ctx.cwd, 'data', 'profile.schema.json');
  const schema = path.relative(dir, existsSync(projectSchema) ? projectSchema : packageSchema).split(path.sep).join('/');
  await ensureDir(dir);
  try {
    // 'wx': fails if the file exists, with no window between checking and writing.
    await writeFile(file, starterProfile(trimmed, schema), { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new UserError(`${path.relative(ctx.cwd, file)} already exists; init never overwrites a profile (choose another name or --dir)`);
    }
    throw new UserError(`cannot write ${path.relative(ctx.cwd, file)}: ${(error as Error).message}`, { cause: error });
  }
  ctx.term.err(`wrote ${path.relative(ctx.cwd, file)}: a starter profile with every section. Fill it in, then run: profile-report validate ${path.relative(ctx.cwd, file)}`);
  return exitCodes.ok;
}
