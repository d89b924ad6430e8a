import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';

/**
 * `mkdir -p` that always ends. Node's own recursive mkdir never settles for some paths (under
 * /proc on Linux it retries forever), and an output folder comes from user input, so parents are
 * created one level at a time, at most 64 deep, and any error other than "exists" is thrown.
 */
export async function ensureDir(dir: string, depth = 0): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await stat(dir)).isDirectory()) return;
      throw Object.assign(new Error(`${dir} exists and is not a folder`), { code: 'ENOTDIR' });
    }
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parent === dir || depth >= 64) throw error;
    await ensureDir(parent, depth + 1);
    await mkdir(dir);
  }
}
