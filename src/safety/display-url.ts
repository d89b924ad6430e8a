import { domainToUnicode } from 'node:url';
import { skeleton } from './skeleton.js';

const scripts = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Hebrew',
  'Arabic',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Thai',
  'Hangul',
  'Hiragana',
  'Katakana',
  'Han',
  'Georgian',
  'Ethiopic',
] as const;
const scriptPatterns = scripts.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'u')] as const);
/** Scripts that are written together: Japanese mixes Han and kana, Korean Han and Hangul. */
const compatible = [
  new Set(['Han', 'Hiragana', 'Katakana', 'Latin']),
  new Set(['Han', 'Hangul', 'Latin']),
  new Set(['Han', 'Latin']),
];

function scriptsOf(label: string): Set<string> {
  const found = new Set<string>();
  for (const char of label) {
    if (/^[\p{Script=Common}\p{Script=Inherited}]$/u.test(char)) continue;
    found.add(scriptPatterns.find(([, re]) => re.test(char))?.[0] ?? 'Other');
  }
  return found;
}

/** Whether a browser would show this host label in Unicode rather than as punycode. */
function safeToShow(label: string): boolean {
  if (/^[\p{ASCII}]*$/u.test(label)) return true;
  const used = scriptsOf(label);
  if (used.has('Other')) return false;
  const single = used.size <= 1 || compatible.some((set) => [...used].every((s) => set.has(s)));
  // All-Cyrillic "аррӏе" is one script, yet reads as "apple": whole-script confusables too.
  const looksAscii = /^[\p{ASCII}]*$/u.test(skeleton(label));
  return single && !looksAscii;
}

/**
 * A link as the report shows and follows it: the URL parser's own form, with the host in
 * punycode (xn--...) when it mixes scripts or imitates a Latin name, as browsers show such
 * hosts. "https://аpple.com" (Cyrillic а) then reads "https://xn--pple-43d.com/", not as Apple.
 * Hosts in one script, such as 例子.中国, stay readable.
 */
export function displayUrl(href: string): string {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return href;
  }
  const unicodeHost = url.hostname.split('.').map((label) => (label.startsWith('xn--') ? decodeLabel(label) : label));
  if (unicodeHost.every(safeToShow)) {
    const shown = unicodeHost.join('.');
    return url.href.replace(url.host, url.port ? `${shown}:${url.port}` : shown);
  }
  return url.href;
}

function decodeLabel(label: string): string {
  // UTS 46, as browsers decode it; a label that does not decode stays as it is.
  return domainToUnicode(label) || label;
}
