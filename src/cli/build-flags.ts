import { Option } from 'commander';
import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { matchLanguage, shippedLanguageList, shippedLanguages } from '../i18n/languages.js';
import type { Language } from '../i18n/languages.js';
import { limits } from '../limits.js';
import type { BuildOptions, OutputFormat } from '../resolve-build.js';
import type { PageSize } from '../schema/report-schema.js';

/**
 * The report spec's page sizes, listed here rather than imported: the schema module brings zod,
 * and the CLI parses its flags before Chromium starts, so it loads as little as it can
 * (tests/cli/build-flags.test.ts checks the two lists agree).
 */
const pageSizes = ['A4', 'Letter'] as const satisfies readonly PageSize[];

/**
 * The flags that choose what a build makes, defined once for `build`, `watch` and `queue add`
 * (which takes the subset a queued job carries), so their names, help and checks cannot
 * drift apart. Commander parses and checks each value (`argParser`), and a bad one is a
 * UsageError in plain words (exit code 2) rather than commander's "argument is invalid". No
 * defaults here: resolveBuild applies them, for the CLI and the library alike.
 */
export interface BuildFlags {
  readonly out?: string;
  readonly format?: readonly OutputFormat[];
  readonly page?: PageSize;
  readonly templates?: string;
  readonly lang?: Language;
  /** Milliseconds (given in seconds). */
  readonly timeout?: number;
  readonly strict?: boolean;
  readonly since?: string;
}

export type BuildFlagName = keyof BuildFlags;

/** What `--strict` does to a failing build of this command (it differs: a build, a watch, a job). */
const flags: Record<BuildFlagName, (strict: string) => Option> = {
  out: () => new Option('--out <dir>', "output folder (default: the spec's output.dir)"),
  format: () => new Option('--format <list>', 'html, pdf or html,pdf (default: html,pdf)').argParser(parseFormats),
  page: () =>
    new Option('--page <size>', "the paper size (default: the spec's page)").choices(pageSizes).argParser(parsePage),
  templates: () => new Option('--templates <dir>', 'a folder whose partials and styles.css override the built-in ones'),
  lang: () =>
    new Option('--lang <language>', "the report's language (default: the spec's language)")
      .choices(shippedLanguages)
      .argParser(parseLanguage),
  timeout: () =>
    new Option(
      '--timeout <seconds>',
      `deadline for rendering the page (default: ${limits.renderTimeoutMs / 1000})`,
    ).argParser(parseTimeout),
  strict: (strict) =>
    new Option(
      '--strict',
      `treat every warning (a character no font draws, a page too wide...) as an error: ${strict}`,
    ),
  since: () =>
    new Option(
      '--since <edition>',
      'add "what changed since" an earlier edition: its PDF or HTML, or git:REV',
    ).argParser(parseSince),
};

/** Adds the named build flags to a command, in the one order every command lists them. */
export function addBuildFlags(command: Command, names: readonly BuildFlagName[], strict: string): Command {
  for (const name of Object.keys(flags) as BuildFlagName[])
    if (names.includes(name)) command.addOption(flags[name](strict));
  return command;
}

/** The library's options from the parsed flags: the CLI is a thin layer over buildReport. */
export function buildOptionsOf(parsed: BuildFlags): BuildOptions {
  return {
    ...(parsed.out !== undefined ? { outDir: parsed.out } : {}),
    ...(parsed.format !== undefined ? { formats: parsed.format } : {}),
    ...(parsed.page !== undefined ? { page: parsed.page } : {}),
    ...(parsed.templates !== undefined ? { templates: parsed.templates } : {}),
    ...(parsed.lang !== undefined ? { language: parsed.lang } : {}),
    ...(parsed.timeout !== undefined ? { timeoutMs: parsed.timeout } : {}),
    ...(parsed.strict ? { strict: true } : {}),
    ...(parsed.since !== undefined ? { since: parsed.since } : {}),
  };
}

/** Whether a command with these flags prints a PDF: worth starting Chromium for, first thing. */
export function wantsPdf(parsed: BuildFlags): boolean {
  return parsed.format === undefined || parsed.format.includes('pdf');
}

export function parseFormats(text: string): OutputFormat[] {
  const formats = text.split(',').map((f) => f.trim().toLowerCase());
  if (formats.some((f) => f !== 'html' && f !== 'pdf'))
    throw new UsageError(`--format takes html, pdf or html,pdf, not ${text}`);
  return [...new Set(formats as OutputFormat[])];
}

/** A4 or Letter, in any case, as people type them. */
export function parsePage(text: string): PageSize {
  const page = pageSizes.find((p) => p.toLowerCase() === text.toLowerCase());
  if (!page) throw new UsageError(`--page takes ${pageSizes.join(' or ')}, not ${text}`);
  return page;
}

export function parseLanguage(text: string): Language {
  const language = matchLanguage(text);
  if (!language)
    throw new UsageError(
      `--lang takes a language the report can be written in (${shippedLanguageList()}), not ${text}`,
    );
  return language;
}

/** Seconds in, milliseconds out. */
export function parseTimeout(text: string): number {
  const seconds = Number(text);
  if (text.trim() === '' || !Number.isFinite(seconds) || seconds <= 0)
    throw new UsageError(`--timeout takes a number of seconds, not ${text}`);
  return Math.round(seconds * 1000);
}

function parseSince(text: string): string {
  if (text.trim() === '' || text === 'git:')
    throw new UsageError('--since takes an earlier edition: a PDF or HTML report, or git:REV');
  return text;
}
