import { createHash } from 'node:crypto';

/**
 * Identifies a set's Handlebars text (the layout and every partial, by name): equal hashes,
 * equal templates. It keys the worker's compiled templates and tells the built-in templates,
 * and the precompiled module made from them, from anything else. Partials are taken in name
 * order: a folder lists its files in no fixed order.
 */
export function templateSourcesHash(set: {
  readonly layout: string;
  readonly partials: ReadonlyMap<string, string>;
}): string {
  const partials = [...set.partials].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify([set.layout, partials]))
    .digest('hex');
}
