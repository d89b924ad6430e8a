import path from 'node:path';
import { UserError } from './errors.js';
import type { Language } from './i18n/languages.js';
import { limits } from './limits.js';
import type { InputRequest, LoadedInputs } from './load/load-inputs.js';
import { realFolderInside } from './load/real-path.js';
import { displayPath } from './load/resolve-inside.js';
import { localToday } from './local-today.js';
import type { PageSize, ReportSpec } from './schema/report-schema.js';

export type OutputFormat = 'html' | 'pdf';

/** What a caller may set; everything is optional. Flags win over the report spec. */
export interface BuildOptions {
  /** The project folder; spec paths must stay inside it. @default process.cwd() */
  readonly cwd?: string;
  /** The report spec. @default 'data/report.yaml' */
  readonly spec?: string;
  /** Profiles to compare instead of the spec's, in this order. */
  readonly profiles?: readonly string[];
  /** Output folder, relative to cwd. @default the spec's output.dir */
  readonly outDir?: string;
  /** @default ['html', 'pdf'] */
  readonly formats?: readonly OutputFormat[];
  /** @default the spec's page, else 'A4' */
  readonly page?: PageSize;
  /** The report's language, one of the shipped ones. @default the spec's language, else 'en' */
  readonly language?: Language;
  /** Template folder overriding the built-in partials and CSS, relative to cwd. @default the spec's templates */
  readonly templates?: string;
  /** Deadline for loading and printing the page, in milliseconds. @default 60000 */
  readonly timeoutMs?: number;
  /** Every warning (a character no font draws, a page too wide, a contents entry that moved) fails the build: nothing is written. @default false */
  readonly strict?: boolean;
  /**
   * An earlier edition to compare with: a PDF or HTML report this tool wrote, or `git:REV` (the
   * project's spec and profiles at that revision). The report gains "what changed since". @default none
   */
  readonly since?: string;
  /** The date used as build date when there is no report spec at all (YYYY-MM-DD). @default today, in local time */
  readonly today?: string;
}

/**
 * A build's settings once the flags, the report spec and the defaults are applied, in that
 * order: every field set, nothing to merge later. Everything after loading reads this and only
 * this; in particular `spec` is the effective spec (the page and language of the flags already
 * in it), so there is one answer to "which page size?".
 */
export interface ResolvedBuild {
  /** Absolute. */
  readonly cwd: string;
  /** YYYY-MM-DD, local time, unless the caller gave one. */
  readonly today: string;
  readonly strict: boolean;
  /** The earlier edition as given (its facts are loaded with the inputs); undefined for none. */
  readonly since: string | undefined;
  readonly formats: ReadonlySet<OutputFormat>;
  readonly page: PageSize;
  readonly language: Language;
  /** Absolute and real (links followed, checked inside the project when the spec named it); undefined: built-in templates only. */
  readonly templatesDir: string | undefined;
  /** Absolute and real, as templatesDir. */
  readonly outDir: string;
  readonly outName: string;
  readonly timeoutMs: number;
  /** The spec with the flags applied: what derive, render and print read. */
  readonly spec: ReportSpec;
  /** The spec as messages name it (relative to cwd), or `(report)` when there is none. */
  readonly specLabel: string;
  /** Where the outputs go, in format order. */
  readonly outputs: readonly { readonly format: OutputFormat; readonly path: string }[];
  /**
   * The folder the outputs must stay inside when written (the project, for an output folder
   * the spec named); undefined when the user named the folder and it is where they asked.
   */
  readonly writeWithin: string | undefined;
}

/** What the loader needs, with the defaults of cwd and today applied once, here. */
export function inputRequest(user: BuildOptions): InputRequest {
  return {
    cwd: path.resolve(user.cwd ?? process.cwd()),
    today: user.today ?? localToday(),
    ...(user.spec ? { spec: user.spec } : {}),
    ...(user.profiles ? { profiles: user.profiles } : {}),
  };
}

/**
 * Applies the flags, then the loaded spec, then the defaults. Folders the report spec names
 * (templates, output) must really be inside the project: their text was checked when the spec
 * loaded, and here every symbolic link along them is followed, once. The build then uses the
 * real path it checked, never the spec's name again: a link swapped during the build cannot
 * redirect a read or a write (and the write checks the folder it opened once more). Folders
 * given as flags are where the user asked for them. Throws UserError for a folder that leads
 * out of the project.
 */
export async function resolveBuild(
  user: BuildOptions,
  inputs: Pick<LoadedInputs, 'spec' | 'specDir' | 'specPath'>,
): Promise<ResolvedBuild> {
  const { cwd, today } = inputRequest(user);
  const { spec, specDir } = inputs;
  const specLabel = inputs.specPath ? displayPath(cwd, inputs.specPath) : '(report)';
  const page = user.page ?? spec.page;
  const language = user.language ?? spec.language;
  const formats: ReadonlySet<OutputFormat> = new Set(user.formats ?? ['html', 'pdf']);
  const confine = async (folder: string, field: string): Promise<string> => {
    const inside = await realFolderInside(folder, cwd);
    if (!inside.ok)
      throw new UserError(`${inputs.specPath ? specLabel : 'the report spec'}: ${field}: ${inside.message}`);
    return inside.path;
  };
  const templatesDir =
    user.templates !== undefined
      ? path.resolve(cwd, user.templates)
      : spec.templates !== undefined
        ? await confine(path.resolve(specDir, spec.templates), 'templates')
        : undefined;
  const outDir =
    user.outDir !== undefined
      ? path.resolve(cwd, user.outDir)
      : await confine(path.resolve(specDir, spec.output.dir), 'output.dir');
  const outName = spec.output.name;
  return {
    cwd,
    today,
    strict: user.strict === true,
    since: user.since,
    formats,
    page,
    language,
    templatesDir,
    outDir,
    outName,
    timeoutMs: user.timeoutMs ?? limits.renderTimeoutMs,
    spec: { ...spec, page, language },
    specLabel,
    outputs: (['html', 'pdf'] as const)
      .filter((f) => formats.has(f))
      .map((format) => ({ format, path: path.join(outDir, `${outName}.${format}`) })),
    writeWithin: user.outDir === undefined ? cwd : undefined,
  };
}
