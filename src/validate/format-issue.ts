import type * as z from 'zod';
import type { Problem } from '../errors.js';
import type { ParsedYaml } from '../load/parse-yaml.js';
import { formatPath } from '../load/source-positions.js';
import type { FieldPath } from '../load/source-positions.js';
import { canonicalTag } from '../schema/localised-text.js';
import { didYouMean } from './did-you-mean.js';
import { knownKeys } from './schema-shape.js';

type Issue = z.core.$ZodIssue;

/**
 * zod's issues in plain words, each at the line and column where the value (or, for a missing
 * field, its mapping) was written. Library wording such as "Invalid input: expected string,
 * received number" becomes "expected text, found the number 2021".
 */
export function problemsFromIssues(parsed: ParsedYaml, schema: z.ZodType, issues: readonly Issue[]): Problem[] {
  const problems: Problem[] = [];
  const unpacked = issues.flatMap(unpackUnion);
  const misplaced = indentedTooFar(unpacked, schema);
  for (const issue of unpacked) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const moved = misplaced.get(formatPath(path));
    if (moved) {
      // One mistake, one message: the field indented under its neighbour is reported there, not also as missing.
      if (issue.code === 'invalid_key') {
        const field = parsed.positions.locateKey(moved.parent, String(moved.under));
        problems.push(
          problem(
            parsed.file,
            parsed.positions.locateKey(path.slice(0, -1), moved.key),
            path,
            `\`${moved.key}\` is indented under \`${String(moved.under)}:\`, so YAML reads it as one of its translations; indent it ${field.column - 1} space${field.column === 2 ? '' : 's'}, like \`${String(moved.under)}:\``,
          ),
        );
      }
      continue;
    }
    if (issue.code === 'invalid_key') {
      const key = path.at(-1);
      const where = parsed.positions.locateKey(path.slice(0, -1), String(key));
      const canonical = typeof key === 'string' ? canonicalTag(key) : undefined;
      const hint = canonical && canonical !== key ? `; did you mean ${canonical}?` : '';
      const message = issue.issues[0]?.message ?? 'this key is not allowed here';
      problems.push(problem(parsed.file, where, path, `${message}, found \`${String(key)}\`${hint}`));
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      const allowed = knownKeys(schema, path);
      for (const key of issue.keys) {
        const where = parsed.positions.locateKey(path, key);
        const guess = didYouMean(key, allowed);
        const hint = guess ? `did you mean \`${guess}\`?` : `expected one of: ${allowed.join(', ')}`;
        problems.push(problem(parsed.file, where, [...path, key], `unknown field \`${key}\`; ${hint}`));
      }
      continue;
    }
    const value = valueAt(parsed.value, path);
    const missing = value === undefined && !parsed.positions.has(path);
    const where = parsed.positions.locate(path);
    problems.push(problem(parsed.file, where, path, describeIssue(issue, value, parsed.positions.raw(path), missing)));
  }
  return problems;
}

interface Misplaced {
  readonly key: string;
  /** The field it was indented under, and that field's mapping. */
  readonly under: string | number;
  readonly parent: FieldPath;
}

/**
 * A field indented one level too far under a field of translations (`source:` under
 * `headline:`) fails twice: as a language tag that is not one, and as a field missing from its
 * mapping. Both issues, keyed by their paths, point to the one mistake.
 */
function indentedTooFar(issues: readonly Issue[], schema: z.ZodType): Map<string, Misplaced> {
  const found = new Map<string, Misplaced>();
  for (const issue of issues) {
    if (issue.code !== 'invalid_key') continue;
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const key = path.at(-1);
    const under = path.at(-2);
    if (typeof key !== 'string' || under === undefined) continue;
    const parent = path.slice(0, -2);
    if (!knownKeys(schema, parent).includes(key)) continue;
    const moved = { key, under, parent };
    found.set(formatPath(path), moved);
    found.set(formatPath([...parent, key]), moved);
  }
  return found;
}

/**
 * A union whose value is of the right kind for exactly one branch (a mapping for a text that may
 * be a map of translations, a list for a list of source ids) fails for that branch's reasons;
 * those issues, at their own paths, say more than "expected text or a mapping".
 */
