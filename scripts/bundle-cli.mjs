#!/usr/bin/env node
/**
 * `npm run build`, last step: the command line compiled (dist/cli/main.js and everything it
 * imports) into one CommonJS file, dist/cli/main.bundle.cjs, which bin/profile-report.js runs
 * with V8's code cache (src/cli/load-cli.ts). Loading the program as some 500 separate ES
 * modules, each resolved, read and compiled on every start, was a fifth of a cold build's time;
 * Node 20 keeps no compiled code between runs for ES modules, but does for a script.
 *
 * Left out of the bundle, and required from node_modules as before: native modules (canvas,
 * sharp), what loads WebAssembly or evaluates Chart.js afresh (harfbuzzjs, chartjs-node-canvas),
 * jsonc-parser (UMD),
 * code the command line loads only for one rare command (the queue, imports, previous editions,
 * watching), and src/import-module.ts (see there). Beside the bundle, main.bundle.json records its
 * hash, which the code cache's first line must name (load-cli.ts).
 */
import { createHash } from 'node:crypto';
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const outfile = path.join(dist, 'cli', 'main.bundle.cjs');

/**
 * Each compiled module finds files beside itself with `import.meta.url` (templates, catalogues,
 * the template worker). In the bundle it becomes that module's own URL, worked out from where the
 * bundle is, so the files are found wherever the package is installed.
 */
const ownUrl = {
  name: 'own-import-meta-url',
  setup(bundler) {
    bundler.onLoad({ filter: /\.js$/, namespace: 'file' }, async (args) => {
      const contents = await readFile(args.path, 'utf8');
      if (!args.path.startsWith(dist + path.sep) || !contents.includes('import.meta')) return undefined;
      const fromBundle = path.relative(path.dirname(outfile), args.path).split(path.sep).join('/');
      return {
        contents: `const __ownUrl = __urlBesideBundle(${JSON.stringify(fromBundle)});\n${contents}`,
        loader: 'js',
      };
    });
  },
};

/** import-module.js stays its own ES module (see src/import-module.ts), required from the bundle. */
const importModuleOutside = {
  name: 'import-module-outside',
  setup(bundler) {
    bundler.onResolve({ filter: /\/import-module\.js$/ }, (args) => {
      const file = path.resolve(args.resolveDir, args.path);
      const fromBundle = path.relative(path.dirname(outfile), file).split(path.sep).join('/');
      return { path: fromBundle.startsWith('.') ? fromBundle : `./${fromBundle}`, external: true };
    });
  },
};

/**
 * Puppeteer's WebDriver BiDi (chromium-bidi), and the download code and command line of
 * @puppeteer/browsers (proxy-agent, yargs): never run, as this program drives Debian's Chromium
 * over CDP and downloads nothing. They are replaced by modules that fail loudly if that ever
 * changes. Not required from node_modules instead: they are not this package's dependencies,
 * and a package manager that does not hoist (pnpm, npm's nested strategy) leaves them where a
 * require from dist/cli cannot see them, while proxy-agent is loaded by every PDF build.
 */
const leftOut = {
  name: 'left-out',
  setup(bundler) {
    bundler.onResolve({ filter: /^(chromium-bidi|proxy-agent|yargs)(\/.*)?$/ }, (args) => ({
      path: args.path,
      namespace: 'left-out',
    }));
    bundler.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => {
      const why = `${args.path} is left out of profile-report's bundle (scripts/bundle-cli.mjs): it never downloads a browser nor speaks WebDriver BiDi`;
      return {
        contents:
          args.path === 'proxy-agent'
            ? `export class ProxyAgent { constructor() { throw new Error(${JSON.stringify(why)}); } }`
            : `throw new Error(${JSON.stringify(why)});`,
        loader: 'js',
      };
    });
  },
};

const result = await build({
  entryPoints: [path.join(dist, 'cli', 'main.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Every import() becomes a require(): code read from the cache could not run an import().
  supported: { 'dynamic-import': false },
  define: { 'import.meta.url': '__ownUrl' },
  banner: {
    js: '"use strict";\nconst __urlBesideBundle = (file) => require("node:url").pathToFileURL(require("node:path").join(__dirname, file)).href;',
  },
  external: [
    'canvas',
    'sharp',
    'harfbuzzjs',
    'chartjs-node-canvas',
    'chart.js',
    'bullmq',
    'ioredis',
    'chokidar',
    'pdfjs-dist',
    '@citation-js/*',
    // A UMD module whose factory requires its own files by relative path, which a bundle cannot.
    'jsonc-parser',
  ],
  plugins: [ownUrl, importModuleOutside, leftOut],
  legalComments: 'none',
  logLevel: 'warning',
  // Written below, whole: a CLI starting meanwhile never reads half a bundle.
  write: false,
});
if (result.errors.length > 0) process.exit(1);
const [output] = result.outputFiles;
// Each file is written to a temporary name and renamed, so a CLI starting meanwhile reads a whole
// bundle; the code cache of the earlier one is removed (it can serve nothing now), and a cache
// is never used for a bundle it was not made for in any case (see load-cli.ts).
async function replace(file, contents) {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, contents);
  await rename(temporary, file);
}
await replace(outfile, output.contents);
await rm(path.join(path.dirname(outfile), 'main.bundle.v8'), { force: true });
await replace(
  path.join(dist, 'cli', 'main.bundle.json'),
  `${JSON.stringify({ sha256: createHash('sha256').update(output.contents).digest('hex') })}\n`,
);
