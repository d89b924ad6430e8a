import { readInputFile } from '../load/read-input-file.js';
import { namedDestinationPages } from './named-destinations.js';
import type { SectionPages } from './number-contents.js';

/** A previous PDF larger than this is not read for its pages: the 200-page report is about 8 MiB. */
const maxBytes = 64 * 1024 * 1024;

/**
 * The section pages of the PDF a previous build left at `pdfPath`, to guess this build's
 * contents from (number-contents.ts checks the guess, so a stale or foreign file costs one more
 * print, never a wrong number). Anything unreadable is no guess.
 */
export async function previousContents(pdfPath: string): Promise<SectionPages | undefined> {
  const read = await readInputFile(pdfPath, maxBytes);
  if (!read.ok) return undefined;
  const pages = namedDestinationPages(read.bytes);
  return pages.size > 0 ? pages : undefined;
}
