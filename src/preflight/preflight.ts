import { ValidationError, reportProblems } from '../errors.js';
import type { Problem } from '../errors.js';
import type { Heading } from '../pdf/pair-bookmarks.js';
import type { PdfDocument } from '../pdf/read-pdf.js';
import { checkPdfLinks } from './pdf-links.js';
import { pdfPreflight } from './pdf-preflight.js';
import { splitBlocks } from './split-blocks.js';
import { strandedHeadings } from './stranded-headings.js';

/** The printed PDF, as the PDF stage hands it over: parsed once, before and after finishing. */
export interface PrintedDocuments {
  /** As Chromium printed it: the pages and their drawing. */
  readonly printed: PdfDocument;
  /** After finishing (metadata, bookmarks, attachments): what a reader opens and clicks. */
  readonly finished: PdfDocument;
  /** The page's headings as laid out: what the bookmarks must say. */
  readonly headings: readonly Heading[];
}

export interface PreflightInput {
  /**
   * Text of the spec and profiles that no font draws (unrenderableText). It needs only the
   * inputs and the fonts, so the pipeline checks it while Chromium prints, and hands it in.
   */
  readonly unrenderable: readonly Problem[];
  /** The page as written. */
  readonly html: string;
  /** Absent when no PDF was made (`--format html`). */
  readonly pdf?: PrintedDocuments;
  /** What the stages before noticed: loading, templates, derive, charts, printing. */
  readonly earlier: readonly Problem[];
  /** `--strict`: any warning refuses the build. */
  readonly strict: boolean;
}

/**
 * The preflight: what the build can tell is wrong with what it made, all in one stage, run
 * once the outputs exist and before anything is written. Silence must mean success, so each
 * check that finds something says so as a warning: text no font draws, a page a reader would
 * see as broken, a block or heading cut across pages. A link or action a report may not have
 * is not a warning but a RenderError: that PDF is never written. With `strict`, any warning
 * (these and every earlier one) is an error: a ValidationError, exit code 1, nothing written.
 * Returns every warning of the build, the earlier ones first.
 */
export function preflight(input: PreflightInput): Problem[] {
  const pdf = input.pdf;
  if (pdf) checkPdfLinks(pdf.finished);
  const warnings = [
    ...input.earlier,
    ...input.unrenderable,
    ...(pdf
      ? reportProblems([
          ...pdfPreflight(pdf.printed, pdf.finished, pdf.headings),
          // The printed document: its objects and its pages' drawings are read already (finishing
          // leaves both as they were); read again from the finished bytes they cost 0.1 s.
          ...splitBlocks(pdf.printed, input.html),
          ...strandedHeadings({ outline: pdf.finished.outline, pages: pdf.printed.pages }),
        ])
      : []),
  ];
  if (input.strict) refuseWarnings(warnings);
  return warnings;
}

/** --strict: every warning becomes an error; a ValidationError, so the exit code is 1 and nothing is written. */
function refuseWarnings(warnings: readonly Problem[]): void {
  if (warnings.length === 0) return;
  throw new ValidationError(
    warnings.map((p) => ({ ...p, severity: 'error' as const, message: `${p.message} (--strict)` })),
  );
}
