import { createHash } from 'node:crypto';
import { mkdtemp, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCli } from '../../src/cli/load-cli.js';

/** A folder holding a bundle as scripts/bundle-cli.mjs leaves it: the script and its hash. */
async function bundleFolder(source: string): Promise<{ folder: string; cache: string }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'load-cli-'));
  await writeBundle(folder, source);
  return { folder, cache: path.join(folder, 'main.bundle.v8') };
}

async function writeBundle(folder: string, source: string, sha256 = hash(source)): Promise<void> {
  await writeFile(path.join(folder, 'main.bundle.cjs'), source);
  await writeFile(path.join(folder, 'main.bundle.json'), JSON.stringify({ sha256 }));
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The first line of the cache: what it was made for. */
async function cacheHeader(cache: string): Promise<{ bundle: string; printed: boolean }> {
  const text = await readFile(cache, 'latin1');
  return JSON.parse(text.slice(0, text.indexOf('\n'))) as { bundle: string; printed: boolean };
}

// Requires a built-in module, as the real bundle requires its externals.
const answering = (n: number): string => `const path = require('node:path');
exports.main = async (argv) => argv.length + ${n} + (path.basename(__filename) === 'main.bundle.cjs' ? 0 : 1000);`;

describe('the command line loads from its bundle with the code V8 compiled last time', () => {
  it('runs the bundle, keeps its compiled code, and starts from it next time', async () => {
    const { folder, cache } = await bundleFolder(answering(100));
    const first = await loadCli(folder);
    expect(await first.main(['a', 'b'])).toBe(102);
    await expect(stat(cache)).rejects.toThrow();
    await first.keepCompiledCode(true);
    const written = await stat(cache);
    expect(written.size).toBeGreaterThan(100);
    expect(await cacheHeader(cache)).toMatchObject({ printed: true });

    const second = await loadCli(folder);
    expect(await second.main(['a'])).toBe(101);
    await second.keepCompiledCode(true);
    await second.keepCompiledCode(false);
    // A cache V8 took, from a run that printed, is left as it was.
    expect((await stat(cache)).mtimeMs).toBe(written.mtimeMs);
  });

  it("never runs another bundle's code: an edit of the same length, with or without a new hash", async () => {
    const { folder, cache } = await bundleFolder(answering(100));
    const first = await loadCli(folder);
    // Run first: only the functions that ran are compiled into the cache.
    expect(await first.main([])).toBe(100);
    await first.keepCompiledCode(true);
    const made = await cacheHeader(cache);

    // Same length, same recorded hash (a hand edit): V8 alone would take the cache and run 100.
    await writeBundle(folder, answering(200), hash(answering(100)));
    const later = new Date(Date.now() + 5000);
    await utimes(path.join(folder, 'main.bundle.cjs'), later, later);
    const edited = await loadCli(folder);
    expect(await edited.main([])).toBe(200);
    await edited.keepCompiledCode(true);
    expect((await cacheHeader(cache)).bundle).not.toBe(made.bundle);

    // A rebuilt bundle: another hash.
    await writeBundle(folder, answering(300));
    expect(await (await loadCli(folder)).main([])).toBe(300);
  });

  it('replaces a cache that is not one, and one from a run that printed nothing after a run that printed', async () => {
    const { folder, cache } = await bundleFolder(answering(0));
    await writeFile(cache, 'not a code cache');
    const cli = await loadCli(folder);
    expect(await cli.main([])).toBe(0);
    await cli.keepCompiledCode(false);
    expect(await cacheHeader(cache)).toMatchObject({ printed: false });
    // V8 takes the cache; a run that prints then makes a fuller one.
    await (await loadCli(folder)).keepCompiledCode(true);
    expect(await cacheHeader(cache)).toMatchObject({ printed: true });
  });

  it('refuses a bundle that does not export the command line', async () => {
    const { folder } = await bundleFolder('exports.other = 1;');
    await expect(loadCli(folder)).rejects.toThrow(/does not export the command line's main/);
  });
});
