import * as z from 'zod';
import { limits } from '../limits.js';
import { bidiControl, invisibleCharacter } from '../safety/spoof-characters.js';
import { asciiHttpsUrlPattern, httpsUrlPattern, textPattern } from './json-patterns.js';

/** C0/C1 control characters other than tab and newline have no place in a profile. */
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** Characters as people count them (code points), as editors count them too. */
const characters = (t: string): number => [...t].length;

function text(max: number) {
  return z
    .string()
    .trim()
    .refine((t) => t.length > 0, { error: 'expected some text, found an empty value' })
    .refine((t) => characters(t) <= max, { error: `the text is too long; the limit is ${max} characters` })
    .refine((t) => !controlCharacters.test(t), {
      error: 'the text holds a control character (such as NUL or ESC); remove it',
    })
    .superRefine(refuseCharacter(bidiControl));
}

/** A zod check that refuses text holding a character `find` reports, saying which and where. */
function refuseCharacter(find: (text: string) => { why: string } | undefined) {
  return (text: string, ctx: z.RefinementCtx): void => {
    const found = find(text);
    if (found) ctx.addIssue({ code: 'custom', message: `the text holds ${found.why}; remove it` });
  };
}

/** Names, titles, labels, units: one line, and nothing invisible that could make two look alike. */
export const shortText = text(limits.shortText)
  .refine((t) => !t.includes('\n'), { error: 'expected text on one line' })
  .superRefine(refuseCharacter(invisibleCharacter))
  .meta({
    pattern: textPattern(limits.shortText, true),
    errorMessage: `Expected text on one line: not blank, at most ${limits.shortText} characters, no control characters and no invisible or reordering characters.`,
  });

/** Summaries, notes, evidence: may span lines. */
export const longText = text(limits.longText).meta({
  pattern: textPattern(limits.longText, false),
  errorMessage: `Expected some text: not blank, at most ${limits.longText} characters, no control characters and no reordering (bidirectional) controls.`,
});

export const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    error: 'expected an id made of letters, digits, dots, dashes or underscores (such as `arxiv-2111-08276`)',
  })
  .meta({
    description: 'A short name for this entry, unique in its list: letters, digits, dots, dashes or underscores.',
    errorMessage:
      'Expected an id: up to 64 letters, digits, dots, dashes or underscores, starting with a letter or digit (such as arxiv-2111-08276).',
  });

/** A fact's source: one id from the profile's `sources`, or a list of them. */
export const sourceRef = z
  .union([
    id.meta({ description: 'The id of an entry in `sources`.' }),
    z
      .array(id)
      .min(1)
      .max(10)
      .meta({ description: 'The ids of the entries in `sources` that give this fact (1 to 10).' }),
  ])
  .meta({ description: 'The id of an entry in `sources` (or a list of ids) that gives this fact.' });

export type SourceRef = z.infer<typeof sourceRef>;

export function sourceIds(ref: SourceRef | readonly string[]): readonly string[] {
  return typeof ref === 'string' ? [ref] : ref;
}

const httpsShape = new RegExp(httpsUrlPattern, 'u');
const asciiHttpsShape = new RegExp(asciiHttpsUrlPattern, 'u');

/**
 * Links a report may carry: https only, so a profile cannot smuggle `javascript:` or `file:`;
 * no white space or hidden characters, so that the editor's schema can say the same with a
 * pattern.
 */
export const httpsUrl = z
  .string()
  .refine((t) => characters(t) <= 2000, { error: 'the address is too long; the limit is 2000 characters' })
  .refine(isHttpsUrl, {
    error: 'expected an https:// address with no spaces, such as https://arxiv.org/abs/2111.08276',
  })
  .superRefine(refuseCharacter(invisibleCharacter))
  .meta({
    pattern: httpsUrlPattern,
    maxLength: 2000,
    errorMessage:
      'Expected an https:// address with no spaces, such as https://arxiv.org/abs/2111.08276 (http:, javascript: and file: links are not allowed).',
  });

export function isHttpsUrl(value: string): boolean {
  // Almost every link is ASCII: V8 then never has to compile the pattern of every script's letters.
  if (!(isAscii(value) ? asciiHttpsShape : httpsShape).test(value)) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

export const arxivId = z
  .string()
  .regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/, {
    error: 'expected an arXiv id such as 2111.08276 (without the https://arxiv.org/abs/ part)',
  })
  .meta({
    description:
      'The arXiv identifier, such as 2111.08276 or hep-th/9901001; put it in quotes, or YAML reads it as a number.',
    errorMessage: 'Expected an arXiv id such as "2111.08276" (quoted, without the https://arxiv.org/abs/ part).',
  });

export function list<T extends z.ZodType>(item: T, max: number, what: string) {
  return z.array(item).max(max, { error: `too many ${what}; the limit is ${max}` });
}
