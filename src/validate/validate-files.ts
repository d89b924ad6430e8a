import path from 'node:path';
import { ValidationError } from '../errors.js';
import type { Problem } from '../errors.js';
import { decodeText } from '../load/decode-text.js';
import { loadInputs } from '../load/load-inputs.js';
import { readInputFile } from '../load/read-input-file.js';
import type { FileReader } from '../load/read-input-file.js';
import { displayPath } from '../load/resolve-inside.js';
import { parseYaml } from '../load/parse-yaml.js';
import { profilePortrait } from '../load/read-portrait.js';
import { sortProblems, validateProfile } from './validate-document.js';
import { localToday } from '../local-today.js';

export interface ValidateOptions {
  /** Where relative paths start. @default process.cwd() */
  readonly cwd?: string;
  /** The date future-dated facts are compared with (YYYY-MM-DD). @default today, in local time */
  readonly today?: string;
  /** Where files come from. @default the file system */
  readonly read?: FileReader;
}

export interface ValidationReport {
  /** Every file looked at, as shown in messages. */
  readonly files: readonly string[];
  readonly problems: readonly Problem[];
  readonly ok: boolean;
}

/**
 * Checks profiles and report specs without building anything. A report spec is checked with
 * every profile it names; no file means the default spec. Every problem in every file at once.
 */
export async function validateProfiles(
  files: readonly string[],
  given: ValidateOptions = {},
): Promise<ValidationReport> {
  const options = {
    cwd: given.cwd ?? process.cwd(),
    today: given.today ?? localToday(),
    read: given.read ?? readInputFile,
  };
  const targets = files.length > 0 ? files : [undefined];
  const problems: Problem[] = [];
  const seen: string[] = [];
  for (const target of targets) {
    const absolute = target === undefined ? undefined : path.resolve(options.cwd, target);
    if (absolute && !(await isReportSpecFile(absolute, options.cwd, options.read))) {
      const shown = displayPath(options.cwd, absolute);
      seen.push(shown);
      const bytes = await options.read(absolute);
      if (!bytes.ok) problems.push({ ...bytes.problem, file: shown });
      else problems.push(...(await profileProblems(shown, absolute, bytes.bytes, options)));
      continue;
    }
    try {
      const inputs = await loadInputs(
        { cwd: options.cwd, today: options.today, ...(absolute ? { spec: absolute } : {}) },
        options.read,
      );
      seen.push(displayPath(options.cwd, inputs.specPath ?? ''), ...inputs.profiles.map((p) => p.file));
      problems.push(...inputs.warnings);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      seen.push(...error.files);
      problems.push(...error.problems);
    }
  }
  const unique = dedupe(problems);
  return { files: [...new Set(seen)], problems: sortProblems(unique), ok: !unique.some((p) => p.severity === 'error') };
}

/** A profile's problems, its portrait's included: it is read and decoded as a build would. */
async function profileProblems(
  shown: string,
  absolute: string,
  bytes: Uint8Array,
  options: { cwd: string; today: string; read: FileReader },
): Promise<Problem[]> {
  const checked = validateProfile(shown, bytes, options.today);
  const photo = checked.value?.person.photo;
  const portrait = photo ? await profilePortrait(photo.file, absolute, options.cwd, options.read) : undefined;
  if (!portrait || portrait.ok) return [...checked.problems];
  const where = checked.parsed?.positions.locate(['person', 'photo', 'file']) ?? {};
  return [
    ...checked.problems,
    { file: shown, ...where, path: 'person.photo.file', message: portrait.message, severity: 'error' },
  ];
}

/** A report spec lists `profiles`; a profile has a `person`. Unreadable files count as profiles. */
export async function isReportSpecFile(file: string, cwd: string, read: FileReader = readInputFile): Promise<boolean> {
  const bytes = await read(path.resolve(cwd, file));
  if (!bytes.ok) return false;
  const text = decodeText(file, bytes.bytes);
  if (!text.ok) return false;
  const parsed = parseYaml(file, text.text);
  const value = parsed.value;
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && 'profiles' in value && !('person' in value)
  );
}

function dedupe(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}|${p.line}|${p.column}|${p.path}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