function unpackUnion(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const fitting = issue.errors.filter(
    (branch) => !branch.some((i) => i.code === 'invalid_type' && i.path.length === 0),
  );
  if (fitting.length !== 1) return [issue];
  return fitting[0]!.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] })).flatMap(unpackUnion);
}

function describeIssue(issue: Issue, value: unknown, raw: string | undefined, missing: boolean): string {
  const found = describeValue(value, raw);
  // YAML reads `.inf` and `.nan` as numbers; the schema's own words would be "expected a number, found the number .nan".
  if (
    typeof value === 'number' &&
    !Number.isFinite(value) &&
    (issue.code === 'invalid_type' || issue.code === 'too_big' || issue.code === 'too_small')
  ) {
    return `expected a finite number: .inf and .nan are not numbers a report can show, found ${raw ?? String(value)}`;
  }
  switch (issue.code) {
    case 'invalid_type':
      if (missing) return `missing required field \`${String(issue.path.at(-1) ?? '')}\` (${typeName(issue.expected)})`;
      return `expected ${typeName(issue.expected)}, found ${found}${quoteHint(issue.expected, value)}`;
    case 'invalid_value': {
      const options = issue.values.map((v) => String(v));
      const guess = typeof value === 'string' ? didYouMean(value, options) : undefined;
      return `expected one of ${options.join(', ')}, found ${found}${guess ? `; did you mean ${guess}?` : ''}`;
    }
    case 'invalid_union':
      if (missing)
        return `missing required field \`${String(issue.path.at(-1) ?? '')}\` (${unionExpectation(issue).split(' or ')[0]})`;
      return `expected ${unionExpectation(issue)}, found ${found}`;
    case 'too_small':
    case 'too_big':
      return sizeMessage(issue, found);
    case 'invalid_format':
    case 'custom':
      return withFound(issue.message, found);
    default:
      return withFound(issue.message, found);
  }
}

function sizeMessage(issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall, found: string): string {
  if (!/^(Too big|Too small)/.test(issue.message)) return issue.message; // our own wording from the schema
  const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
  const relation = issue.code === 'too_big' ? 'at most' : 'at least';
  if (issue.origin === 'array') return `expected ${relation} ${String(bound)} entries`;
  if (issue.origin === 'string') return `expected ${relation} ${String(bound)} characters`;
  return `expected a number ${relation} ${String(bound)}, found ${found}`;
}

function unionExpectation(issue: z.core.$ZodIssueInvalidUnion): string {
  const expectations = new Set<string>();
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first?.code === 'invalid_type') expectations.add(typeName(first.expected));
    else if (first) expectations.add('a value that fits');
  }
  return [...expectations].join(' or ') || 'a different value';
}

function withFound(message: string, found: string): string {
  return message.includes(', found ') ? message : `${message}, found ${found}`;
}

/** When YAML read text as a number or boolean, the fix is quoting it. */
function quoteHint(expected: string, value: unknown): string {
  if (expected !== 'string') return '';
  if (typeof value === 'number' || typeof value === 'boolean') return ' (put it in quotes to make it text)';
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return ' (a `: ` inside text makes YAML read a mapping; put the whole text in quotes)';
  }
  return '';
}

function typeName(expected: string): string {
  switch (expected) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'object':
      return 'a mapping (indented `key: value` lines)';
    case 'array':
      return 'a list (lines starting with `- `)';
    case 'tuple':
      return 'a list';
    case 'record':
      return 'translations by language (`en: ...`, `zh-CN: ...`)';
    default:
      return expected;
  }
}

function describeValue(value: unknown, raw?: string): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') return `the text "${truncate(value)}"`;
  if (typeof value === 'number') return `the number ${raw ?? String(value)}`;
  if (typeof value === 'boolean') return `the value ${raw ?? String(value)} (read as ${String(value)})`;
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return 'a mapping';
}

function truncate(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return oneLine.length > 40 ? `${oneLine.slice(0, 37)}...` : oneLine;
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let current = data;
  for (const part of path) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<string | number, unknown>)[part];
  }
  return current;
}

function problem(file: string, where: { line: number; column: number }, path: FieldPath, message: string): Problem {
  return { file, line: where.line, column: where.column, path: formatPath(path), message, severity: 'error' };
}
