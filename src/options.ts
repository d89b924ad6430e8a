import path from 'node:path';
import type { Language } from './i18n/languages.js';
import type { LoadedInputs } from './load/load-inputs.js';
import type { PageSize } from './schema/report-schema.js';
import { limits } from './limits.js';

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
  /** The date used as build date when there is no report spec at all (YYYY-MM-DD). @default today */
  readonly today?: string;
}

/** Options after the spec and defaults are applied: what the pipeline uses. */
export interface ResolvedOptions {
  readonly formats: ReadonlySet<OutputFormat>;
  readonly page: PageSize;
  readonly language: Language;
  /** Absolute; undefined means the built-in templates only. */
  readonly templatesDir: string | undefined;
  readonly outDir: string;
  readonly outName: string;
  readonly timeoutMs: number;
}

export function resolveOptions(options: BuildOptions, inputs: LoadedInputs): ResolvedOptions {
  const cwd = options.cwd ?? process.cwd();
  const { spec, specDir } = inputs;
  return {
    formats: new Set(options.formats ?? ['html', 'pdf']),
    page: options.page ?? spec.page,
    language: options.language ?? spec.language,
    templatesDir: options.templates
      ? path.resolve(cwd, options.templates)
      : spec.templates
        ? path.resolve(specDir, spec.templates)
        : undefined,
    outDir: options.outDir ? path.resolve(cwd, options.outDir) : path.resolve(specDir, spec.output.dir),
    outName: spec.output.name,
    timeoutMs: options.timeoutMs ?? limits.renderTimeoutMs,
  };
}

/** The paths a build writes, in format order. */
export function outputPaths(resolved: ResolvedOptions): { format: OutputFormat; path: string }[] {
  return (['html', 'pdf'] as const)
    .filter((f) => resolved.formats.has(f))
    .map((format) => ({ format, path: path.join(resolved.outDir, `${resolved.outName}.${format}`) }));
}
