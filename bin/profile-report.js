#!/usr/bin/env node
// The compiled CLI; `npm run build` (or the README's set-up) produces dist/. It is loaded from
// the bundle with V8's code cache when there is one (see src/cli/load-cli.ts).
import { loadCli } from '../dist/cli/load-cli.js';

const argv = process.argv.slice(2);
const cli = await loadCli();
let printed = false;
process.exitCode = await cli.main(argv, {
  onPrintingCommand: () => {
    printed = true;
  },
});
// A build's compiled code is what the next start most needs; other commands leave the cache be.
if (argv[0] === 'build') await cli.keepCompiledCode(printed);
