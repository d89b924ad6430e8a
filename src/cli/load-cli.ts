import { readFileSync, statSync } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import type { CliContext } from './main.js';

/** The command line's entry (cli/main.ts): the exit code for the arguments after `profile-report`. */
type Main = (argv: readonly string[], context?: Partial<CliContext>) => Promise<number>;

export interface LoadedCli {
  readonly main: Main;
  /**
   * Keeps the code V8 compiled during this run for the next start, when there is no cache for
   * this bundle yet (or V8 refused it: another Node), or when the cache came from a run that
   * printed nothing and this one printed: Puppeteer's code and the PDF stages are then in it too.
   */
  readonly keepCompiledCode: (printed: boolean) => Promise<void>;
}

/** What the cache's first line records: which bundle it was compiled for, and from what run. */
interface CacheHeader {
  /** The bundle's hash (main.bundle.json), size and modification time: any edit changes one. */
  readonly bundle: string;
  /** Whether the run that compiled it printed a PDF. */
  readonly printed: boolean;
}

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The command line, loaded as fast as this Node can: from the bundle that `npm run build`
 * makes (scripts/bundle-cli.mjs) with V8's code cache beside it, or, when there is no bundle
 * (a run from the sources, an unbundled dist), from its ES modules as usual.
 *
 * Node 20 keeps no compiled code for ES modules between runs, and compiling the program's
 * modules afresh was a fifth of a cold build. A script, though, can be given the code V8
 * compiled for it last time: `main.bundle.v8`, beside the bundle. V8 checks only that the source
 * has the same length, so the cache's first line names the bundle it was made for (its hash,
 * size and modification time) and a cache made for any other is not used: it would run that
 * bundle's code. The cache is trusted exactly as the bundle is, since whoever can write one can
 * write the other. A folder this user cannot write (a package installed by root) just means no
 * cache: every start compiles, as before.
 */
export async function loadCli(folder = here): Promise<LoadedCli> {
  const bundleFile = path.join(folder, 'main.bundle.cjs');
  const bundle = bundleIdentity(folder, bundleFile);
  if (!bundle) {
    const { main } = await import('./main.js');
    return { main, keepCompiledCode: () => Promise.resolve() };
  }
  const cacheFile = path.join(folder, 'main.bundle.v8');
  const cached = readCache(cacheFile, bundle.id);
  // Wrapped as Node wraps a CommonJS module, so that the bundle's require finds its externals.
  const script = new vm.Script(
    `(function (exports, require, module, __filename, __dirname) {${bundle.source}\n})`,
    cached ? { filename: bundleFile, cachedData: cached.data } : { filename: bundleFile },
  );
  const module = { exports: {} as { main?: Main } };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(bundleFile), module, bundleFile, folder);
  const { main } = module.exports;
  if (!main) throw new Error(`${bundleFile} does not export the command line's main`);
  return {
    main,
    keepCompiledCode: async (printed) => {
      const fresh = cached !== undefined && script.cachedDataRejected !== true;
      if (fresh && (cached.header.printed || !printed)) return;
      const header: CacheHeader = { bundle: bundle.id, printed };
      // Written whole, then renamed: a start never reads half a cache, and two builds writing
      // at once both leave a whole one.
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        await writeFile(
          temporary,
          Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), script.createCachedData()]),
          {
            mode: 0o644,
          },
        );
        await rename(temporary, cacheFile);
      } catch {
        await rm(temporary, { force: true });
      }
    },
  };
}

/** The bundle's source and identity, or undefined when there is no whole bundle to run. */
function bundleIdentity(folder: string, bundleFile: string): { source: string; id: string } | undefined {
  try {
    const { sha256 } = JSON.parse(readFileSync(path.join(folder, 'main.bundle.json'), 'utf8')) as {
      sha256?: unknown;
    };
    if (typeof sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(sha256)) return undefined;
    const { size, mtimeMs } = statSync(bundleFile);
    return { source: readFileSync(bundleFile, 'utf8'), id: `${sha256} ${size} ${mtimeMs}` };
  } catch {
    return undefined;
  }
}

/** The cache made for this bundle, or undefined (none, unreadable, or made for another). */
function readCache(file: string, bundle: string): { header: CacheHeader; data: Buffer } | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const end = bytes.indexOf(0x0a);
  if (end < 0 || end > 1024) return undefined;
  try {
    const header = JSON.parse(bytes.toString('utf8', 0, end)) as Partial<CacheHeader>;
    if (header.bundle !== bundle || typeof header.printed !== 'boolean') return undefined;
    return { header: { bundle, printed: header.printed }, data: bytes.subarray(end + 1) };
  } catch {
    return undefined;
  }
}
