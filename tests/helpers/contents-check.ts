import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { readPdf } from '../../src/pdf/read-pdf.js';
import { destinationPages } from '../../src/print/number-contents.js';

/**
 * The contents' page numbers against where the sections really are. For each `section-*`
 * destination (where the contents' links and the bookmarks point), the cover's text must list
 * that section's page number, and the page must hold the section's heading. Returns the
 * mismatches, empty when the contents are right.
 */
export async function contentsMismatches(pdfPath: string, titles: Readonly<Record<string, string>>): Promise<string[]> {
  const pages = destinationPages(readPdf(await readFile(pdfPath)));
  const { stdout } = await promisify(execFile)('pdftotext', ['-layout', pdfPath, '-'], {
    maxBuffer: 256 * 1024 * 1024,
  });
  const texts = stdout.split('\f');
  const cover = texts[0]!.replace(/\s+/g, ' ');
  const wrong: string[] = [];
  for (const [id, title] of Object.entries(titles)) {
    const page = pages.get(id);
    if (page === undefined) {
      wrong.push(`${id}: no destination`);
      continue;
    }
    if (!new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s_.]*${page}\\b`).test(cover))
      wrong.push(`${id}: the contents do not say page ${page}`);
    if (!texts[page - 1]!.includes(title)) wrong.push(`${id}: page ${page} does not hold "${title}"`);
  }
  return wrong;
}

export const englishSections: Readonly<Record<string, string>> = {
  'section-at-a-glance': 'At a glance',
  'section-timeline': 'Timeline',
  'section-education': 'Education',
  'section-papers': 'Papers',
  'section-models': 'Models and their metrics',
  'section-balance-points': 'Balance points',
  'section-sources': 'Sources',
};
