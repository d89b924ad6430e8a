import { readInputFile } from '../load/read-input-file.js';
import { RenderError } from '../errors.js';
import { readPdf } from '../pdf/read-pdf.js';
import { destinationPages } from './number-contents.js';
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
  let pages: Map<string, number>;
  try {
    pages = destinationPages(readPdf(read.bytes));
  } catch (error) {
    // A file this reader cannot read is no guess; the build prints twice and learns the pages.
    if (error instanceof RenderError) return undefined;
    throw error;
  }
  return pages.size > 0 ? pages : undefined;
}
