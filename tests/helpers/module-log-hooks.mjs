// Module hooks for module-log.mjs (they run on Node's hooks thread).
import { appendFileSync } from 'node:fs';

let log = '';
let stale = false;

export function initialize(data) {
  ({ log, stale } = data);
}

export async function load(url, context, nextLoad) {
  appendFileSync(log, `${url}\n`);
  const loaded = await nextLoad(url, context);
  if (!stale || !url.endsWith('/built-in-templates.precompiled.js')) return loaded;
  const source = String(loaded.source).replace(/^export const sourcesHash = "[0-9a-f]{64}";$/m, () => {
    appendFileSync(log, 'precompiled templates served stale\n');
    return 'export const sourcesHash = "made from templates since edited";';
  });
  return { ...loaded, source };
}
