/**
 * `import()`, for the two modules that must be loaded as ES modules: harfbuzzjs (its module
 * awaits its WebAssembly at the top level, which `require` cannot load) and the precompiled
 * templates (loaded by file URL). The command line runs from a bundle compiled with V8's code
 * cache (scripts/bundle-cli.mjs, cli/load-cli.ts), and in Node 20 code read from that cache
 * cannot call `import()`: so the bundle leaves this file out and requires it as it is.
 */
export function importModule(specifier: string): Promise<unknown> {
  return import(specifier);
}
