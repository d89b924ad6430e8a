import type * as z from 'zod';
import type { Problem } from '../errors.js';
import { decodeText } from '../load/decode-text.js';
import { parseYaml } from '../load/parse-yaml.js';
import type { ParsedYaml } from '../load/parse-yaml.js';
import { profileSchema } from '../schema/profile-schema.js';
import { localiseProfile } from '../schema/localise-profile.js';
import type { LocalisedProfile, Profile } from '../schema/profile-schema.js';
import { reportSchema } from '../schema/report-schema.js';
import type { ReportSpec } from '../schema/report-schema.js';
import { crossCheckProfile } from './cross-check-profile.js';
import { problemsFromIssues } from './format-issue.js';
import { textWarnings } from './text-warnings.js';

export interface Validated<T> {
  /** Present only when there is no error (warnings allowed). */
  readonly value?: T;
  readonly parsed?: ParsedYaml;
  readonly problems: readonly Problem[];
}

export interface ValidatedProfile extends Validated<Profile> {
  /** The profile as written, texts in every language given; `value` is it in the profile's own language. */
  readonly localised?: LocalisedProfile;
}

/** Bytes of one YAML file to a value of `schema`: decode, parse, check. Pure. */
function validateDocument<S extends z.ZodType>(file: string, bytes: Uint8Array, schema: S): Validated<z.output<S>> {
  const decoded = decodeText(file, bytes);
  if (!decoded.ok) return { problems: [decoded.problem] };
  const parsed = parseYaml(file, decoded.text);
  if (parsed.problems.length > 0) return { parsed, problems: parsed.problems };
  // An empty file (or one of comments only) is an empty mapping with every required field
  // missing, which is what an editor reports for it, rather than "expected a mapping".
  // jitless: by default zod compiles a parser of its own (new Function) for each object shape
  // the first time it checks one; a build checks each document once, in a fresh process, so
  // compiling costs more than it saves (about 7% of the load stage).
  const result = schema.safeParse(parsed.empty ? {} : parsed.value, { jitless: true });
  if (!result.success) return { parsed, problems: problemsFromIssues(parsed, schema, result.error.issues) };
  return { value: result.data, parsed, problems: [] };
}

/**
 * One profile: the schema and the cross-checks in one pass, so a file with a typo in one field
 * and a dangling source id in another shows both at once.
 */
export function validateProfile(file: string, bytes: Uint8Array, buildDate: string): ValidatedProfile {
  const checked = validateDocument(file, bytes, profileSchema);
  const parsed = checked.parsed;
  if (!parsed || parsed.problems.length > 0) return { ...(parsed ? { parsed } : {}), problems: checked.problems };
  const problems = sortProblems([
    ...checked.problems,
    ...crossCheckProfile(parsed.value, parsed, buildDate),
    ...(checked.value ? textWarnings(checked.value, parsed) : []),
  ]);
  if (!checked.value || problems.some((p) => p.severity === 'error')) return { parsed, problems };
  return {
    value: localiseProfile(checked.value, checked.value.language).profile,
    localised: checked.value,
    parsed,
    problems,
  };
}

export function validateReportSpec(file: string, bytes: Uint8Array): Validated<ReportSpec> {
  return validateDocument(file, bytes, reportSchema);
}

/** Sort by file, line, column, so output reads top to bottom like the files. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) =>
    a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) : 0,
  );
}
