import { parse } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { UserError } from '../errors.js';
import { formatBytes } from '../limits.js';
import type { InputRequest } from '../load/load-inputs.js';
import { readInputFile } from '../load/read-input-file.js';
import { displayPath } from '../load/resolve-inside.js';
import { factsElementId, factsFileName } from './facts-schema.js';
import type { FactsDocument } from './facts-schema.js';
import { gitEditionFacts } from './git-edition.js';
import { parseFacts } from './parse-facts.js';

/** Largest edition file read: a report of eight people with hundreds of papers is well under it. */
const editionMaxBytes = 256 * 1024 * 1024;

/**
 * The facts of an earlier edition: `git:REV` (this project's spec and profiles at that
 * revision), or a report this tool wrote, as PDF (its attached facts) or HTML (its facts
 * block). Which of the two a file is comes from its first bytes, not its name.
 */
export async function readEditionFacts(edition: string, request: InputRequest): Promise<FactsDocument> {
  if (edition.startsWith('git:')) return gitEditionFacts(edition.slice(4), request);
  const shown = displayPath(request.cwd, edition);
  const read = await readInputFile(edition, editionMaxBytes);
  if (!read.ok) throw new UserError(`${shown}: ${read.problem.message}`);
  return editionFactsFromBytes(shown, read.bytes);
}

/** The facts in an edition's bytes (PDF or HTML); `file` names it in messages. */
export async function editionFactsFromBytes(file: string, bytes: Uint8Array): Promise<FactsDocument> {
  if (bytes.length > editionMaxBytes)
    throw new UserError(
      `${file}: the file is ${formatBytes(bytes.length)}; the limit is ${formatBytes(editionMaxBytes)}`,
    );
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return parseFacts(file, await pdfFacts(file, bytes));
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (/^\s*(<!--[\s\S]*?-->\s*)*<(!doctype|html|head|body|meta)/i.test(text.replace(/^\uFEFF/, '')))
    return parseFacts(file, htmlFacts(file, text));
  throw new UserError(`${file}: not an edition of a report: expected a PDF or an HTML file written by profile-report`);
}

/**
 * The facts attached to a PDF. Read with pdf.js, which copes with whatever a viewer that
 * re-saved the file did to it (object streams, compressed cross-references); it only parses
 * here, with evaluation off, and nothing is drawn.
 */
async function pdfFacts(file: string, bytes: Uint8Array): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let document: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']> | undefined;
  try {
    document = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
      stopAtErrors: true,
    }).promise;
    const attachments = ((await document.getAttachments()) ?? {}) as Record<
      string,
      { filename?: string; content?: Uint8Array }
    >;
    const facts = Object.values(attachments).find((a) => a.filename === factsFileName);
    if (!facts?.content)
      throw new UserError(
        `${file}: this PDF carries no facts (no ${factsFileName} attached): it is not an edition of profile-report, or one made before editions carried their facts`,
      );
    return new TextDecoder('utf-8', { fatal: true }).decode(facts.content);
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${file}: this PDF cannot be read (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    await document?.destroy();
  }
}

/** The text of the report's facts block: a `<script type="application/json">` with our id, found by parsing, never by searching text. */
function htmlFacts(file: string, text: string): string {
  const stack: DefaultTreeAdapterTypes.ParentNode[] = [parse(text)];
  while (stack.length > 0) {
    const node = stack.pop()!;
    for (const child of node.childNodes) {
      if (!('tagName' in child)) continue;
      const attrs = new Map(child.attrs.map((a) => [a.name, a.value]));
      if (
        child.tagName === 'script' &&
        attrs.get('id') === factsElementId &&
        attrs.get('type') === 'application/json'
      ) {
        return child.childNodes.map((c) => ('value' in c ? c.value : '')).join('');
      }
      stack.push(child);
      if (child.tagName === 'template' && 'content' in child) stack.push(child.content);
    }
  }
  throw new UserError(
    `${file}: this HTML carries no facts (no <script id="${factsElementId}">): it is not an edition of profile-report, or one made before editions carried their facts`,
  );
}
