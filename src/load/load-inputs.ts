import path from 'node:path';
import { UserError, ValidationError } from '../errors.js';
import type { Problem } from '../errors.js';
import type { Profile, LocalisedProfile } from '../schema/profile-schema.js';
import { commandLineSpec, fallbackSpec } from './command-line-spec.js';
import type { ReportSpec } from '../schema/report-schema.js';
import { validateProfile, validateReportSpec } from '../validate/validate-document.js';
import { limits } from '../limits.js';
import { confusableNames } from '../safety/confusable-names.js';
import type { FileReader } from './read-input-file.js';
import type { FactsDocument } from '../edition/facts-schema.js';
import { formatPath } from './source-positions.js';
import type { ValidationCache } from './validation-cache.js';
import type { FieldPath, SourcePositions } from './source-positions.js';
import { missingProfileMessage } from './missing-profile.js';
import { displayPath, resolveInside } from './resolve-inside.js';
import { profilePortrait } from './read-portrait.js';
import type { Portrait } from './read-portrait.js';

export interface InputRequest {
  /** The project folder: spec-relative paths must stay inside it. */
  readonly cwd: string;
  /** A report spec; default `data/report.yaml`. */
  readonly spec?: string;
  /** Profiles to compare instead of the spec's, in this order. */
  readonly profiles?: readonly string[];
  /** Used as the build date only when there is no spec at all. */
  readonly today: string;
}

export interface LoadedProfile {
  /** As shown in messages: relative to cwd. */
  readonly file: string;
  readonly absolutePath: string;
  readonly profile: Profile;
  /** The profile as written, its texts in every language given, for reports in other languages. */
  readonly localised?: LocalisedProfile;
  /** Where each field was written (for warnings found after loading, at file:line:col). */
  readonly positions?: SourcePositions;
  /** `person.photo`, read, checked and re-encoded. */
  readonly portrait?: Portrait;
}

export interface LoadedInputs {
  readonly spec: ReportSpec;
  /** Absent when profiles were given and no default spec exists. */
  readonly specPath?: string;
  readonly specDir: string;
  readonly profiles: readonly LoadedProfile[];
  /** Warnings only; errors throw. */
  readonly warnings: readonly Problem[];
  /** The facts of the edition the report is compared with (`--since`), when one was given. */
  readonly since?: FactsDocument;
  /** The people were named on the command line: the title and output name come from them, not the spec. */
  readonly fromCommandLine?: boolean;
}

export const defaultSpecPath = path.join('data', 'report.yaml');

/**
 * Reads and validates the report spec and every profile it names, reporting every problem in
 * every file at once (a ValidationError) rather than stopping at the first.
 */
export async function loadInputs(
  request: InputRequest,
  read: FileReader,
  cache?: ValidationCache,
): Promise<LoadedInputs> {
  const problems: Problem[] = [];
  const show = (p: string): string => displayPath(request.cwd, p);
  const specPath = path.resolve(request.cwd, request.spec ?? defaultSpecPath);
  const haveCliProfiles = (request.profiles?.length ?? 0) > 0;
  const { spec, named, specFound, locate } = await readSpec(request, specPath, read, problems);
  if (!spec && named.profiles.length === 0 && !haveCliProfiles) throw new ValidationError(problems, [show(specPath)]);

  const specDir = specFound ? path.dirname(specPath) : request.cwd;
  const specProblem = (fieldPath: FieldPath, message: string): Problem => ({
    file: show(specPath),
    ...locate(fieldPath),
    path: formatPath(fieldPath),
    message,
    severity: 'error',
  });
  const { profilePaths, namedAt } = profilesToRead(request, named.profiles, specDir, specProblem, problems);
  if (spec && specFound) problems.push(...folderProblems(spec, request.cwd, specDir, specProblem));
  // Profiles named by a spec must really be in the project (a symbolic link out is refused);
  // profiles named on the command line are where the user said they are.
  const profiles = await readProfiles(profilePaths, {
    request,
    read,
    within: haveCliProfiles ? undefined : request.cwd,
    buildDate: named.buildDate,
    namedAt,
    specProblem,
    problems,
    ...(cache ? { cache } : {}),
  });
  problems.push(
    ...confusableNames(
      profiles.map((p) => ({ file: p.file, name: p.profile.person.name, nativeName: p.profile.person.nativeName })),
    ),
  );
  if (!spec || problems.some((p) => p.severity === 'error')) {
    throw new ValidationError(problems, [...(specFound ? [show(specPath)] : []), ...profilePaths.map(show)]);
  }
  const finalSpec = haveCliProfiles
    ? commandLineSpec(
        spec,
        profiles.map((p) => p.profile.person.name),
      )
    : spec;
  return {
    spec: finalSpec,
    ...(specFound ? { specPath } : {}),
    specDir,
    profiles,
    warnings: problems,
    ...(haveCliProfiles ? { fromCommandLine: true } : {}),
  };
}

