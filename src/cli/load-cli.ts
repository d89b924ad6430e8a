import { readFileSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The command line's entry: the exit code for the arguments after `profile-report`. */
type Main = (argv: readonly string[]) => Promise<number>;

export interface LoadedCli {
  readonly main: Main;
  /**
   * Keeps the code V8 compiled during this run for the next start, when there was no cache yet
   * (or V8 refused it: another Node). Called after a build, whose code is what a start needs.
   */
  readonly keepCompiledCode: () => Promise<void>;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The command line, loaded as fast as this Node can: from the bundle that `npm run build`
 * makes (scripts/bundle-cli.mjs) with V8's code cache beside it, or, when there is no bundle
 * (a run from the sources, an unbundled dist), from its ES modules as usual.
 *
 * Node 20 keeps no compiled code for ES modules between runs, and compiling the program's
 * modules afresh was a fifth of a cold build. A script, though, can be given the code V8
 * compiled for it last time. The cache is written beside the bundle, named after the bundle's
 * hash (so it never serves another bundle's code) and trusted exactly as the bundle is: whoever
 * can write one can write the other. A folder this user cannot write (a package installed by
 * root) just means no cache: every start compiles, as before.
 */
export async function loadCli(folder = here): Promise<LoadedCli> {
  const bundleFile = path.join(folder, 'main.bundle.cjs');
  let source: string;
  let sha256: string;
  try {
    source = readFileSync(bundleFile, 'utf8');
    ({ sha256 } = JSON.parse(readFileSync(path.join(folder, 'main.bundle.json'), 'utf8')) as { sha256: string });
  } catch {
    const { main } = await import('./main.js');
    return { main, keepCompiledCode: () => Promise.resolve() };
  }
  const cacheFile = path.join(folder, `main.bundle.${sha256.slice(0, 16)}.v8`);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // Wrapped as Node wraps a CommonJS module, so that the bundle's require finds its externals.
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${source}\n})`,
    cachedData ? { filename: bundleFile, cachedData } : { filename: bundleFile },
  );
  const module = { exports: {} as { main?: Main } };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundleFile), module, bundleFile, folder);
  const { main } = module.exports;
  if (!main) throw new Error(`${bundleFile} does not export the command line's main`);
  const stale = cachedData === undefined || script.cachedDataRejected === true;
  return {
    main,
    keepCompiledCode: async () => {
      if (!stale) return;
      // Written whole, then renamed: a start never reads half a cache, and two builds writing
      // at once both leave a whole one.
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        await writeFile(temporary, script.createCachedData(), { mode: 0o644 });
        await rename(temporary, cacheFile);
      } catch {
        await rm(temporary, { force: true });
      }
    },
  };
}
