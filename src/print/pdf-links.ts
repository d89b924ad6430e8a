import { RenderError } from '../errors.js';
import { decodePdfString } from './outline-titles.js';
import { linkProblem } from '../render/html-safety.js';

/** Actions a report's PDF never needs: each launches, runs, submits or opens something else. */
const refusedActions = new Set(['Launch', 'JavaScript', 'SubmitForm', 'ImportData', 'GoToR', 'GoToE', 'ResetForm', 'Rendition', 'Movie', 'Sound', 'RichMediaExecute']);

/**
 * Checks the links of the printed PDF, the last thing a reader clicks: every URI action must be
 * an https: address (internal links are destinations, not URIs), and no action may launch,
 * run or submit anything. The HTML was already checked, so this guards against a printer that
 * turned something else into a link. The objects are read outside the content streams (whose
 * compressed bytes are skipped), where Chromium writes annotations and actions.
 */
export function checkPdfLinks(pdf: Uint8Array): void {
  const problems = pdfLinkProblems(Buffer.from(pdf).toString('latin1'));
  if (problems.length > 0) throw new RenderError(`the printed PDF holds links a report may not have (${problems.slice(0, 5).join('; ')}); nothing was written`);
}

export function pdfLinkProblems(pdf: string): string[] {
  const problems: string[] = [];
  for (const part of outsideStreams(pdf)) {
    for (const match of part.matchAll(/\/URI\s*(\((?:\\[\s\S]|[^\\)])*\)|<[0-9A-Fa-f\s]*>)/g)) {
      const uri = decodePdfString(match[1]!);
      const problem = linkProblem(uri);
      if (problem || uri.trim().startsWith('#')) problems.push(`a link to ${uri.slice(0, 80)}`);
    }
    for (const match of part.matchAll(/\/S\s*\/([A-Za-z]+)/g)) {
      if (refusedActions.has(match[1]!)) problems.push(`a /${match[1]} action`);
    }
    if (/\/(JS|AA|OpenAction)\b/.test(part)) problems.push('an action that runs when the document or a page opens');
  }
  return problems;
}

/** The text of the file between its streams: `stream` ... `endstream` bodies are binary data. */
function* outsideStreams(pdf: string): Generator<string> {
  // `\bstream` never matches inside `endstream` (no word boundary between d and s).
  const start = /\bstream\r?\n/g;
  let at = 0;
  for (let m = start.exec(pdf); m; m = start.exec(pdf)) {
    yield pdf.slice(at, m.index);
    const end = pdf.indexOf('endstream', start.lastIndex);
    if (end < 0) return;
    at = end + 'endstream'.length;
    start.lastIndex = at;
  }
  yield pdf.slice(at);
}
