import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCli } from '../../src/cli/load-cli.js';

/** A folder holding a bundle as scripts/bundle-cli.mjs leaves it: the script and its hash. */
async function bundleFolder(source: string): Promise<{ folder: string; cache: string }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'load-cli-'));
  await writeFile(path.join(folder, 'main.bundle.cjs'), source);
  const sha256 = createHash('sha256').update(source).digest('hex');
  await writeFile(path.join(folder, 'main.bundle.json'), JSON.stringify({ sha256 }));
  return { folder, cache: path.join(folder, `main.bundle.${sha256.slice(0, 16)}.v8`) };
}

// Requires a built-in module, as the real bundle requires its externals.
const counting = `const path = require('node:path');
exports.main = async (argv) => argv.length + (path.basename(__filename) === 'main.bundle.cjs' ? 10 : 20);`;

describe('the command line loads from its bundle with the code V8 compiled last time', () => {
  it('runs the bundle, keeps its compiled code under the bundle hash, and starts from it next time', async () => {
    const { folder, cache } = await bundleFolder(counting);
    const first = await loadCli(folder);
    expect(await first.main(['a', 'b'])).toBe(12);
    expect(await readdir(folder)).not.toContain(path.basename(cache));
    await first.keepCompiledCode();
    const written = await stat(cache);
    expect(written.size).toBeGreaterThan(0);

    const second = await loadCli(folder);
    expect(await second.main(['a'])).toBe(11);
    await second.keepCompiledCode();
    // A cache V8 took is left as it was.
    expect((await stat(cache)).mtimeMs).toBe(written.mtimeMs);
    expect((await readdir(folder)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('replaces a cache V8 refuses, and never reads one made for another bundle', async () => {
    const { folder, cache } = await bundleFolder(counting);
    await writeFile(cache, 'not a code cache');
    const cli = await loadCli(folder);
    expect(await cli.main([])).toBe(10);
    await cli.keepCompiledCode();
    expect((await readFile(cache, 'utf8')).startsWith('not a code cache')).toBe(false);

    // Another bundle in the same folder: its hash names another cache.
    const other = await bundleFolder(`${counting}\n// changed`);
    expect(path.basename(other.cache)).not.toBe(path.basename(cache));
  });

  it('refuses a bundle that does not export the command line', async () => {
    const { folder } = await bundleFolder('exports.other = 1;');
    await expect(loadCli(folder)).rejects.toThrow(/does not export the command line's main/);
  });
});
