import { RenderError } from '../errors.js';
import type { PdfAction } from '../pdf/pdf-actions.js';
import type { PdfDocument } from '../pdf/read-pdf.js';
import { linkProblem } from '../render/html-safety.js';

/** Actions a reader may set off by clicking: a link to a page of the web, or to a place in the report. */
const clickable = new Set(['URI', 'GoTo']);

/**
 * Checks the actions of the printed PDF, the last thing a reader clicks, as the parsed objects
 * hold them (pdf-actions.ts): a link or bookmark may only go to an https: address or to a place
 * in the report, and nothing may run on its own (the document's /OpenAction or /AA, a page's or
 * an annotation's /AA, document JavaScript). The HTML was already checked, so this guards
 * against a printer that turned something else into an action. An address is only ever data:
 * `https://example.org/JS/AA-/S/Launch` is a link like any other.
 */
export function checkPdfLinks(doc: PdfDocument): void {
  const problems = pdfLinkProblems(doc.actions());
  if (problems.length > 0)
    throw new RenderError(
      `the printed PDF holds links a report may not have (${problems.slice(0, 5).join('; ')}); nothing was written`,
    );
}

function pdfLinkProblems(actions: readonly PdfAction[]): string[] {
  const problems: string[] = [];
  for (const action of actions) {
    if (action.trigger === 'opens') {
      problems.push(`an action that runs when the document opens (${action.where}: /${action.type})`);
    } else if (!clickable.has(action.type)) {
      problems.push(`a /${action.type} action (${action.where})`);
    } else if (action.type === 'URI') {
      const uri = action.uri ?? '';
      if (linkProblem(uri) || uri.trim().startsWith('#'))
        problems.push(`a link to ${uri.slice(0, 80)} (${action.where})`);
    }
  }
  return problems;
}
