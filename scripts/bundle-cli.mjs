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
 * hash: the code cache is kept under that name, so a cache never serves another bundle's code.
 */
import { createHash } from 'node:crypto';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
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
    bundler.onLoad({ filter: /\.js$/ }, async (args) => {
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
    // Puppeteer's WebDriver BiDi and download code: never used, as Chromium is Debian's, over CDP.
    'chromium-bidi',
    'proxy-agent',
    'yargs',
    'yargs/*',
  ],
  plugins: [ownUrl, importModuleOutside],
  legalComments: 'none',
  logLevel: 'warning',
});
if (result.errors.length > 0) process.exit(1);
// The code caches of earlier bundles can serve nothing now.
const cli = path.dirname(outfile);
for (const name of await readdir(cli))
  if (/^main\.bundle\..*\.v8$/.test(name)) await rm(path.join(cli, name), { force: true });
const bundle = await readFile(outfile);
await writeFile(
  path.join(dist, 'cli', 'main.bundle.json'),
  `${JSON.stringify({ sha256: createHash('sha256').update(bundle).digest('hex') })}\n`,
);
