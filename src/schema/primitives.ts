import * as z from 'zod';
import { limits } from '../limits.js';
import { bidiControl, invisibleCharacter } from '../safety/spoof-characters.js';

/** C0/C1 control characters other than tab and newline have no place in a profile. */
const controlCharacters = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function text(max: number) {
  return z
    .string()
    .trim()
    .min(1, { message: 'expected some text, found an empty value' })
    .max(max, { message: `the text is too long; the limit is ${max} characters` })
    .refine((t) => !controlCharacters.test(t), { message: 'the text holds a control character (such as NUL or ESC); remove it' })
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
  .refine((t) => !t.includes('\n'), {
    message: 'expected text on one line',
  })
  .superRefine(refuseCharacter(invisibleCharacter));

/** Summaries, notes, evidence: may span lines. */
export const longText = text(limits.longText);

export const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
    message: 'expected an id made of letters, digits, dots, dashes or underscores (such as `arxiv-2111-08276`)',
  });

/** A fact's source: one id from the profile's `sources`, or a list of them. */
export const sourceRef = z
  .union([id, z.array(id).min(1).max(10)])
  .meta({ description: 'The id of an entry in `sources` (or a list of ids) that gives this fact.' });

export type SourceRef = z.infer<typeof sourceRef>;

export function sourceIds(ref: SourceRef | readonly string[]): readonly string[] {
  return typeof ref === 'string' ? [ref] : ref;
}

/** Links a report may carry: https only, so a profile cannot smuggle `javascript:` or `file:`. */
export const httpsUrl = z
  .string()
  .max(2000, { message: 'the address is too long; the limit is 2000 characters' })
  .refine(isHttpsUrl, { message: 'expected an https:// address' })
  .superRefine(refuseCharacter(invisibleCharacter));

export function isHttpsUrl(value: string): boolean {
  if (!value.startsWith('https://')) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname.length > 0 && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export const arxivId = z
  .string()
  .regex(/^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?\/\d{7})(v\d+)?$/, {
    message: 'expected an arXiv id such as 2111.08276 (without the https://arxiv.org/abs/ part)',
  });

export function list<T extends z.ZodType>(item: T, max: number, what: string) {
  return z.array(item).max(max, { message: `too many ${what}; the limit is ${max}` });
}