interface SpecRead {
  readonly spec: ReportSpec | undefined;
  /** What the spec names even when it fails its schema, so its profiles are checked in the same run. */
  readonly named: { readonly profiles: readonly string[]; readonly buildDate: string };
  /** False when profiles were given and the project has no spec: the defaults stand in. */
  readonly specFound: boolean;
  readonly locate: (fieldPath: FieldPath) => { line?: number; column?: number };
}

/** The report spec, validated; its problems go to `problems`. */
async function readSpec(
  request: InputRequest,
  specPath: string,
  read: FileReader,
  problems: Problem[],
): Promise<SpecRead> {
  const show = displayPath(request.cwd, specPath);
  const haveCliProfiles = (request.profiles?.length ?? 0) > 0;
  // The default spec is part of the project, so a link out of it is refused; a spec named on
  // the command line is where the user said it is.
  const specBytes = await read(specPath, undefined, request.spec === undefined ? request.cwd : undefined);
  if (specBytes.ok) {
    const checked = validateReportSpec(show, specBytes.bytes);
    problems.push(...checked.problems);
    const spec = checked.value;
    const positions = checked.parsed?.positions;
    return {
      spec,
      named: spec
        ? { profiles: spec.profiles, buildDate: spec.buildDate }
        : namedByBrokenSpec(checked.parsed?.value, request.today),
      specFound: true,
      locate: positions ? (fieldPath) => positions.locate(fieldPath) : () => ({}),
    };
  }
  if (haveCliProfiles && request.spec === undefined) {
    const spec = fallbackSpec(request.today);
    return { spec, named: { profiles: [], buildDate: spec.buildDate }, specFound: false, locate: () => ({}) };
  }
  if (request.spec === undefined && !haveCliProfiles && specBytes.problem.message === 'no such file') {
    throw new UserError(noProjectMessage(show));
  }
  problems.push({ ...specBytes.problem, file: show });
  return { spec: undefined, named: { profiles: [], buildDate: request.today }, specFound: true, locate: () => ({}) };
}

type SpecProblem = (fieldPath: FieldPath, message: string) => Problem;

/** The profiles to read, absolute, and where the spec named each (to point at it when it is missing). */
function profilesToRead(
  request: InputRequest,
  named: readonly string[],
  specDir: string,
  specProblem: SpecProblem,
  problems: Problem[],
): { profilePaths: string[]; namedAt: Map<string, { index: number; written: string }> } {
  const profilePaths: string[] = [];
  const namedAt = new Map<string, { index: number; written: string }>();
  const cliProfiles = request.profiles ?? [];
  if (cliProfiles.length > 0) {
    // Named on the command line by the user, so not confined to the project folder.
    profilePaths.push(...cliProfiles.map((p) => path.resolve(request.cwd, p)));
  } else {
    named.forEach((relative, i) => {
      const resolved = resolveInside(request.cwd, specDir, relative);
      if (resolved.ok) {
        profilePaths.push(resolved.path);
        namedAt.set(resolved.path, { index: i, written: relative });
      } else problems.push(specProblem(['profiles', i], resolved.message));
    });
  }
  if (profilePaths.length > limits.people) {
    // Point at what the user typed: the command line, or the spec's list.
    problems.push(
      cliProfiles.length > 0
        ? {
            file: '(command line)',
            path: '',
            message: `${profilePaths.length} profiles given; a report compares at most ${limits.people}`,
            severity: 'error',
          }
        : specProblem(['profiles'], `${profilePaths.length} people given; a report compares at most ${limits.people}`),
    );
  }
  return { profilePaths, namedAt };
}

