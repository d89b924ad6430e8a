/**
 * `import()`, for the two modules that must be loaded as ES modules: harfbuzzjs (its module
 * awaits its WebAssembly at the top level, which `require` cannot load) and the precompiled
 * templates (loaded by file URL). The command line runs from a bundle compiled with V8's code
 * cache (scripts/bundle-cli.mjs, cli/load-cli.ts). Code run by `vm.Script` can call `import()`
 * only when given a loader for it, and in Node 20 code read from a code cache cannot even then
 * (`ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING`, with `USE_MAIN_CONTEXT_DEFAULT_LOADER` too): so the
 * bundle leaves this file out and requires it as it is, an ES module with a real `import()`.
 */
export function importModule(specifier: string): Promise<unknown> {
  return import(specifier);
}
