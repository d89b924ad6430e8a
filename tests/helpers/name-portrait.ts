import { readFile, writeFile } from 'node:fs/promises';

/**
 * Makes a profile name `file` as its portrait: a `person.photo` block (generated-image credit,
 * source `article`) written just before `headline:`, the profile otherwise unchanged. Returns
 * the 1-based line of the block's `file:`, where a refused portrait is reported.
 */
export async function namePortrait(
  profile: string,
  file: string,
  credit = 'Drawn by the tests',
): Promise<{ fileLine: number }> {
  const text = await readFile(profile, 'utf8');
  const at = text.indexOf('\n  headline:');
  if (at < 0) throw new Error(`${profile} has no person.headline to put a portrait before`);
  const before = text.slice(0, at + 1);
  await writeFile(
    profile,
    `${before}  photo:\n    file: ${file}\n    credit: "${credit}"\n    source: article\n${text.slice(at + 1)}`,
  );
  // The lines before the block, then `photo:`, then `file:`.
  return { fileLine: before.split('\n').length + 1 };
}
