/**
 * Regular expressions that say in a JSON Schema what the zod schema checks in code, so that an
 * editor checks a profile exactly as `validate` does. Each is the zod check's twin: a test
 * (tests/schema/schema-agreement.test.ts) generates values and asserts both agree.
 *
 * Patterns are matched with the `u` flag (ajv and yaml-language-server both do), so repetition
 * counts characters (code points), as the zod checks do.
 */

/** C0 and C1 control characters other than tab and newline. */
const control = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f';

// The characters src/safety/spoof-characters.ts refuses, as character-class ranges.
/** Embedding, override and isolate controls: refused in all text. */
const bidi = '\\u202A-\\u202E\\u2066-\\u2069';
/** Invisible characters and directional marks: refused in one-line text and links. */
const invisible =
  '\\u00AD\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B\\u2060-\\u2064\\u206A-\\u206F\\u3164\\uFEFF\\uFFA0\\u{E0000}-\\u{E007F}\\u200E\\u200F\\u061C';
/** ZWNJ and ZWJ: allowed in one-line text only between two letters or pictographs outside ASCII. */
const joiners = '\\u200C\\u200D';
const joinable = '[^\\p{ASCII}\\s]';

/**
 * Text as zod checks it: trimmed, then non-blank, at most `max` characters, no control
 * character, and (for one-line text) no line break. Leading and trailing white space is allowed
 * around the text, because zod trims it away before checking.
 */
export function textPattern(max: number, oneLine: boolean): string {
  const refused = oneLine ? `${control}${bidi}${invisible}${joiners}` : `${control}${bidi}`;
  const edge = `[^\\s${refused}]`;
  const inner = oneLine ? `(?:[^\\n${refused}]|(?<=${joinable})[${joiners}](?=${joinable}))` : `[^${refused}]`;
  return `^\\s*${edge}(?:${inner}{0,${max - 2}}${edge})?\\s*$`;
}

const year = '\\d{4}';
const month = '(?:0[1-9]|1[0-2])';
const day = [
  '(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])',
  '(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)',
  '02-(?:0[1-9]|1\\d|2[0-8])',
].join('|');
const leapYear = '(?:\\d{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)';

/** A calendar day, YYYY-MM-DD, leap years included. */
export const fullDatePattern = `^(?:${year}-(?:${day})|${leapYear}-02-29)$`;

/** YYYY, YYYY-MM or a calendar day. */
export const partialDatePattern = `^(?:${year}(?:-${month})?|${year}-(?:${day})|${leapYear}-02-29)$`;

/** A host name's label: starts with a letter or digit, ends with one (or a mark), dashes inside. */
const labelOf = (starts: string, continues: string): string => `[${starts}](?:[${continues}-]{0,61}[${continues}])?`;

// Letters and digits of any script: an internationalised domain is allowed as written (the
// report shows it as punycode, as browsers do, so that a look-alike host cannot pass for another).
const label = labelOf('\\p{L}\\p{N}', '\\p{L}\\p{N}\\p{M}');

/** A port as the URL parser takes it: 0 to 65535, leading zeros allowed. */
const port = '0*(?:6553[0-5]|655[0-2]\\d|65[0-4]\\d{2}|6[0-4]\\d{3}|[1-5]\\d{4}|\\d{1,4})';

/**
 * An https address: a host name of letters and digits (any script) in dot-separated labels, an
 * optional port, and no white space, control, invisible or reordering character anywhere. The
 * zod check also parses it with the WHATWG URL parser; a host that the parser refuses although
 * it fits this pattern (an ill-formed internationalised name) is the one case where an editor
 * may accept what validate refuses.
 */
export const httpsUrlPattern = httpsUrlOf(label);

/**
 * httpsUrlPattern for text that is all ASCII, where it means exactly the same: the only ASCII
 * letters (\p{L}) are A-Z and a-z, the only digits (\p{N}) 0-9, and no mark (\p{M}) is
 * ASCII. Checking a link takes one pattern or the other; this one compiles in a tenth of the
 * time, where the classes of every script's letters cost V8 a few milliseconds per process.
 */
export const asciiHttpsUrlPattern = httpsUrlOf(labelOf('A-Za-z0-9', 'A-Za-z0-9'));

function httpsUrlOf(hostLabel: string): string {
  return `^https://${hostLabel}(?:\\.${hostLabel})*(?::${port})?(?:[/?#][^\\s${control}${bidi}${invisible}${joiners}]*)?$`;
}
