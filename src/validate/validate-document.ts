import type * as z from 'zod';
import type { Problem } from '../errors.js';
import { decodeText } from '../load/decode-text.js';
import { parseYaml } from '../load/parse-yaml.js';
import type { ParsedYaml } from '../load/parse-yaml.js';
import { profileSchema } from '../schema/profile-schema.js';
import type { Profile } from '../schema/profile-schema.js';
import { reportSchema } from '../schema/report-schema.js';
import type { ReportSpec } from '../schema/report-schema.js';
import { crossCheckProfile } from './cross-check-profile.js';
import { problemsFromIssues } from './format-issue.js';

export interface Validated<T> {
  /** Present only when there is no error (warnings allowed). */
  readonly value?: T;
  readonly parsed?: ParsedYaml;
  readonly problems: readonly Problem[];
}

/** Bytes of one YAML file to a value of `schema`: decode, parse, check. Pure. */
export function validateDocument<S extends z.ZodType>(file: string, bytes: Uint8Array, schema: S): Validated<z.output<S>> {
  const decoded = decodeText(file, bytes);
  if (!decoded.ok) return { problems: [decoded.problem] };
  const parsed = parseYaml(file, decoded.text);
  if (parsed.problems.length > 0) return { parsed, problems: parsed.problems };
  const result = schema.safeParse(parsed.value);
  if (!result.success) return { parsed, problems: problemsFromIssues(parsed, schema, result.error.issues) };
  return { value: result.data, parsed, problems: [] };
}

export function validateProfile(file: string, bytes: Uint8Array, buildDate: string): Validated<Profile> {
  const checked = validateDocument(file, bytes, profileSchema);
  if (!checked.value || !checked.parsed) return checked;
  const problems = crossCheckProfile(checked.value, checked.parsed, buildDate);
  const failed = problems.some((p) => p.severity === 'error');
  return failed ? { parsed: checked.parsed, problems } : { value: checked.value, parsed: checked.parsed, problems };
}

export function validateReportSpec(file: string, bytes: Uint8Array): Validated<ReportSpec> {
  return validateDocument(file, bytes, reportSchema);
}

/** Sort by file, line, column, so output reads top to bottom like the files. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.file === b.file ? a.line - b.line || a.column - b.column : 0));
}
