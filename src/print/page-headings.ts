import { parseFragment } from 'parse5';
import type { DefaultTreeAdapterTypes } from 'parse5';
import type { CDPSession } from 'puppeteer-core';
import type { Heading } from '../pdf/pair-bookmarks.js';

/** Most headings read; a report has a few hundred (one per section, person, model, theme). */
const maxHeadings = 5000;

/**
 * The headings of the page as Chromium parsed and laid it out: each h1–h6 in document order
 * with its text content (spaces collapsed), read from the page's DOM through the DevTools
 * protocol (its JavaScript stays off) and parsed by parse5, as the page was. These are the
 * texts the bookmarks must carry: the same elements Chromium makes bookmarks of, in logical
 * order, whatever the templates wrote.
 * Headings that take no box (display: none) print no bookmark and are left out.
 */
export async function pageHeadings(client: CDPSession): Promise<Heading[]> {
  const { root } = await client.send('DOM.getDocument', { depth: 0 });
  const { nodeIds } = await client.send('DOM.querySelectorAll', {
    nodeId: root.nodeId,
    selector: 'h1, h2, h3, h4, h5, h6',
  });
  // All asked at once: the protocol answers in order, and a report's hundreds of headings
  // then cost one round trip's wait instead of two each.
  const read = await Promise.all(nodeIds.slice(0, maxHeadings).map((nodeId) => readHeading(client, nodeId)));
  return read.filter((heading): heading is Heading => heading !== undefined);
}

async function readHeading(client: CDPSession, nodeId: number): Promise<Heading | undefined> {
  const laidOut = await client.send('DOM.getBoxModel', { nodeId }).then(
    () => true,
    () => false,
  );
  if (!laidOut) return undefined;
  // The DOM domain leaves out text nodes of white space only (the space between a name and
  // its other form), so the heading's markup is read back and parsed as the page's was.
  const { outerHTML } = await client.send('DOM.getOuterHTML', { nodeId });
  const element = parseFragment(outerHTML).childNodes.find((n): n is DefaultTreeAdapterTypes.Element => 'tagName' in n);
  if (!element) return undefined;
  const text = textContent(element).replace(/\s+/g, ' ').trim();
  return text === '' ? undefined : { text, level: Number(element.tagName.slice(1)) };
}

/** The text of an element's text nodes, in order, as the DOM's textContent gives it. */
function textContent(node: DefaultTreeAdapterTypes.Node): string {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value;
  return 'childNodes' in node ? node.childNodes.map(textContent).join('') : '';
}
