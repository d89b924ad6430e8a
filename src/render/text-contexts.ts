import type { CjkRegion } from './font-catalogue.js';

/**
 * The characters a page draws, split by the two things that choose a CJK face: the language of
 * the element (Han in a `lang="ja"` name takes Japanese forms) and whether it is bold (bold Han
 * gets a real bold face, embedded only for the characters set in bold). Read from the page's own
 * markup and stylesheet with a small scanner: it need not be a browser, since guessing "bold"
 * too often only costs bytes, and too rarely draws those characters regular, never synthetic.
 */
export interface TextContext {
  readonly region: CjkRegion;
  readonly bold: boolean;
}

interface Element {
  readonly tag: string;
  readonly region: CjkRegion;
  readonly bold: boolean;
}

interface WeightRule {
  readonly tag: string | undefined;
  readonly classes: readonly string[];
  readonly weight: number;
}

const voidTags = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const skipTags = new Set(['style', 'script', 'title']);
const boldTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'b', 'strong']);

export function regionOf(lang: string): CjkRegion {
  const l = lang.toLowerCase();
  if (l.startsWith('ja')) return 'jp';
  if (l.startsWith('ko')) return 'kr';
  if (/^zh-(?:tw|hk|mo|hant)\b/.test(l)) return 'tc';
  return 'sc';
}

/** Code points by context key (`sc`, `sc bold`, `jp`, ...). Text after `</html>` counts as regular. */
export function textContexts(html: string, stylesheet = ''): Map<string, Set<number>> {
  const rules = weightRules(html, stylesheet);
  const out = new Map<string, Set<number>>();
  const stack: Element[] = [];
  const top = (): Element => stack.at(-1) ?? { tag: '', region: 'sc', bold: false };
  let skipping: string | undefined;
  for (const [token, close, tagName, attrs] of html.matchAll(
    /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>|[^<]+|</g,
  )) {
    if (tagName === undefined) {
      if (skipping || token.startsWith('<!--')) continue;
      const key = contextKey(top());
      let set = out.get(key);
      if (!set) out.set(key, (set = new Set()));
      for (const char of decodeEntities(token)) set.add(char.codePointAt(0)!);
      continue;
    }
    const tag = tagName.toLowerCase();
    if (close) {
      if (skipping === tag) skipping = undefined;
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (skipping) continue;
    if (skipTags.has(tag)) {
      skipping = tag;
      continue;
    }
    if (voidTags.has(tag) || attrs?.trimEnd().endsWith('/')) continue;
    const parent = top();
    const lang = attribute(attrs ?? '', 'lang');
    const classes = (attribute(attrs ?? '', 'class') ?? '').split(/\s+/).filter(Boolean);
    const weight = elementWeight(rules, tag, classes);
    stack.push({
      tag,
      region: lang ? regionOf(lang) : parent.region,
      bold: weight === undefined ? parent.bold : weight >= 600,
    });
  }
  return out;
}

function contextKey(context: TextContext): string {
  return context.bold ? `${context.region} bold` : context.region;
}

export function parseContextKey(key: string): TextContext {
  const [region, bold] = key.split(' ');
  return { region: region as CjkRegion, bold: bold === 'bold' };
}

function attribute(attrs: string, name: string): string | undefined {
  // A group that did not take part is undefined, whatever RegExpExecArray's typing says.
  const groups: readonly (string | undefined)[] =
    new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(attrs)?.slice(1) ?? [];
  return groups.find((v) => v !== undefined);
}

/** The last compound of each selector that sets a font-weight, e.g. `.person-heading .native` → `.native`. */
function weightRules(html: string, stylesheet: string): WeightRule[] {
  const css = [stylesheet, ...[...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1])]
    .join('\n')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: WeightRule[] = [];
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const value = /font-weight\s*:\s*([a-z0-9]+)/i.exec(body ?? '')?.[1];
    if (!value) continue;
    const weight =
      value === 'bold' || value === 'bolder' ? 700 : value === 'normal' || value === 'lighter' ? 400 : Number(value);
    if (!Number.isFinite(weight)) continue;
    for (const selector of (selectors ?? '').split(',')) {
      const compound =
        selector
          .trim()
          .split(/[\s>+~]+/)
          .at(-1) ?? '';
      // Generated content (::before) is not the element's text.
      if (/::|:(?:before|after|marker)\b/i.test(compound)) continue;
      const last = compound.replace(/\[[^\]]*\]|::?[a-z-]+(?:\([^)]*\))?/gi, '');
      const match = /^([a-z][a-z0-9-]*|\*)?((?:\.[\w-]+)*)$/i.exec(last);
      if (!match || (!match[1] && !match[2])) continue;
      rules.push({
        tag: match[1] && match[1] !== '*' ? match[1].toLowerCase() : undefined,
        classes: (match[2] ?? '').split('.').filter(Boolean),
        weight,
      });
    }
  }
  return rules;
}

/** The weight the most specific matching rule gives (later rules win ties); undefined: inherited. */
function elementWeight(rules: readonly WeightRule[], tag: string, classes: readonly string[]): number | undefined {
  let best: { score: number; weight: number } | undefined;
  for (const rule of rules) {
    if (rule.tag && rule.tag !== tag) continue;
    if (!rule.classes.every((c) => classes.includes(c))) continue;
    const score = rule.classes.length * 10 + (rule.tag ? 1 : 0);
    if (!best || score >= best.score) best = { score, weight: rule.weight };
  }
  return best?.weight ?? (boldTags.has(tag) ? 700 : undefined);
}

function decodeEntities(text: string): string {
  return text.replace(/&#x([0-9a-f]+);|&#(\d+);/gi, (_, hex: string | undefined, dec: string | undefined) => {
    const cp = hex ? Number.parseInt(hex, 16) : Number(dec);
    return cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
  });
}
