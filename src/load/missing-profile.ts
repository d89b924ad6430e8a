import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { didYouMean } from '../validate/did-you-mean.js';

/**
 * Words for a profile the report spec names that does not exist: the path as the spec wrote
 * it, where it was looked for, and the YAML file beside it with the closest name, since the
 * usual cause is a typo (`sam-exampel.yaml`).
 */
export async function missingProfileMessage(written: string, absolute: string, shown: string): Promise<string> {
  const folder = path.dirname(absolute);
  const names = await readdir(folder).catch(() => [] as string[]);
  const candidates = names.filter((n) => /\.ya?ml$/i.test(n));
  const guess = didYouMean(path.basename(written), candidates);
  const where = shown === written ? '' : ` (looked for ${shown})`;
  if (guess)
    return `the profile \`${written}\` does not exist${where}; did you mean \`${path.posix.join(path.posix.dirname(written.replace(/\\/g, '/')), guess)}\`?`;
  if (names.length === 0) return `the profile \`${written}\` does not exist${where}, nor does its folder`;
  return `the profile \`${written}\` does not exist${where}; the folder holds ${candidates.length === 0 ? 'no .yaml files' : candidates.slice(0, 8).join(', ')}`;
}
