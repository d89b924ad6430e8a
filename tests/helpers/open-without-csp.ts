import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { html, parse, serialize } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import { openWithJavaScript } from './open-with-javascript.js';

type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/**
 * Opens a report as a viewer that ignores a `<meta>` Content-Security-Policy would (many mail
 * clients and previewers do): the page's own policy is taken out, then the page is opened from
 * disk in Chromium with JavaScript on. What stays between the page and the network is only
 * what the tool let into it. `extraCss` is added to <head> as one more <style>, for tests that
 * show an attack works when nothing checks it.
 */
export async function openWithoutMetaCsp(
  file: string,
  extraCss?: string,
): Promise<{ consoleErrors: string[]; policies: number }> {
  const document = parse(await readFile(file, 'utf8'));
  let policies = 0;
  const stack: ParentNode[] = [document];
  while (stack.length > 0) {
    const node = stack.pop()!;
    node.childNodes = node.childNodes.filter((child) => {
      const isPolicy =
        'tagName' in child &&
        child.tagName === 'meta' &&
        child.attrs.some((a) => a.name === 'http-equiv' && a.value.toLowerCase() === 'content-security-policy');
      if (isPolicy) policies++;
      return !isPolicy;
    });
    for (const child of node.childNodes) if ('childNodes' in child) stack.push(child);
    if ('tagName' in node && node.tagName === 'head' && extraCss !== undefined) {
      const style: DefaultTreeAdapterTypes.Element = {
        nodeName: 'style',
        tagName: 'style',
        attrs: [],
        namespaceURI: html.NS.HTML,
        childNodes: [],
        parentNode: node,
      };
      style.childNodes.push({ nodeName: '#text', value: extraCss, parentNode: style });
      node.childNodes.push(style);
    }
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'profile-report-no-csp-'));
  try {
    const copy = path.join(dir, path.basename(file));
    await writeFile(copy, serialize(document));
    return { ...(await openWithJavaScript(copy)), policies };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