/** The spec's output and template folders must stay inside the project. */
function folderProblems(spec: ReportSpec, cwd: string, specDir: string, specProblem: SpecProblem): Problem[] {
  const folders = [
    [['output', 'dir'], spec.output.dir],
    [['templates'], spec.templates],
  ] as const;
  return folders.flatMap(([fieldPath, relative]) => {
    if (relative === undefined) return [];
    const resolved = resolveInside(cwd, specDir, relative);
    return resolved.ok ? [] : [specProblem(fieldPath, resolved.message)];
  });
}

interface ProfileReading {
  readonly request: InputRequest;
  readonly read: FileReader;
  /** The folder a profile must really be inside, or undefined where the user named it. */
  readonly within: string | undefined;
  readonly buildDate: string;
  readonly namedAt: ReadonlyMap<string, { index: number; written: string }>;
  readonly specProblem: SpecProblem;
  readonly problems: Problem[];
  readonly cache?: ValidationCache;
}

/** Every profile read (in parallel) and validated, with its portrait; problems go to `problems`. */
async function readProfiles(profilePaths: readonly string[], how: ProfileReading): Promise<LoadedProfile[]> {
  const { request, problems } = how;
  const show = (p: string): string => displayPath(request.cwd, p);
  const profiles: LoadedProfile[] = [];
  const results = await Promise.all(
    profilePaths.map(async (p) => ({ p, read: await how.read(p, undefined, how.within) })),
  );
  for (const { p, read: bytes } of results) {
    if (!bytes.ok) {
      const site = how.namedAt.get(p);
      if (site && bytes.problem.message === 'no such file')
        problems.push(how.specProblem(['profiles', site.index], await missingProfileMessage(site.written, p, show(p))));
      else problems.push({ ...bytes.problem, file: show(p) });
      continue;
    }
    const checked = how.cache
      ? how.cache.profile(show(p), bytes.bytes, how.buildDate)
      : validateProfile(show(p), bytes.bytes, how.buildDate);
    problems.push(...checked.problems);
    if (!checked.value) continue;
    // A portrait that cannot be used is a problem of the profile, at the line that names it.
    const photo = checked.value.person.photo;
    const portrait = photo ? await profilePortrait(photo.file, p, request.cwd, how.read) : undefined;
    if (portrait && !portrait.ok) {
      const where = checked.parsed?.positions.locate(['person', 'photo', 'file']) ?? {};
      problems.push({
        file: show(p),
        ...where,
        path: 'person.photo.file',
        message: portrait.message,
        severity: 'error',
      });
      continue;
    }
    profiles.push({
      file: show(p),
      absolutePath: p,
      profile: checked.value,
      ...(checked.parsed ? { positions: checked.parsed.positions } : {}),
      ...(checked.localised ? { localised: checked.localised } : {}),
      ...(portrait?.ok ? { portrait: portrait.portrait } : {}),
    });
  }
  return profiles;
}

/** Run with no file outside a project: say what to do, not only what is missing. */
export function noProjectMessage(spec: string): string {
  return `there is no ${spec} here, so this is not a profile-report project. Start one with \`profile-report init\` (a report spec and two starter profiles), or name the profiles to compare, for example: profile-report build alice.yaml bob.yaml`;
}

/** The profiles and build date of a spec that fails its schema, as far as they can be read. */
function namedByBrokenSpec(raw: unknown, today: string): { profiles: readonly string[]; buildDate: string } {
  const fields = raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const profiles = Array.isArray(fields['profiles'])
    ? fields['profiles'].filter((p): p is string => typeof p === 'string')
    : [];
  const date = fields['buildDate'];
  return { profiles, buildDate: typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : today };
}
