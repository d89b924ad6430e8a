// Preloaded (node --import) into the compiled CLI by tests/render/template-renderer-cli.test.ts:
// writes to the file MODULE_LOG the URL of every module the process loads (through
// module-log-hooks.mjs) and a line for every worker thread it starts. With
// STALE_PRECOMPILED_TEMPLATES=1 the module of precompiled templates is served with another hash,
// as a dist built before a template was edited would be.
import { appendFileSync } from 'node:fs';
import { register } from 'node:module';

const log = process.env['MODULE_LOG'];
if (!log) throw new Error('module-log.mjs: set MODULE_LOG to the file to write to');
// Node's own thread for the hooks below is a worker too (an InternalWorker): not counted.
process.on('worker', (worker) => {
  if (worker.constructor.name !== 'InternalWorker') appendFileSync(log, 'worker thread started\n');
});
register('./module-log-hooks.mjs', import.meta.url, {
  data: { log, stale: process.env['STALE_PRECOMPILED_TEMPLATES'] === '1' },
});
